import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Config } from "../../config/schema.ts";
import { hintFor } from "../../errors.ts";
import type { SessionRow } from "../../store/users-repo.ts";

export type DeskEnv = { Variables: { session: SessionRow } };

export const sessionCookie = "daybrief_desk";
export const loginCookie = "daybrief_desk_login";
export const flashCookie = "daybrief_desk_flash";

/**
 * The desk's content security policy: no script or style from anywhere but the desk itself, no inline script, no
 * framing by other sites, forms posting only back to the desk. The email preview (a frame of our own) is the one
 * page with its own policy: see `previewHeaders`.
 */
const deskPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "frame-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

/** Security headers on every desk response; nothing a desk page shows is cached or framed elsewhere. */
export function deskHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has("content-security-policy")) h.set("content-security-policy", deskPolicy);
    if (!h.has("x-frame-options")) h.set("x-frame-options", "DENY");
    h.set("x-content-type-options", "nosniff");
    // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with forms, and the origin check
    // below could not tell the desk from a sandboxed page elsewhere.
    h.set("referrer-policy", "same-origin");
    h.set("cross-origin-opener-policy", "same-origin");
    h.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
    if (!h.has("cache-control")) h.set("cache-control", "no-store");
    h.set("x-robots-tag", "noindex, nofollow");
  };
}

/** The email preview: its own styles inline (an email has no other kind), no script at all, framed by the desk only. */
export const previewHeaders = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http:; font-src https: data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  "x-frame-options": "SAMEORIGIN",
};

export function secureCookie(c: Context, config: Readonly<Config>): boolean {
  const mode = config.desk.secureCookies;
  if (mode !== "auto") return mode === "always";
  const proto = config.desk.trustProxy ? c.req.header("x-forwarded-proto") : undefined;
  return new URL(c.req.url).protocol === "https:" || proto === "https" || !!config.siteUrl?.startsWith("https:");
}

export function setSessionCookie(c: Context, config: Readonly<Config>, id: string, maxAgeSeconds: number): void {
  setCookie(c, sessionCookie, id, {
    path: "/desk",
    httpOnly: true,
    sameSite: "Strict",
    secure: secureCookie(c, config),
    maxAge: Math.max(1, Math.floor(maxAgeSeconds)),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookie, { path: "/desk" });
}

/** A token for the sign-in form, before there is a session: the same random value in a cookie and the form. */
export function loginToken(c: Context, config: Readonly<Config>): string {
  const existing = getCookie(c, loginCookie);
  if (existing && /^[\w-]{20,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString("base64url");
  setCookie(c, loginCookie, token, {
    path: "/desk",
    httpOnly: true,
    sameSite: "Strict",
    secure: secureCookie(c, config),
    maxAge: 3600,
  });
  return token;
}

export function tokensMatch(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || !given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A POST from another site is refused before any token is looked at: browsers name the origin of every form
 * submission (Origin, Sec-Fetch-Site), and a desk form is only ever sent from the desk.
 */
export function crossSite(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return origin === "null";
  const host = c.req.header("host") ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function csrfRefusal(c: Context): Response {
  return c.text(`Refused (E_CSRF): ${hintFor("E_CSRF")}`, 403);
}

/** A one-time message shown on the page a form redirects to (POST, redirect, GET). */
export function flash(c: Context, message: string): void {
  setCookie(c, flashCookie, encodeURIComponent(message.slice(0, 600)), {
    path: "/desk",
    httpOnly: true,
    sameSite: "Strict",
    maxAge: 60,
  });
}

export function takeFlash(c: Context): string | null {
  const value = getCookie(c, flashCookie);
  if (!value) return null;
  deleteCookie(c, flashCookie, { path: "/desk" });
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
