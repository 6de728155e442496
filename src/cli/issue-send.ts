import cliProgress from "cli-progress";
import { DaybriefError } from "../errors.ts";
import type { UncertainPolicy } from "../model/delivery.ts";
import { engagementStats } from "../pipeline/delivery-events.ts";
import { approveAndPublish, unapproveIssue, unpublishedNote } from "../pipeline/issue-status.ts";
import { type SendEvent, type SendReport, type SendStart, sendIssue } from "../pipeline/send-issue.ts";
import { sendTestMessage } from "../pipeline/send-test.ts";
import { DeliveriesRepo } from "../store/deliveries-repo.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { terminalText } from "../text/controls.ts";
import { confirm } from "./confirm.ts";
import { withContext } from "./context.ts";
import { onInterrupt, takeInterrupt } from "./interrupt.ts";
import { printPublishReport } from "./issue-publish.ts";
import { color, plural, printJson, printTable } from "./output.ts";

/** `daybrief issue approve ID`: a draft becomes approved (and is never rebuilt). */
export async function issueApprove(id: string): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    const moved = await approveAndPublish(ctx, id);
    const issue = await new IssuesRepo(ctx.db).get(id);
    const what = `${issue?.editionName} of ${issue?.date}: "${terminalText(issue?.title ?? "")}"`;
    if (moved.changed) {
      process.stdout.write(`Approved ${what}.\nSend it with \`daybrief issue send ${id}\`.\n`);
      if (moved.publish.kind === "published") printPublishReport(moved.publish.report);
      // The approval stands; the command still fails, so a script sees that the archive was not written.
      if (moved.publish.kind === "failed") throw moved.publish.error;
    } else if (moved.status === "approved") process.stdout.write(`Already approved: ${what}.\n`);
    else process.stdout.write(`Issue ${id} is ${moved.status}: ${what}.\n`);
  });
}

/** `daybrief issue unapprove ID`: back to draft, refused once sending began. */
export async function issueUnapprove(id: string): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    const moved = await unapproveIssue(ctx.db, id);
    process.stdout.write(
      moved.changed
        ? `Issue ${id} is a draft again: rebuild it with \`daybrief issue build\`, or approve it again.\n`
        : `Issue ${id} is already a draft.\n`,
    );
    if (moved.changed && moved.published) process.stderr.write(`${color.yellow("note")} ${unpublishedNote}\n`);
  });
}

type SendOpts = { yes?: boolean; test?: string; uncertain: UncertainPolicy; json?: boolean };

/** `daybrief issue send ID [--yes] [--test EMAIL] [--uncertain resend|skip] [--json]` */
export async function issueSend(id: string, opts: SendOpts): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    if (opts.test) {
      const result = await sendTestMessage(ctx, id, opts.test);
      if (opts.json) return printJson(result);
      process.stdout.write(
        `Sent a test copy of ${id} (${result.status}) to ${result.to}: ${terminalText(result.response)}\n`,
      );
      return;
    }
    const issue = await new IssuesRepo(ctx.db).get(id);
    if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
    if (issue.status === "approved") {
      const question = `Send "${terminalText(issue.title)}" (${issue.editionName}, ${issue.date}) to every confirmed ${issue.edition} subscriber now?`;
      if (!(await confirm(question, opts))) {
        process.stdout.write("Nothing was sent.\n");
        return;
      }
    }
    const stop = new AbortController();
    const view = sendView(!opts.json);
    const withdraw = takeInterrupt(() => {
      stop.abort();
      view.stopping();
    });
    const notice = onInterrupt(
      `The send of ${id} stopped; every result so far is recorded. Run \`daybrief issue send ${id}\` to resume.`,
    );
    let report: SendReport;
    try {
      report = await sendIssue(ctx, {
        issueId: id,
        policy: opts.uncertain,
        signal: stop.signal,
        onStart: view.start,
        onEvent: view.onEvent,
      });
    } finally {
      withdraw();
      notice();
      view.stop();
    }
    if (opts.json) printJson(report);
    else printSendSummary(report);
    if (report.interrupted) process.exitCode = 130;
  });
}

