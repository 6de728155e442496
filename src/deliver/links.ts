import { signToken } from "./tokens.ts";

/**
 * The per-reader links of the emails: unsubscribe (no expiry: it must work in old emails), confirm (expires), and the
 * reader tag of tracked links. Each carries a signed token naming only the random subscriber id.
 */
export type ReaderLinks = {
  unsubscribeUrl(subscriberId: string): string;
  confirmUrl(subscriberId: string, ttlMs: number): string;
  /** "&r=TOKEN" for tracked links and the pixel, or "" when this reader's engagement is counted in aggregate only. */
  readerTag(subscriberId: string, perReader: boolean): string;
};

/** Paths of the web handlers these links point at (served by src/web/delivery-routes.ts and src/web/public/). */
export const deliveryPaths = {
  confirm: "/confirm",
  unsubscribe: "/unsubscribe",
  click: "/c",
  open: "/o",
  webhook: "/webhooks/bounces",
} as const;

/**
 * @example
 * const links = readerLinks("https://brief.example.com", secret);
 * links.unsubscribeUrl("sub_1a2b") // "https://brief.example.com/unsubscribe?t=…"
 */
export function readerLinks(baseUrl: string, secret: string): ReaderLinks {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    unsubscribeUrl: (id) =>
      `${base}${deliveryPaths.unsubscribe}?t=${signToken(secret, { purpose: "unsubscribe", subject: id })}`,
    confirmUrl: (id, ttlMs) =>
      `${base}${deliveryPaths.confirm}?t=${signToken(secret, { purpose: "confirm", subject: id, ttlMs })}`,
    readerTag: (id, perReader) => (perReader ? `&r=${signToken(secret, { purpose: "reader", subject: id })}` : ""),
  };
}
