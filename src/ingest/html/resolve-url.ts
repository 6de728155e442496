/**
 * URL resolution for the hot path of feed parsing: every link, image and enclosure goes through here. URLs that are
 * already in the form the WHATWG parser would print (the common case) are returned without parsing.
 */

/** Characters the URL parser leaves alone in a path, query and fragment of an http(s) URL. */
const plainPart =
  /^[A-Za-z0-9\-._~!$&()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?$/;
const plainOrigin = /^https?:\/\/[a-z0-9][a-z0-9.-]*(?=\/)/;
const dotSegment = /\/\.|%2e/i;
const schemePrefix = /^([a-z][a-z0-9+.-]*):/i;

/** `http(s)://host/…` with a lower-case host name, no port or user, a canonical path: printed by URL as is. */
function plainAbsolute(value: string): boolean {
  const origin = plainOrigin.exec(value)?.[0];
  if (!origin) return false;
  const host = origin.slice(origin.indexOf("//") + 2);
  const lastLabel = host.slice(host.lastIndexOf(".") + 1);
  // Numeric hosts are rewritten by the parser (IPv4 forms); so are empty labels.
  if (!/[a-z]/.test(lastLabel) || host.endsWith("-") || host.includes("..")) return false;
  const rest = value.slice(origin.length);
  return !dotSegment.test(rest) && plainPart.test(rest);
}

let lastBase = "";
let lastOrigin: string | null = null;
let lastParsed: URL | null = null;

function originOf(base: string): string | null {
  if (base !== lastBase) {
    lastBase = base;
    lastOrigin = plainAbsolute(base) ? (plainOrigin.exec(base)?.[0] ?? null) : null;
    try {
      lastParsed = new URL(base);
    } catch {
      lastParsed = null;
    }
  }
  return lastOrigin;
}

/**
 * `href` resolved against `base`, as an absolute http(s) URL (or mailto: when `allowMailto`), or null when it is
 * not one: javascript:, data:, file: and unparseable values are never returned.
 *
 * @example
 * resolveUrl("/a?b=1", "https://example.com/feed") // "https://example.com/a?b=1"
 */
export function resolveUrl(href: string, base: string | null, allowMailto = false): string | null {
  const value = href.trim();
  if (!value) return null;
  const scheme = schemePrefix.exec(value)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") {
    if (plainAbsolute(value)) return value;
  } else if (scheme !== undefined && !(allowMailto && scheme === "mailto")) {
    return null; // javascript:, data:, file:, …
  } else if (scheme === undefined && base && value.charCodeAt(0) === 0x2f && value.charCodeAt(1) !== 0x2f) {
    const origin = originOf(base);
    if (origin && !dotSegment.test(value) && plainPart.test(value)) return origin + value;
  }
  try {
    if (base) originOf(base);
    const url = base && lastParsed ? new URL(value, lastParsed) : new URL(value);
    const protocol = url.protocol;
    if (protocol === "https:" || protocol === "http:" || (allowMailto && protocol === "mailto:")) return url.href;
  } catch {
    // Relative without a base, or not a URL at all.
  }
  return null;
}
