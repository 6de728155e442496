import { webUrl } from "./common.ts";

const entity = /&(?:[A-Za-z][A-Za-z0-9]{0,40};|#[0-9]{1,8};|#[xX][0-9A-Fa-f]{1,8};)/y;

/**
 * Escapes ampersands that do not start an entity ("Fish & Chips", "?a=1&copy=2"), outside CDATA sections. The feed
 * parser decodes text as HTML, where "&copy" without its semicolon would still become "©".
 */
export function escapeBareAmpersands(text: string): string {
  let amp = text.indexOf("&");
  if (amp === -1) return text;
  let out = "";
  let copied = 0;
  let cdataEnd = -1; // End of the CDATA section around `amp`, when there is one before it.
  let nextCdata = text.indexOf("<![CDATA[");
  while (amp !== -1) {
    while (nextCdata !== -1 && nextCdata < amp) {
      const close = text.indexOf("]]>", nextCdata + 9);
      cdataEnd = close === -1 ? text.length : close + 3;
      nextCdata = close === -1 ? -1 : text.indexOf("<![CDATA[", cdataEnd);
    }
    if (amp < cdataEnd) {
      amp = text.indexOf("&", cdataEnd);
      continue;
    }
    entity.lastIndex = amp;
    if (!entity.test(text)) {
      out += `${text.slice(copied, amp)}&amp;`;
      copied = amp + 1;
    }
    amp = text.indexOf("&", amp + 1);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const base64Element = /<([\w:.-]+)\b[^<>]*\bmode\s*=\s*["']base64["'][^<>]*>([^<]*)<\/\1\s*>/g;

/** Values of elements marked mode="base64" (Atom 0.3), which the feed parser reads without that attribute. */
export function base64Values(text: string): Set<string> {
  const values = new Set<string>();
  if (!text.includes("base64")) return values;
  for (const match of text.matchAll(base64Element)) {
    const value = match[2]?.trim();
    if (value) values.add(value);
  }
  return values;
}

/** The feeds an HTML page advertises with <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">. */
export function discoverFeedLinks(html: string, base: string | null): string[] {
  const out: string[] = [];
  const head = html.slice(0, 262_144);
  for (const match of head.matchAll(/<link\b[^<>]*>/gi)) {
    const tag = match[0];
    if (!/\brel\s*=\s*["']?[^"'>]*\balternate\b/i.test(tag)) continue;
    if (!/\btype\s*=\s*["']?application\/(?:rss|atom|feed|rdf)\+(?:xml|json)/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag);
    const url = webUrl(decodeAttribute(href?.[1] ?? href?.[2] ?? href?.[3]), base);
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}

function decodeAttribute(value: string | undefined): string | undefined {
  return value?.replace(/&amp;/g, "&").replace(/&#0*38;/g, "&");
}
