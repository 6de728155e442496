import { type DraftField, issueFields, parseBlockRef } from "../../editions/index.ts";
import { deliveryStates } from "../../model/delivery.ts";
import type { Issue, Section, StoryBlock } from "../../model/issue.ts";
import type { Story } from "../../model/story.ts";
import type { IssueDeliveries } from "../../pipeline/desk-queries.ts";
import type { DraftView, EditProblem } from "../../pipeline/draft-edits.ts";
import type { ScheduledSend } from "../../pipeline/scheduled-sends.ts";
import { type Html, html } from "../html.ts";
import { actionButton, csrfField, when } from "./layout.ts";

export type IssuePageData = {
  view: DraftView;
  deliveries: IssueDeliveries;
  schedule: ScheduledSend | null;
  sending: { startedAt: string; error: string | null; done: boolean } | null;
  csrf: string;
  /** Texts the editor submitted that failed the grounding check: shown with the failures, still in the form. */
  rejected?: { edits: Record<string, string>; problems: EditProblem[] };
  timeZone: string;
};

function factorLine(story: Story | undefined): Html {
  if (!story) return html`<span class="muted">story no longer stored</span>`;
  return html`<div class="factors">score ${story.score.toFixed(2)} · ${story.outletCount} outlets, ${story.itemCount} items${story.pinned ? " · pinned" : ""}${story.blocked ? " · blocked" : ""}<br>${story.factors.map(
    (f) =>
      html`<span title="${f.name}: value ${f.value.toFixed(2)}">${f.name} +${f.contribution.toFixed(2)} (${f.detail})</span> · `,
  )}</div>`;
}

function fieldInput(field: DraftField, rejected: IssuePageData["rejected"]): Html {
  const value = rejected?.edits[field.key] ?? field.value;
  const id = `f-${field.key.replace(/\./g, "-")}`;
  const problems = rejected?.problems.filter((p) => p.key === field.key) ?? [];
  return html`<label for="${id}">${field.label}${field.grounded ? "" : html` <span class="muted small">(not fact-checked)</span>`}</label>
${field.multiline ? html`<textarea id="${id}" name="f:${field.key}">${value}</textarea>` : html`<input id="${id}" name="f:${field.key}" value="${value}" size="90">`}
${problems.map((p) => html`<p class="error small" role="alert">Not in its sources: ${p.claims.join(", ")} — “${p.sentence}”</p>`)}`;
}

function blockCard(
  issue: Issue,
  section: Section,
  key: string,
  block: StoryBlock,
  data: IssuePageData,
  fields: DraftField[],
): Html {
  const { csrf } = data;
  const story = block.storyId ? data.view.stories.get(block.storyId) : undefined;
  const draft = issue.status === "draft";
  const own = fields.filter((f) => f.key.startsWith(`${key}.`));
  const candidates = data.view.candidates.get(section.id) ?? [];
  const action = `/desk/issues/${issue.id}`;
  return html`<div class="block" id="${key}"><h3>${block.subject ? `${block.subject}: ` : ""}${block.headline}</h3>
${factorLine(story)}
<p class="small">Sources: ${block.citations.map((c) => html`<a href="${c.url}" rel="noreferrer noopener" target="_blank">${c.outlet}: ${c.title}</a> · `)}</p>
${
  draft
    ? html`<div class="tools">${actionButton(`${action}/move`, "↑ Up", csrf, { key, by: "-1" })}${actionButton(`${action}/move`, "↓ Down", csrf, { key, by: "1" })}
${block.storyId ? html`${actionButton(`${action}/story-flag`, story?.pinned ? "Unpin" : "Pin", csrf, { story: block.storyId, flag: story?.pinned ? "unpin" : "pin" })}${actionButton(`${action}/story-flag`, "Block", csrf, { story: block.storyId, flag: "block" }, { kind: "danger" })}` : ""}
${
  block.storyId && candidates.length
    ? html`<form method="post" action="${action}/rewrite" class="inline">${csrfField(csrf)}<input type="hidden" name="section" value="${section.id}"><input type="hidden" name="from" value="${block.storyId}">
<label class="inline" for="swap-${key}">Swap for</label> <select id="swap-${key}" name="to">${candidates.map((s) => html`<option value="${s.id}">${s.title.slice(0, 90)} (${s.score.toFixed(2)})</option>`)}</select> <button type="submit">Swap</button></form>`
    : ""
}</div>
<details${data.rejected?.problems.some((p) => p.key.startsWith(`${key}.`)) ? html` open` : ""}><summary>Edit text</summary>
<form method="post" action="${action}/edit">${csrfField(csrf)}${own.map((f) => fieldInput(f, data.rejected))}<p><button type="submit" class="primary">Save edits</button></p></form></details>`
    : ""
}</div>`;
}

