import { signature, signatureMatches } from "./tokens.ts";

/**
 * Engagement counting, off unless the editor turns it on. Links in the HTML part go through signed redirects
 * (`/c?i=ISSUE&u=URL&s=SIG`) and a 1×1 image (`/o?i=ISSUE&s=SIG`) counts opens. The signature covers the issue and
 * the destination, so the redirect cannot be pointed anywhere else (no open redirect). Counting is per issue and
 * link; only with per-reader tracking on, and the reader not opted out, does `{{reader}}` add a signed reader tag.
 * The text part keeps its links as they are.
 */
export type TrackingOptions = { baseUrl: string; issueId: string; secret: string };

const decode: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** The signature of a click redirect to `url` from `issueId`. */
export function clickSignature(secret: string, issueId: string, url: string): string {
  return signature(secret, "click", `${issueId}\n${url}`);
}

/** The signature of an issue's open pixel. */
export function openSignature(secret: string, issueId: string): string {
  return signature(secret, "open", issueId);
}

/** Whether a click redirect's parameters were signed by us: only then is the visitor sent on. */
export function verifyClick(secret: string, issueId: string, url: string, presented: string): boolean {
  return /^https?:\/\//i.test(url) && signatureMatches(presented, clickSignature(secret, issueId, url));
}

export function verifyOpen(secret: string, issueId: string, presented: string): boolean {
  return signatureMatches(presented, openSignature(secret, issueId));
}

/** The redirect URL for a link (not HTML-escaped). */
export function clickUrl(options: TrackingOptions, url: string): string {
  const sig = clickSignature(options.secret, options.issueId, url);
  return `${options.baseUrl}/c?i=${encodeURIComponent(options.issueId)}&u=${encodeURIComponent(url)}&s=${sig}`;
}

/**
 * Rewrites every http(s) link of the email's HTML to its signed redirect, with `{{reader}}` after it, and adds
 * the open pixel before `</body>`. Links holding a placeholder (the unsubscribe link) are left alone.
 *
 * @example
 * const tracked = addTracking(html, { baseUrl: "https://brief.example.com", issueId, secret });
 */
export function addTracking(html: string, options: TrackingOptions): string {
  const linked = html.replace(
    /(<a\b[^>]*?\bhref=")([^"]*)(")/gi,
    (whole, open: string, href: string, close: string) => {
      const url = href.replace(/&(amp|quot|#39|lt|gt);/g, (e) => decode[e] ?? e);
      if (!/^https?:\/\//i.test(url) || url.includes("{{")) return whole;
      return `${open}${attr(clickUrl(options, url))}{{reader}}${close}`;
    },
  );
  const sig = openSignature(options.secret, options.issueId);
  const src = `${options.baseUrl}/o?i=${encodeURIComponent(options.issueId)}&s=${sig}`;
  const pixel = `<img src="${attr(src)}{{reader}}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`;
  return /<\/body>/i.test(linked) ? linked.replace(/<\/body>/i, `${pixel}</body>`) : `${linked}${pixel}`;
}
