/** A reader on the mailing list, and what they asked to receive. */

/**
 * pending: signed up, not yet confirmed (double opt-in) · confirmed: receives the editions they chose ·
 * unsubscribed, bounced, complained: receives nothing, and the address is on the suppression list.
 */
export const subscriberStatuses = ["pending", "confirmed", "unsubscribed", "bounced", "complained"] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

/** Where a subscriber row came from. */
export type SubscriberOrigin = "import" | "cli" | "web";

export type Subscriber = {
  /** Random and unguessable ("sub_…"); links carry it only inside signed tokens. */
  id: string;
  /** Lower-cased, trimmed address: the identity of a subscriber. */
  email: string;
  name: string | null;
  status: SubscriberStatus;
  /** Edition ids the reader receives. */
  editions: string[];
  /** The reader's own choice about per-reader engagement counting; null follows the editor's setting. */
  tracking: boolean | null;
  /** Hard bounces counted so far; at `deliver.bounceThreshold` the address is suppressed. */
  bounceCount: number;
  origin: SubscriberOrigin;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
};

/** Why an address must not be mailed: no import or `add` lifts it; only the reader's own confirmed sign-up does. */
export type SuppressionReason = "unsubscribed" | "bounced" | "complained" | "removed";

/** One suppressed (address, edition) pair; edition "*" covers every edition. */
export type Suppression = { email: string; edition: string; reason: SuppressionReason; createdAt: string };

/** What the store knows of an address already: its row (if any) and its suppressed editions ("*" for all). */
export type KnownAddress = {
  subscriber: { id: string; name: string | null; status: SubscriberStatus; editions: string[] } | null;
  suppressed: Map<string, SuppressionReason>;
};

/** What importing one CSV row does (see planImport in src/deliver/). */
export type ImportAction =
  | { kind: "add"; line: number; email: string; name: string | null; status: SubscriberStatus; editions: string[] }
  | { kind: "update"; line: number; id: string; name: string | null; status: SubscriberStatus; editions: string[] }
  | { kind: "unchanged"; line: number; email: string }
  /** The row says the reader left or bounced elsewhere: recorded, and the address suppressed. */
  | { kind: "suppress"; line: number; email: string; id: string | null; name: string | null; status: SubscriberStatus }
  /** The address (or every edition the row asks for) is suppressed here: nothing changes. */
  | { kind: "refused"; line: number; email: string; reason: string };
