import { DaybriefError } from "../errors.ts";
import { formatInstant, startOfDay } from "../model/day.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { type ScheduledSend, SchedulesRepo } from "../store/schedules-repo.ts";

export type { ScheduledSend };

import { type SendContext, sendIssue } from "./send-issue.ts";

/**
 * The instant a wall-clock time of a zone names ("2025-12-03T07:30" in Europe/Berlin), or null when the text is not
 * such a time. On a daylight-saving change the later of two readings is taken.
 */
export function wallTimeToInstant(local: string, zone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [, day, hh, mm] = m as unknown as [string, string, string, string];
  if (Number(hh) > 23 || Number(mm) > 59) return null;
  const wanted = `${day} ${hh}:${mm}`;
  const guess = startOfDay(day, zone).getTime() + Number(hh) * 3_600_000 + Number(mm) * 60_000;
  for (const shift of [0, -3_600_000, 3_600_000]) {
    const at = new Date(guess + shift);
    if (formatInstant(at, zone) === wanted) return at;
  }
  return new Date(guess);
}

/** Stores when an approved issue is to be sent; `daybrief serve` sends it then (see `runDueSends`). */
export async function scheduleSend(ctx: SendContext, issueId: string, sendAt: Date, by: string): Promise<void> {
  const issue = await new IssuesRepo(ctx.db).get(issueId);
  if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${issueId}".`);
  if (issue.status !== "approved") {
    throw new DaybriefError("E_ISSUE_NOT_APPROVED", `Issue ${issueId} is ${issue.status}; schedule an approved issue.`);
  }
  await new SchedulesRepo(ctx.db).set(issueId, sendAt.toISOString(), by, new Date().toISOString());
}

export async function cancelScheduledSend(ctx: SendContext, issueId: string): Promise<void> {
  await new SchedulesRepo(ctx.db).setState(issueId, "cancelled", null, new Date().toISOString());
}

export async function scheduledSend(ctx: SendContext, issueId: string): Promise<ScheduledSend | null> {
  return new SchedulesRepo(ctx.db).get(issueId);
}

/**
 * Starts every send whose time has come, one process per send (the claim is one UPDATE). A send that fails, or
 * stops before the end (`signal` aborted at shutdown, SMTP away for too long), is marked failed with why; the
 * desk's Resume sending or `daybrief issue send ID` resumes it.
 */
export async function runDueSends(ctx: SendContext, now = new Date(), signal?: AbortSignal): Promise<string[]> {
  const repo = new SchedulesRepo(ctx.db);
  const started: string[] = [];
  for (const due of await repo.due(now.toISOString())) {
    if (signal?.aborted || !(await repo.claim(due.issueId, new Date().toISOString()))) continue;
    started.push(due.issueId);
    try {
      const report = await sendIssue(ctx, { issueId: due.issueId, policy: "resend", ...(signal ? { signal } : {}) });
      ctx.log.info({ issue_id: due.issueId, finished: report.finished }, "scheduled send ran");
      if (!report.finished) {
        const why = signal?.aborted ? "the server stopped" : "it stopped before the end";
        await repo.setState(due.issueId, "failed", `${why}; send again to resume`, new Date().toISOString());
      }
    } catch (error) {
      ctx.log.error({ err: error, issue_id: due.issueId }, "scheduled send failed");
      await repo.setState(due.issueId, "failed", (error as Error).message, new Date().toISOString());
    }
  }
  return started;
}

/** Checks for due sends every `everyMs` until the returned function is called; it stops a running send first. */
export function startScheduler(ctx: SendContext, everyMs = 30_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const stop = new AbortController();
  const timer = setInterval(() => {
    running = running
      .then(() => runDueSends(ctx, new Date(), stop.signal))
      .catch((error) => ctx.log.error({ err: error }, "scheduler"));
  }, everyMs);
  timer.unref();
  // Stopping ends a running send cleanly (what is in flight is recorded) instead of waiting for all of it.
  return async () => {
    clearInterval(timer);
    stop.abort();
    await running;
  };
}
