import { DaybriefError } from "../errors.ts";
import { formatInstant, startOfDay } from "../model/day.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { type ScheduledSend, SchedulesRepo } from "../store/schedules-repo.ts";

export type { ScheduledSend };

import { LeasesRepo } from "../store/leases-repo.ts";
import { leaseOwner } from "./lease-owner.ts";
import { type SendContext, sendIssue } from "./send-issue.ts";
import { takeSendLease } from "./send-lease.ts";

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
 * One scheduler tick. First it takes over every send marked started whose process is gone (killed, the machine
 * lost power): the issue's send lease tells — a lease that expired, or whose holder on this machine no longer runs,
 * is free — and resumes it exactly as `daybrief issue send` resumes, the messages in flight at the kill marked
 * uncertain and resent or skipped by `deliver.uncertainPolicy`. A send another live process holds is left to it.
 * Then it starts every send whose time has come. Each send holds the issue's lease from its claim until its final
 * state is written. A send that fails, or stops before the end (`signal` aborted at shutdown, SMTP away for too
 * long), is marked failed with why; the desk's Resume sending or `daybrief issue send ID` resumes it.
 * Returns the issues it sent (resumed or started).
 */
export async function runDueSends(ctx: SendContext, now = new Date(), signal?: AbortSignal): Promise<string[]> {
  const repo = new SchedulesRepo(ctx.db);
  const ran: string[] = [];
  for (const left of await repo.started()) {
    if (signal?.aborted) break;
    if (await resumeAbandoned(ctx, repo, left.issueId, signal)) ran.push(left.issueId);
  }
  for (const due of await repo.due(now.toISOString())) {
    if (signal?.aborted) break;
    const holder = leaseOwner();
    // A send someone runs by hand right now keeps it; the schedule is looked at again on the next tick.
    if (!(await takeSendLease(ctx.db, due.issueId, holder)).ok) continue;
    if (!(await repo.claim(due.issueId, new Date().toISOString()))) {
      await releaseLease(ctx, due.issueId, holder);
      continue;
    }
    ran.push(due.issueId);
    await runHeld(ctx, repo, due.issueId, holder, false, signal);
  }
  return ran;
}

/** Takes over a started send whose process died; false when it is running elsewhere, or has nothing left. */
async function resumeAbandoned(
  ctx: SendContext,
  repo: SchedulesRepo,
  issueId: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const now = new Date().toISOString();
  const issue = await new IssuesRepo(ctx.db).get(issueId);
  if (issue?.status === "sent") {
    // Its process finished the send and stopped before it could say so.
    await repo.setState(issueId, "sent", null, now);
    return false;
  }
  if (issue?.status !== "sending" && issue?.status !== "approved") return false;
  const before = await new LeasesRepo(ctx.db).get(issueId);
  const holder = leaseOwner();
  const taken = await takeSendLease(ctx.db, issueId, holder);
  if (!taken.ok) {
    ctx.log.debug(
      { issue_id: issueId, pid: taken.lease.pid, host: taken.lease.host },
      "scheduled send is running in another process",
    );
    return false;
  }
  if (!(await repo.markResumed(issueId, now))) {
    await releaseLease(ctx, issueId, holder);
    return false;
  }
  ctx.log.warn(
    { issue_id: issueId, previous_pid: before?.pid ?? null, previous_host: before?.host ?? null },
    "resuming a scheduled send whose process stopped",
  );
  await runHeld(ctx, repo, issueId, holder, true, signal);
  return true;
}

/** Runs a send whose lease `holder` holds, records how it ended, then lets the lease go. */
async function runHeld(
  ctx: SendContext,
  repo: SchedulesRepo,
  issueId: string,
  holder: string,
  resumed: boolean,
  signal?: AbortSignal,
): Promise<void> {
  const policy = ctx.config.deliver.uncertainPolicy;
  try {
    const report = await sendIssue(ctx, {
      issueId,
      policy,
      holder,
      ...(signal ? { signal } : {}),
      onStart: (start) => {
        if (resumed)
          ctx.log.warn(
            { issue_id: issueId, queued: start.queued, recovered: start.recovered, policy },
            "scheduled send resumed",
          );
      },
    });
    ctx.log.info({ issue_id: issueId, finished: report.finished, resumed }, "scheduled send ran");
    if (report.finished) await repo.setState(issueId, "sent", null, new Date().toISOString());
    else {
      const why = signal?.aborted ? "the server stopped" : "it stopped before the end";
      await repo.setState(issueId, "failed", `${why}; send again to resume`, new Date().toISOString());
    }
  } catch (error) {
    ctx.log.error({ err: error, issue_id: issueId }, "scheduled send failed");
    await repo.setState(issueId, "failed", (error as Error).message, new Date().toISOString());
  } finally {
    await releaseLease(ctx, issueId, holder);
  }
}

function releaseLease(ctx: SendContext, issueId: string, holder: string): Promise<void> {
  return new LeasesRepo(ctx.db).release(issueId, holder).catch(() => {});
}

/**
 * Runs a tick at once (a send left behind by a killed `serve` resumes as soon as the next one starts), then every
 * `everyMs` until the returned function is called; it stops a running send first.
 */
export function startScheduler(ctx: SendContext, everyMs = 30_000): () => Promise<void> {
  const stop = new AbortController();
  const tick = () =>
    runDueSends(ctx, new Date(), stop.signal).catch((error) => ctx.log.error({ err: error }, "scheduler"));
  let running: Promise<unknown> = tick();
  const timer = setInterval(() => {
    running = running.then(tick);
  }, everyMs);
  timer.unref();
  // Stopping ends a running send cleanly (what is in flight is recorded) instead of waiting for all of it.
  return async () => {
    clearInterval(timer);
    stop.abort();
    await running;
  };
}
