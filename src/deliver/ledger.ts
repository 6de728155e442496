import type { BounceKind } from "./bounce.ts";

/**
 * The store side of a send, as the engine sees it. The pipeline implements it over the deliveries table; every
 * method is one transaction.
 */
export type Recipient = {
  subscriberId: string;
  email: string;
  name: string | null;
  /** Messages already handed to the server for this delivery (before this one). */
  attempts: number;
  /** Whether this reader's opens and clicks may be counted per reader. */
  tracking: boolean;
};

/**
 * sent: accepted · failed: permanent refusal, or temporary ones ran out of attempts · retry: refused for now, or
 * the connection broke before the whole message was sent — queued again for `retryAt` · uncertain: the whole
 * message was sent and no reply came — the policy decides · unsent: never attempted (the server was unreachable)
 * — queued again with no attempt counted.
 */
export type Outcome =
  | { subscriberId: string; kind: "sent"; messageId: string; response: string }
  | {
      subscriberId: string;
      kind: "failed";
      code: "E_SMTP_REJECTED" | "E_SMTP_TEMPORARY" | "E_INTERNAL";
      reason: string;
      bounce: BounceKind | null;
    }
  | { subscriberId: string; kind: "retry"; reason: string; retryAt: string }
  | { subscriberId: string; kind: "uncertain"; reason: string; retryAt: string }
  | { subscriberId: string; kind: "unsent"; reason: string };

export type Settled = {
  /** Recipients now marked sending, to be sent by this process. */
  claimed: Recipient[];
  /** Queued recipients found unsubscribed or suppressed and marked skipped instead. */
  skipped: number;
  /** False when this process no longer holds the lease: nothing was written. */
  held: boolean;
};

export interface SendLedger {
  /**
   * Records the outcomes, then claims up to `claim` queued recipients that are due (marking them sending) — in
   * one transaction. Fewer than `claim` come back only when no more are due now.
   */
  settle(outcomes: Outcome[], claim: number): Promise<Settled>;
  /** When the next queued delivery becomes due (ISO time), or null when none is queued. */
  nextDue(): Promise<string | null>;
  /** Extends this process's lease on the issue; false when it was lost. */
  renew(): Promise<boolean>;
}
