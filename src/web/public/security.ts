import { createHash } from "node:crypto";
import type { Context } from "hono";

const hashes = new Map<string, string>();

/** The CSP source of each inline style sheet of a page (`'sha256-…'`), so no 'unsafe-inline' is needed. */
function styleSources(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    const css = match[1] as string;
    let source = hashes.get(css);
    if (!source) {
      source = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
      if (hashes.size > 100) hashes.clear();
      hashes.set(css, source);
    }
    sources.push(source);
  }
  return sources;
}

/**
 * The security headers of an HTML page of the public site. The pages run no script at all (script-src 'none'); their
 * style sheets are allowed by hash; forms post only to this site; no site may frame them; links leak no path.
 */
export function pageSecurityHeaders(html: string): Record<string, string> {
  const styles = styleSources(html);
  const csp = [
    "default-src 'none'",
    "script-src 'none'",
    `style-src ${styles.length ? styles.join(" ") : "'none'"}`,
    "img-src 'self' https: data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
  return { "content-security-policy": csp, ...commonSecurityHeaders };
}

/** Headers every response of the public site carries (feeds included). */
export const commonSecurityHeaders: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

/**
 * Whether a form POST comes from this site's own pages: a browser sends Origin (and Sec-Fetch-Site) with every form
 * POST, and another site's page has a different one. Requests without either (curl, old browsers) pass to the form
 * token check.
 */
export function sameOrigin(c: Context, siteUrl: string | null): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = c.req.header("origin");
  if (!origin) return true;
  if (origin === "null") return false;
  const own = new Set([new URL(c.req.url).origin]);
  const host = c.req.header("host");
  if (host) own.add(`${new URL(c.req.url).protocol}//${host}`);
  if (siteUrl) own.add(new URL(siteUrl).origin);
  return own.has(origin);
}
