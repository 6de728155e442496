import type { ClaimedRow } from "./deliveries-repo.ts";

/** The columns of a queued delivery and its subscriber that decide whether it is still sent. */
export type ClaimCandidate = {
  email: string | null;
  status: string | null;
  editions: string | null;
  suppressed: string | null;
};

/**
 * Why a queued delivery is skipped rather than claimed (the reader was removed, left, changed editions or was
 * suppressed after the send was queued), or null when it goes out. Both settle paths use it.
 */
export function skipReason(row: ClaimCandidate, edition: string): string | null {
  if (!row.email || !row.status) return "the subscriber was removed";
  if (row.suppressed) return `suppressed (${row.suppressed})`;
  if (row.status !== "confirmed") return `the subscriber is ${row.status}`;
  if (!(JSON.parse(row.editions ?? "[]") as string[]).includes(edition)) return `no longer subscribed to ${edition}`;
  return null;
}

/** A due delivery's row as both settle paths read it. */
export type DueRow = ClaimCandidate & {
  subscriber_id: string;
  name: string | null;
  attempts: number | string;
  tracking: number | null;
};

/** The recipient a claimed row becomes (its email is known: a row without one is skipped, never claimed). */
export function claimedRow(row: DueRow): ClaimedRow {
  return {
    subscriberId: row.subscriber_id,
    email: row.email as string,
    name: row.name ?? null,
    attempts: Number(row.attempts),
    tracking: row.tracking ?? null,
  };
}
