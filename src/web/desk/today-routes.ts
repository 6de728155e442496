import type { Context, Hono } from "hono";
import { DaybriefError, isDaybriefError } from "../../errors.ts";
import { resolveTimeZone, today } from "../../model/day.ts";
import { findIssue, issueDeliveries, issueOf, previewEmail, recentIssues } from "../../pipeline/desk-queries.ts";
import {
  deskEditions,
  draftView,
  type EditResult,
  editDraftText,
  flagStory,
  moveDraftStory,
  rebuildDraft,
  rewriteDraftSection,
} from "../../pipeline/draft-edits.ts";
import { type Approval, approveAndPublish, unapproveIssue, unpublishedNote } from "../../pipeline/issue-status.ts";
import { type PublishReport, publishIssue } from "../../pipeline/publish-issue.ts";
import { cancelScheduledSend, scheduledSend, scheduleSend, wallTimeToInstant } from "../../pipeline/scheduled-sends.ts";
import { sendIssue } from "../../pipeline/send-issue.ts";
import { sendTestMessage } from "../../pipeline/send-test.ts";
import { html } from "../html.ts";
import type { DeskContext } from "./context.ts";
import { actionButton, deskPage } from "./layout.ts";
import { type DeskEnv, flash, previewHeaders, takeFlash } from "./security.ts";
import { issuePage } from "./today-page.ts";

const field = (form: Record<string, unknown>, name: string): string =>
  typeof form[name] === "string" ? (form[name] as string) : "";

/**
 * Runs a desk action and redirects (POST, redirect, GET) with what happened; a coded error becomes the message,
 * with its hint, and the page the editor was on is shown again.
 */
export async function act(c: Context<DeskEnv>, ctx: DeskContext, back: string, run: () => Promise<string>) {
  try {
    flash(c, await run());
  } catch (error) {
    if (!(error instanceof DaybriefError)) throw error;
    ctx.log.warn({ err: error, path: c.req.path }, "desk action refused");
    flash(c, `${error.code}: ${error.message} ${error.hint}`);
  }
  return c.redirect(back, 303);
}

/** What approving did, publication included: what was written where, with its warnings, or why nothing was. */
function approvalMessage(approval: Approval): string {
  const done = "Approved: it can be sent or scheduled now.";
  const { publish } = approval;
  if (publish.kind === "not-asked") return `${done} Not published (${publish.reason}).`;
  if (publish.kind === "failed") {
    return `${done} It was NOT published: ${publish.error.code}: ${publish.error.message} ${publish.error.hint}`;
  }
  return `${done} ${publishedMessage(publish.report)}`;
}

/** What publishing wrote, and where, with its warnings (siteUrl not set). */
function publishedMessage(report: PublishReport): string {
  const page = `archive/${report.issue.edition}/${report.issue.date}.html`;
  return `Published to ${report.dir}: ${page}, the archive index and the feeds (${report.files.length} files).${report.warnings.map((w) => ` Warning: ${w}`).join("")}`;
}

