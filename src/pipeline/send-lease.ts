import { hostname } from "node:os";
import { DaybriefError } from "../errors.ts";
import type { Db } from "../store/db.ts";
import { type Lease, LeasesRepo } from "../store/leases-repo.ts";

/** How long a send's lease lasts unless renewed; the send renews it every third of that. */
export const defaultLeaseMs = 30_000;

/**
 * Takes (or renews, for the same holder) the one lease that lets a process send the issue: refused while another
 * live process holds it; a lease that expired, or whose holder on this machine is gone, is taken over at once.
 */
export function takeSendLease(
  db: Db,
  issueId: string,
  holder: string,
  ttlMs = defaultLeaseMs,
): Promise<{ ok: true } | { ok: false; lease: Lease }> {
  return new LeasesRepo(db).acquire(issueId, {
    holder,
    host: hostname(),
    pid: process.pid,
    ttlMs,
    now: new Date().toISOString(),
    isAlive,
  });
}

export function sendInProgress(issueId: string, lease: Lease): DaybriefError {
  return new DaybriefError(
    "E_SEND_IN_PROGRESS",
    `Issue ${issueId} is being sent by process ${lease.pid} on ${lease.host} (since ${lease.acquiredAt}; its lease runs to ${lease.expiresAt}).`,
  );
}

/** Whether a process of this machine still runs (a dead holder's lease is taken over at once). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