function sectionBody(issue: Issue, section: Section, index: number, data: IssuePageData, fields: DraftField[]): Html {
  const draft = issue.status === "draft";
  const notes = issue.notes.filter((n) => n.section === section.id);
  const loose = fields.filter((f) => f.key.startsWith(`s${index}.`) && !parseBlockRef(f.key));
  const blocks: Html[] = [];
  if (section.kind === "stories")
    section.stories.forEach((b, i) => {
      blocks.push(blockCard(issue, section, `s${index}.b${i}`, b, data, fields));
    });
  if (section.kind === "groups")
    section.groups.forEach((g, gi) => {
      blocks.push(html`<h3>${g.emoji ?? ""} ${g.label}</h3>`);
      g.stories.forEach((b, i) => {
        blocks.push(blockCard(issue, section, `s${index}.g${gi}.b${i}`, b, data, fields));
      });
    });
  return html`<section class="card" aria-labelledby="h-${section.id}"><h2 id="h-${section.id}">${section.heading ?? section.id} <span class="muted small">${section.kind} · ${section.id}</span></h2>
${notes.map((n) => html`<p class="${n.level === "warning" ? "warn" : "muted"} small">${n.level === "warning" ? "⚠ " : ""}${n.code}: ${n.message}</p>`)}
${draft ? html`<div class="tools">${actionButton(`/desk/issues/${issue.id}/rewrite`, "Write this section again", data.csrf, { section: section.id })}</div>` : ""}
${blocks}
${
  loose.length && draft
    ? html`<details${data.rejected?.problems.some((p) => loose.some((f) => f.key === p.key)) ? html` open` : ""}><summary>Edit text</summary><form method="post" action="/desk/issues/${issue.id}/edit">${csrfField(data.csrf)}${loose.map((f) => fieldInput(f, data.rejected))}<p><button type="submit" class="primary">Save edits</button></p></form></details>`
    : ""
}</section>`;
}