/** Today (the drafts of a day), the review page of an issue, and every action on a draft. */
export function todayRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  const zone = resolveTimeZone(ctx.config.timezone);
  const user = (c: Context<DeskEnv>) => ({ email: c.get("session").email, csrf: c.get("session").csrfToken });
  const page = (
    c: Context<DeskEnv>,
    title: string,
    active: string,
    body: ReturnType<typeof html>,
    status: 200 | 422 = 200,
  ) =>
    c.html(
      deskPage({ title, user: user(c), active, flash: takeFlash(c), siteName: ctx.config.siteName }, body),
      status,
    );

  app.get("/", async (c) => {
    const asked = c.req.query("date") ?? "";
    const date = /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : today(zone);
    const csrf = c.get("session").csrfToken;
    const rows = await Promise.all(
      deskEditions.map(async (edition) => ({ edition, issue: await issueOf(ctx, edition, date) })),
    );
    const recent = await recentIssues(ctx, 14);
    return page(
      c,
      `Today: ${date}`,
      "today",
      html`<form method="get" action="/desk" class="tools"><label for="date">Day</label> <input id="date" name="date" type="date" value="${date}"> <button type="submit">Show</button></form>
<div class="grid2">${rows.map(
        ({ edition, issue }) =>
          html`<section class="card"><h2>${edition}</h2>${
            issue
              ? html`<p><a href="/desk/issues/${issue.id}">${issue.title}</a></p><p><span class="status ${issue.status}">${issue.status}</span> · ${issue.sections.length} sections · ${issue.notes.filter((n) => n.level === "warning").length} warnings</p>`
              : html`<p class="muted">No draft yet.</p>`
          }${
            !issue || issue.status === "draft"
              ? actionButton(
                  "/desk/build",
                  issue ? "Rebuild draft" : "Build draft",
                  csrf,
                  { edition, date },
                  issue ? { confirm: "Rebuilding replaces every edit made to this draft. Rebuild?" } : {},
                )
              : ""
          }</section>`,
      )}</div>
<h2>Recent issues</h2><table><thead><tr><th>Day</th><th>Edition</th><th>Title</th><th>Status</th></tr></thead><tbody>${recent.map(
        (i) =>
          html`<tr><td>${i.date}</td><td>${i.edition}</td><td><a href="/desk/issues/${i.id}">${i.title}</a></td><td><span class="status ${i.status}">${i.status}</span></td></tr>`,
      )}</tbody></table>`,
    );
  });

  app.post("/build", async (c) => {
    const form = await c.req.parseBody();
    const edition = field(form, "edition");
    const date = field(form, "date");
    if (!deskEditions.includes(edition) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      return c.text("Give a built-in edition and a day (YYYY-MM-DD).", 400);
    }
    let id = "";
    const back = `/desk?date=${date}`;
    const response = await act(c, ctx, back, async () => {
      const issue = await rebuildDraft(ctx, edition, date);
      id = issue.id;
      return `Built the ${edition} draft of ${date}.`;
    });
    return id ? c.redirect(`/desk/issues/${id}`, 303) : response;
  });

  const showIssue = async (
    c: Context<DeskEnv>,
    rejected?: Extract<EditResult, { ok: false }> & { edits: Record<string, string> },
  ) => {
    const issue = await findIssue(ctx, c.req.param("id") ?? "");
    if (!issue)
      return c.html(
        deskPage(
          { title: "No such issue", user: user(c), siteName: ctx.config.siteName },
          html`<p><a href="/desk">Back to Today</a></p>`,
        ),
        404,
      );
    const body = issuePage({
      view: await draftView(ctx, issue),
      deliveries: await issueDeliveries(ctx, issue.id),
      schedule: await scheduledSend(ctx, issue.id),
      sending: ctx.sends.get(issue.id) ?? null,
      csrf: c.get("session").csrfToken,
      timeZone: zone,
      ...(rejected ? { rejected: { edits: rejected.edits, problems: rejected.problems } } : {}),
    });
    return page(c, issue.title, "today", body, rejected ? 422 : 200);
  };

  app.get("/issues/:id", (c) => showIssue(c));

  app.get("/issues/:id/preview", async (c) => {
    const issue = await findIssue(ctx, c.req.param("id"));
    if (!issue) return c.text("No such issue.", 404);
    return c.body(await previewEmail(ctx, issue), 200, {
      "content-type": "text/html; charset=utf-8",
      ...previewHeaders,
    });
  });

  const back = (c: Context<DeskEnv>) => `/desk/issues/${c.req.param("id")}`;

  app.post("/issues/:id/edit", async (c) => {
    const form = await c.req.parseBody();
    const edits: Record<string, string> = {};
    for (const [name, value] of Object.entries(form))
      if (name.startsWith("f:") && typeof value === "string") edits[name.slice(2)] = value.slice(0, 20_000);
    try {
      const result = await editDraftText(ctx, c.req.param("id"), edits);
      if (!result.ok) return showIssue(c, { ...result, edits });
      flash(
        c,
        result.changed
          ? `Saved ${result.changed} edit${result.changed === 1 ? "" : "s"}; every fact checked against its sources.`
          : "Nothing had changed.",
      );
      return c.redirect(back(c), 303);
    } catch (error) {
      if (!isDaybriefError(error)) throw error;
      flash(c, `${error.code}: ${error.message} ${error.hint}`);
      return c.redirect(back(c), 303);
    }
  });

  app.post("/issues/:id/move", async (c) => {
    const form = await c.req.parseBody();
    const by = field(form, "by") === "-1" ? -1 : 1;
    return act(c, ctx, back(c), async () => {
      await moveDraftStory(ctx, c.req.param("id"), field(form, "key"), by);
      return `Moved the story ${by < 0 ? "up" : "down"}.`;
    });
  });

  app.post("/issues/:id/rewrite", async (c) => {
    const form = await c.req.parseBody();
    const from = field(form, "from");
    const to = field(form, "to");
    return act(c, ctx, back(c), async () => {
      await rewriteDraftSection(
        ctx,
        c.req.param("id"),
        field(form, "section"),
        from && to ? { swap: { from, to } } : {},
      );
      return from && to ? "Swapped the story and wrote the section again." : "Wrote the section again.";
    });
  });

  app.post("/issues/:id/story-flag", async (c) => {
    const form = await c.req.parseBody();
    const flag = field(form, "flag");
    if (flag !== "pin" && flag !== "unpin" && flag !== "block" && flag !== "unblock")
      return c.text("Unknown flag.", 400);
    return act(c, ctx, back(c), async () => {
      await flagStory(ctx, field(form, "story"), flag);
      return `Story ${flag === "pin" ? "pinned" : flag === "unpin" ? "unpinned" : flag === "block" ? "blocked" : "unblocked"}: write its section again (or rebuild the draft) to see it there.`;
    });
  });

  app.post("/issues/:id/approve", (c) =>
    act(c, ctx, back(c), async () => {
      const approval = await approveAndPublish(ctx, c.req.param("id"));
      return approval.changed ? approvalMessage(approval) : `The issue is ${approval.status} already.`;
    }),
  );

  app.post("/issues/:id/publish", (c) =>
    act(c, ctx, back(c), async () => publishedMessage(await publishIssue(ctx, c.req.param("id")))),
  );

  app.post("/issues/:id/unapprove", (c) =>
    act(c, ctx, back(c), async () => {
      const moved = await unapproveIssue(ctx.db, c.req.param("id"));
      return moved.published ? `Back to draft. ${unpublishedNote}` : "Back to draft.";
    }),
  );

  app.post("/issues/:id/schedule", async (c) => {
    const form = await c.req.parseBody();
    return act(c, ctx, back(c), async () => {
      const at = wallTimeToInstant(field(form, "at"), zone);
      if (!at) throw new DaybriefError("E_USAGE", `"${field(form, "at")}" is not a date and time.`);
      if (at.getTime() < Date.now() - 60_000)
        throw new DaybriefError("E_USAGE", "That time has passed; pick a later one.");
      await scheduleSend(ctx, c.req.param("id"), at, c.get("session").email);
      return `Scheduled for ${at.toISOString()}: \`daybrief serve\` sends it then.`;
    });
  });

  app.post("/issues/:id/unschedule", (c) =>
    act(c, ctx, back(c), async () => {
      await cancelScheduledSend(ctx, c.req.param("id"));
      return "The scheduled send is cancelled.";
    }),
  );

  app.post("/issues/:id/test", async (c) => {
    const form = await c.req.parseBody();
    return act(c, ctx, back(c), async () => {
      const result = await sendTestMessage(ctx, c.req.param("id"), field(form, "email"));
      return `Sent a test copy to ${result.to}.`;
    });
  });

  app.post("/issues/:id/send", (c) =>
    act(c, ctx, back(c), async () => {
      const id = c.req.param("id");
      const issue = await findIssue(ctx, id);
      if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
      if (issue.status === "draft") throw new DaybriefError("E_ISSUE_NOT_APPROVED", `Issue ${id} is a draft.`);
      const running = ctx.sends.get(id);
      if (running && !running.done) return "The send is already running.";
      const state = { startedAt: new Date().toISOString(), error: null as string | null, done: false };
      ctx.sends.set(id, state);
      // The send runs on after this request; the page shows its progress from the ledger.
      void ctx.background
        .run((signal) => sendIssue(ctx, { issueId: id, policy: ctx.config.deliver.uncertainPolicy, signal }))
        .then((report) => {
          // Settled either way: a send that stopped early (the server shut down, SMTP stayed away) may be resumed.
          state.done = true;
          if (!report.finished) state.error = "stopped before the end; send again to resume";
        })
        .catch((error: unknown) => {
          state.done = true;
          state.error = isDaybriefError(error) ? `${error.code}: ${error.message}` : String(error);
          ctx.log.error({ err: error, issue_id: id }, "desk send failed");
        });
      return "Sending started.";
    }),
  );
}
