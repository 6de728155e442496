/** The sending ledger: one delivery per (issue, subscriber), and what became of it. */

/**
 * queued: to be sent (again, after `nextAttemptAt` when set) · sending: handed to the SMTP server by a live
 * process · sent: the server accepted it · failed: permanently refused, or temporary failures ran out of attempts ·
 * uncertain: the message was in flight when its process died or its connection broke after the whole message had
 * been sent, and `--uncertain skip` left it alone · skipped: not sent because the reader left or was suppressed
 * before their turn.
 */
export const deliveryStates = ["queued", "sending", "sent", "failed", "uncertain", "skipped"] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** What to do with messages whose fate is unknown: send them again (a reader may get two) or leave them. */
export const uncertainPolicies = ["resend", "skip"] as const;
export type UncertainPolicy = (typeof uncertainPolicies)[number];

export type Delivery = {
  issueId: string;
  subscriberId: string;
  /** The address, when the subscriber still exists. */
  email: string | null;
  state: DeliveryState;
  /** Times a message was handed to the server for this row. */
  attempts: number;
  /** Times this row was found in flight with its fate unknown (each may have produced a copy). */
  uncertain: number;
  nextAttemptAt: string | null;
  /** An error code (E_SMTP_REJECTED …) and the server's reply or the reason it was skipped. */
  errorCode: string | null;
  error: string | null;
  messageId: string | null;
  updatedAt: string;
  sentAt: string | null;
};

/** Deliveries of one issue by state, and how many rows were ever uncertain. */
export type DeliveryCounts = Record<DeliveryState, number> & { total: number; everUncertain: number };

/** An issue's engagement, aggregated: opens, and clicks per link. Unique counts need per-reader tracking. */
export type EngagementStats = {
  opens: number;
  uniqueOpens: number | null;
  clicks: Array<{ url: string; clicks: number; uniqueClicks: number | null }>;
};
