import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed tokens for links in emails: unsubscribe, confirm (double opt-in), and the per-reader tag of tracked links.
 * A token is `payload.signature`, both base64url; the payload names its purpose, subject and expiry, and the
 * signature is HMAC-SHA256 under DAYBRIEF_SECRET, truncated to 128 bits and compared in constant time. A token
 * carries only a random subscriber id, never an address, so a link shows nothing and cannot be guessed.
 */
export type TokenPurpose = "unsubscribe" | "confirm" | "reader";

export type TokenClaims = { purpose: TokenPurpose; subject: string; expiresAt: number | null };

export type TokenCheck = { ok: true; subject: string } | { ok: false; reason: "malformed" | "signature" | "expired" };

const version = "1";

/** HMAC-SHA256 of `data` under the secret, in a domain of its own, as base64url of its first 16 bytes. */
export function signature(secret: string, domain: string, data: string): string {
  return createHmac("sha256", secret)
    .update(`daybrief:${domain}\n${data}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

/** Constant-time comparison of a presented signature with the expected one. */
export function signatureMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, "base64url");
  const b = Buffer.from(expected, "base64url");
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/**
 * Signs a token. `ttlMs` makes it expire (confirmation links); without it the token is valid for as long as the
 * secret is unchanged (unsubscribe links must keep working in old emails).
 *
 * @example
 * const token = signToken(secret, { purpose: "confirm", subject: "sub_x", ttlMs: 48 * 3600_000 });
 */
export function signToken(
  secret: string,
  claims: { purpose: TokenPurpose; subject: string; ttlMs?: number },
  now = Date.now(),
): string {
  const expires = claims.ttlMs === undefined ? "" : Math.floor((now + claims.ttlMs) / 1000).toString(36);
  const payload = Buffer.from([version, claims.purpose, claims.subject, expires].join("|"), "utf8").toString(
    "base64url",
  );
  return `${payload}.${signature(secret, "token", payload)}`;
}

/**
 * Checks a token's signature, purpose and expiry, and gives its subject.
 *
 * @example
 * const check = verifyToken(secret, token, "unsubscribe");
 * if (check.ok) unsubscribe(check.subject);
 */
export function verifyToken(secret: string, token: string, purpose: TokenPurpose, now = Date.now()): TokenCheck {
  const match = /^([A-Za-z0-9_-]{4,400})\.([A-Za-z0-9_-]{16,64})$/.exec(token.trim());
  if (!match) return { ok: false, reason: "malformed" };
  const [, payload, presented] = match as unknown as [string, string, string];
  if (!signatureMatches(presented, signature(secret, "token", payload))) return { ok: false, reason: "signature" };
  const parts = Buffer.from(payload, "base64url").toString("utf8").split("|");
  if (parts.length !== 4 || parts[0] !== version || parts[1] !== purpose || !parts[2]) {
    return { ok: false, reason: "malformed" };
  }
  const expires = parts[3] ? Number.parseInt(parts[3], 36) * 1000 : null;
  if (expires !== null && (!Number.isFinite(expires) || expires < now)) return { ok: false, reason: "expired" };
  return { ok: true, subject: parts[2] };
}