function actions(issue: Issue, data: IssuePageData): Html {
  const { csrf } = data;
  const base = `/desk/issues/${issue.id}`;
  const c = data.deliveries.counts;
  return html`<section class="card" aria-label="Approve and send"><p>Status: <span class="status ${issue.status}">${issue.status}</span> · ${issue.editionName} · ${issue.date} · written by the ${issue.writer.name} writer</p>
<div class="tools">
${issue.status === "draft" ? actionButton(`${base}/approve`, "Approve", csrf, {}, { kind: "primary" }) : ""}
${issue.status === "approved" ? actionButton(`${base}/unapprove`, "Back to draft", csrf) : ""}
${issue.status === "draft" ? "" : actionButton(`${base}/publish`, issue.publishedAt ? "Publish again" : "Publish to the web", csrf)}
${issue.status === "approved" || issue.status === "sending" ? actionButton(`${base}/send`, issue.status === "sending" ? "Resume sending" : "Send now", csrf, {}, { kind: "primary", confirm: `Send “${issue.title}” to every confirmed ${issue.edition} subscriber now?` }) : ""}
</div>
<p>On the web: ${
    issue.publishedAt
      ? html`published ${when(issue.publishedAt)} UTC · <a href="/archive/${issue.edition}/${issue.date}.html">its public page</a>`
      : issue.status === "sending" || issue.status === "sent"
        ? html`public since sending began (the folder is written by Publish) · <a href="/archive/${issue.edition}/${issue.date}.html">its public page</a>`
        : html`<span class="muted">not published</span>`
  }</p>
<form method="post" action="${base}/test" class="tools">${csrfField(csrf)}<label for="test-to">Send a test to</label> <input id="test-to" name="email" type="email" required placeholder="you@example.com"> <button type="submit">Send test</button></form>
${
  issue.status === "approved"
    ? html`<form method="post" action="${base}/schedule" class="tools">${csrfField(csrf)}<label for="send-at">Schedule the send at (${data.timeZone})</label> <input id="send-at" name="at" type="datetime-local" required> <button type="submit">Schedule</button></form>`
    : ""
}
${data.schedule && data.schedule.state !== "cancelled" ? html`<p>Scheduled: ${when(data.schedule.sendAt)} UTC (${data.schedule.state}${data.schedule.error ? `: ${data.schedule.error}` : ""}) by ${data.schedule.scheduledBy} ${data.schedule.state === "scheduled" ? actionButton(`${base}/unschedule`, "Cancel", csrf) : ""}</p>${resumedNote(data.schedule, c.everUncertain)}` : ""}
${data.sending ? html`<p role="status">Send started ${when(data.sending.startedAt)}${data.sending.done ? (data.sending.error ? "" : " — finished") : " — in progress"}${data.sending.error ? html` — <span class="warn">${data.sending.error}</span>` : ""}</p>` : ""}
${
  c.total
    ? html`<p>Deliveries: ${deliveryStates
        .filter((s) => c[s])
        .map((s) => `${s} ${c[s]}`)
        .join(" · ")} of ${c.total}</p>`
    : ""
}
${data.deliveries.failures.map((f) => html`<p class="small warn">${f.email}: ${f.code} ${f.error}</p>`)}
</section>`;
}

/** Says that a `serve` took the scheduled send over after the process sending it died, and what was in doubt. */
function resumedNote(schedule: ScheduledSend, inDoubt: number): Html | string {
  if (!schedule.resumes) return "";
  const times = schedule.resumes === 1 ? "" : ` (${schedule.resumes} times)`;
  const doubt = inDoubt
    ? ` ${inDoubt} message${inDoubt === 1 ? " was" : "s were"} in flight when a send stopped: the server may have accepted ${inDoubt === 1 ? "it" : "them"} (see uncertain in docs/delivery.md).`
    : "";
  return html`<p role="status" class="warn">Resumed${times}: the process sending it stopped before the end; a server took the send over at ${when(schedule.resumedAt ?? schedule.sendAt)} UTC.${doubt}</p>`;
}

/** The review page of one issue: actions, the email at desktop and phone width, and every section to work on. */
export function issuePage(data: IssuePageData): Html {
  const { issue } = data.view;
  const fields = issueFields(issue.sections);
  const general = issue.notes.filter((n) => !n.section || !issue.sections.some((s) => s.id === n.section));
  return html`${actions(issue, data)}
${data.rejected ? html`<p class="error" role="alert">Nothing was saved: ${data.rejected.problems.length} sentence(s) state what their sources do not. Fix them below, or remove the claim.</p>` : ""}
${general.map((n) => html`<p class="${n.level === "warning" ? "warn" : "muted"} small">${n.code}${n.section ? ` [${n.section}]` : ""}: ${n.message}</p>`)}
<div class="cols"><div>${issue.sections.map((s, i) => sectionBody(issue, s, i, data, fields))}</div>
<div><h2>As readers will see it</h2><div class="previews">
<iframe class="preview desktop" title="Email preview at desktop width" src="/desk/issues/${issue.id}/preview" sandbox></iframe>
<iframe class="preview phone" title="Email preview at phone width" src="/desk/issues/${issue.id}/preview" sandbox></iframe></div></div></div>`;
}