/** A bar with the rate and time left on a terminal; pauses and resumptions as lines either way. */
function sendView(enabled: boolean) {
  const tty = enabled && Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: " sending |{bar}| {value}/{total} · {rate} msg/s · ETA {eta_formatted} {detail}",
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let t0 = Date.now();
  const say = (line: string) => {
    if (!enabled) return;
    if (started) bar.update({ detail: line });
    else process.stderr.write(`${line}\n`);
  };
  return {
    start(start: SendStart) {
      if (start.recovered) {
        say(
          `${plural(start.recovered, "message")} were in flight when an earlier send stopped; their fate is unknown.`,
        );
      }
      if (!tty || start.status === "finished") return;
      t0 = Date.now();
      bar.start(start.queued, 0, { rate: "0", detail: "" });
      started = true;
    },
    onEvent(event: SendEvent) {
      if (event.type === "progress") {
        const t = event.totals;
        const done = t.sent + t.failed + t.skipped;
        const rate = (t.sent / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(0);
        if (started) bar.update(done, { rate, detail: t.retried ? `(${t.retried} retries queued)` : "" });
      } else if (event.type === "paused") {
        say(`SMTP server unreachable (${event.reason}); paused, next try in ${Math.round(event.retryInMs / 1000)} s…`);
      } else if (event.type === "resumed") {
        say(`SMTP server back after ${Math.round(event.pausedMs / 1000)} s; resuming.`);
      } else if (event.type === "waiting") {
        say(`Waiting for retries due at ${event.until}…`);
      }
    },
    stopping() {
      say("stopping after the messages in flight (Ctrl-C again to quit at once)…");
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function printSendSummary(r: SendReport): void {
  const out = (line = "") => process.stdout.write(`${line}\n`);
  const secs = (r.elapsedMs / 1000).toFixed(1);
  const rate = r.totals.sent / Math.max(0.001, r.elapsedMs / 1000);
  if (r.status === "finished" && r.totals.sent === 0) out(`${r.issue.id} was already sent to everyone.`);
  else
    out(
      `${color.bold(terminalText(r.issue.title))} — this run: ${r.totals.sent} sent in ${secs} s (${rate.toFixed(0)} msg/s).`,
    );
  const c = r.counts;
  out(
    `Issue ${r.issue.id}: ${c.sent} sent, ${c.failed} failed, ${c.skipped} skipped (unsubscribed or suppressed), ${c.queued + c.sending} still queued, ${c.uncertain} left uncertain — of ${c.total}.`,
  );
  if (c.everUncertain) {
    out(
      `${plural(c.everUncertain, "message")} were in flight when a send stopped (in-flight bound ${r.inFlight}); ${c.uncertain ? `${c.uncertain} were left unsent (--uncertain skip)` : "they were sent again, so those readers may have two copies"}.`,
    );
  }
  if (r.failures.length) {
    out(`\nFailed (first ${r.failures.length}):`);
    printTable(
      ["email", "code", "reply"],
      r.failures.map((f) => [f.email, f.code, f.error]),
    );
  }
  if (r.interrupted) out(`\nStopped early. Run \`daybrief issue send ${r.issue.id}\` to resume.`);
  else if (!r.finished) out(`\nSome recipients are still queued; run \`daybrief issue send ${r.issue.id}\` again.`);
}

/** `daybrief issue stats ID [--json]`: delivery counts, and opens and clicks when counting is on. */
export async function issueStats(id: string, opts: { json?: boolean }): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    const issue = await new IssuesRepo(ctx.db).get(id);
    if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
    const deliveries = await new DeliveriesRepo(ctx.db).counts(id);
    const engagement = await engagementStats(ctx, id);
    const tracking = ctx.config.tracking;
    if (opts.json) return printJson({ issueId: id, status: issue.status, deliveries, engagement, tracking });
    process.stdout.write(`${terminalText(issue.title)} (${issue.status})\n`);
    process.stdout.write(
      `Deliveries: ${deliveries.sent} sent, ${deliveries.failed} failed, ${deliveries.skipped} skipped, ${deliveries.queued + deliveries.sending} queued, ${deliveries.uncertain} uncertain; ${deliveries.everUncertain} ever in doubt.\n`,
    );
    if (!tracking.enabled) {
      process.stdout.write("Engagement counting is off (tracking.enabled): no opens or clicks are recorded.\n");
      return;
    }
    const unique = (n: number | null) => (n === null ? "" : ` (${n} unique)`);
    process.stdout.write(`Opens: ${engagement.opens}${unique(engagement.uniqueOpens)}\n`);
    if (engagement.clicks.length) {
      printTable(
        ["clicks", "unique", "link"],
        engagement.clicks.map((c) => [c.clicks, c.uniqueClicks, c.url]),
      );
    } else process.stdout.write("No clicks yet.\n");
  });
}
