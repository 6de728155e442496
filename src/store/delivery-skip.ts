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
