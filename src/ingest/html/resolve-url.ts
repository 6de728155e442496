/**
 * URL resolution for the hot path of feed parsing: every link, image and enclosure goes through here. URLs that are
 * already in the form the WHATWG parser would print (the common case) are returned without parsing; the rest go
 * through `new URL`.
 */

/** Characters the URL parser leaves alone in the path, query and fragment of an http(s) URL (and '?', '#'). */
const plainChars = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&()*+,;=:@%/?#") {
  plainChars[ch.charCodeAt(0)] = 1;
}

/**
 * Whether the URL parser would print `value` from `from` on (a path, query and fragment) unchanged: only plain
 * characters, at most one '#', no dot segment ("/." — also "%2e") that it would resolve.
 */
function plainPart(value: string, from: number): boolean {
  let hashes = 0;
  for (let i = from; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 128 || plainChars[code] === 0) return false;
    if (code === 0x23 /* # */ && ++hashes > 1) return false;
    if (code === 0x2e /* . */ && value.charCodeAt(i - 1) === 0x2f /* / */) return false;
    if (code === 0x25 /* % */ && value.charCodeAt(i + 1) === 0x32 && (value.charCodeAt(i + 2) | 0x20) === 0x65)
      return false;
  }
  return true;
}

/**
 * The length of the origin of `value` when it is `http(s)://host/…` with a lower-case host name (a letter in its last
 * label, so not an IPv4 form the parser rewrites), no port or user, followed by '/'; else 0.
 */
function plainOriginLength(value: string): number {
  const start = value.startsWith("https://") ? 8 : value.startsWith("http://") ? 7 : 0;
  if (start === 0) return 0;
  let letterInLabel = false;
  let previous = 0x2e; // As if after a dot: a host may not start with '.' or '-'.
  for (let i = start; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code === 0x2f /* / */) {
      if (i === start || !letterInLabel || previous === 0x2e || previous === 0x2d) return 0;
      // "0x…" is a hexadecimal IPv4 part to the parser, letters or not.
      const label = Math.max(start, value.lastIndexOf(".", i) + 1);
      return value.charCodeAt(label) === 0x30 && value.charCodeAt(label + 1) === 0x78 ? 0 : i;
    }
    if (code >= 0x61 && code <= 0x7a) letterInLabel = true;
    else if (code === 0x2e) {
      if (previous === 0x2e || previous === 0x2d) return 0;
      letterInLabel = false;
    } else if (code === 0x2d) {
      if (previous === 0x2e) return 0;
    } else if (code < 0x30 || code > 0x39) return 0;
    previous = code;
  }
  return 0;
}

function isPlainAbsolute(value: string): boolean {
  const originLength = plainOriginLength(value);
  return originLength > 0 && plainPart(value, originLength);
}

const schemePrefix = /^([a-z][a-z0-9+.-]*):/i;

// Feeds resolve many URLs against the same base in a row: its origin and parsed form are kept for the next call.
let originBase = "";
let origin: string | null = null;
let parsedBase = "";
let parsed: URL | null = null;

/** The origin of a base that is itself a plain absolute URL ("https://example.com"), else null. */
function originOf(base: string): string | null {
  if (base !== originBase) {
    originBase = base;
    const length = isPlainAbsolute(base) ? plainOriginLength(base) : 0;
    origin = length > 0 ? base.slice(0, length) : null;
  }
  return origin;
}

function parseBase(base: string): URL | null {
  if (base !== parsedBase) {
    parsedBase = base;
    try {
      parsed = new URL(base);
    } catch {
      parsed = null;
    }
  }
  return parsed;
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
  if (isPlainAbsolute(value)) return value;
  const first = value.charCodeAt(0);
  if (first === 0x2f /* / */ && value.charCodeAt(1) !== 0x2f) {
    const baseOrigin = base ? originOf(base) : null;
    if (baseOrigin && plainPart(value, 0)) return baseOrigin + value;
  } else {
    const scheme = schemePrefix.exec(value)?.[1]?.toLowerCase();
    if (scheme !== undefined && scheme !== "http" && scheme !== "https" && !(allowMailto && scheme === "mailto")) {
      return null; // javascript:, data:, file:, …
    }
  }
  try {
    const baseUrl = base ? parseBase(base) : null;
    const url = baseUrl ? new URL(value, baseUrl) : new URL(value);
    const protocol = url.protocol;
    if (protocol === "https:" || protocol === "http:" || (allowMailto && protocol === "mailto:")) return url.href;
  } catch {
    // Relative without a base, or not a URL at all.
  }
  return null;
}
