import { signature, signatureMatches } from "../../deliver/index.ts";

/** How long a form may stay open before its token is refused (the page is simply reloaded). */
const lifetimeMs = 4 * 3_600_000;

/**
 * A signed token for a form of the public site (CSRF): the time the form was drawn, signed for the form's purpose
 * under DAYBRIEF_SECRET. Another site cannot make one, so it cannot post the form in a reader's name.
 *
 * @example
 * const token = formToken(secret, "subscribe"); // "m4x1k2.Zk…"
 * formTokenValid(secret, "subscribe", token) // true for four hours
 */
export function formToken(secret: string, purpose: string, now = Date.now()): string {
  const stamp = Math.floor(now / 1000).toString(36);
  return `${stamp}.${signature(secret, `form:${purpose}`, stamp)}`;
}

export function formTokenValid(secret: string, purpose: string, token: string, now = Date.now()): boolean {
  const match = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{16,64})$/.exec(token);
  if (!match) return false;
  const [, stamp, presented] = match as unknown as [string, string, string];
  if (!signatureMatches(presented, signature(secret, `form:${purpose}`, stamp))) return false;
  const at = Number.parseInt(stamp, 36) * 1000;
  return at <= now + 60_000 && now - at <= lifetimeMs;
}
