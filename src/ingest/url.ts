/** Query parameters that only track the reader and never change the page. */
const trackingParams = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "oly_anon_id",
  "oly_enc_id",
  "vero_id",
  "spm",
  "cmpid",
  "ncid",
  "sr_share",
  "ref_src",
  "ref_url",
  "rss",
  "share",
  "s_cid",
  "taid",
  "smid",
  "soc_src",
  "soc_trk",
]);
const trackingPrefixes = ["utm_", "at_", "pk_", "mtm_", "itm_", "__twitter", "__s"];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return trackingParams.has(lower) || trackingPrefixes.some((prefix) => lower.startsWith(prefix));
}

/**
 * The form of a URL used to recognise the same page: http(s) only, lower-case host without "www." kept as is,
 * default port, fragment and tracking parameters removed, remaining parameters sorted. Null for non-web URLs.
 *
 * @example
 * canonicalUrl("HTTPS://Example.com:443/a?utm_source=rss&b=2&a=1#top") // "https://example.com/a?a=1&b=2"
 */
export function canonicalUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  url.search = kept.length ? new URLSearchParams(kept).toString() : "";
  return url.toString();
}

/** Resolves `href` against `base`, returning an absolute http(s)/mailto URL, or null when it cannot. */
export function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.toString();
  } catch {
    return null;
  }
}

/** The host a request goes to, for per-host limits ("example.com:8080"). */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
