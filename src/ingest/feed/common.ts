import type { Enclosure, Person } from "../../model/feed.ts";
import { stripControls } from "../../text/controls.ts";
import { resolveUrl } from "../html/resolve-url.ts";
import { plainText } from "../html/sanitize.ts";

/**
 * `href` resolved against `base` as an absolute http(s) URL, or null: a feed's javascript:, data: or file: link is
 * never passed on.
 */
export function webUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  return href ? resolveUrl(href, base ?? null) : null;
}

type PersonInput = string | { name?: string; email?: string; uri?: string; url?: string; link?: string };

const parenthesised = /^([^\s()<>]+@[^\s()<>]+)\s*\((.+)\)$/;
const angled = /^(.*?)\s*<([^\s<>]+@[^\s<>]+)>$/;
const bareEmail = /^(?:mailto:)?([^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+)$/i;

/** Parses the person forms feeds use: "jane@x.com (Jane Doe)", "Jane Doe <jane@x.com>", "Jane Doe", an object. */
export function toPerson(value: PersonInput | null | undefined, base: string | null): Person | null {
  if (!value) return null;
  if (typeof value !== "string") {
    const name = plainText(unmangle(value.name));
    const email = plainText(value.email)?.replace(/^mailto:/i, "") || null;
    const url = webUrl(value.uri ?? value.url ?? value.link ?? null, base);
    if (!name && !email && !url) return null;
    return { name, email, url };
  }
  const text = plainText(value);
  if (!text) return null;
  if (!text.includes("@")) return { name: text, email: null, url: null };
  const paren = parenthesised.exec(text);
  if (paren) return { name: paren[2]?.trim() || null, email: paren[1] ?? null, url: null };
  const angle = angled.exec(text);
  if (angle) return { name: angle[1]?.trim() || null, email: angle[2] ?? null, url: null };
  const email = bareEmail.exec(text);
  if (email) return { name: null, email: email[1] ?? null, url: null };
  return { name: text, email: null, url: null };
}

/**
 * feedsmith reads "<p>Jane</p>" in a person string as bracketed parts and returns "p Jane </p>"; this undoes that
 * for the plain-tag case so that the markup can be removed like any other.
 */
function unmangle(name: string | undefined): string | undefined {
  if (!name?.includes("</")) return name;
  const match = /^([A-Za-z][\w-]*) ([\s\S]*) <\/\1>$/.exec(name);
  return match ? match[2] : name;
}

/** People without repeats (same name and email), in the order given. */
export function people(values: Array<Person | null>): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const person of values) {
    if (!person) continue;
    const key = `${person.name ?? ""}|${person.email ?? ""}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(person);
  }
  return out;
}

/** Plain-text strings without repeats (case-insensitive) or empties, in the order given. */
export function uniqueStrings(values: Array<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const text = plainText(value ?? null);
    if (!text) continue;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

export function toEnclosure(
  url: string | null | undefined,
  type: string | null | undefined,
  length: number | string | null | undefined,
  base: string | null,
): Enclosure | null {
  const absolute = webUrl(url ?? null, base);
  if (!absolute) return null;
  const size = typeof length === "number" ? length : Number.parseInt(String(length ?? ""), 10);
  return {
    url: absolute,
    type: (typeof type === "string" && stripControls(type).trim()) || null,
    length: Number.isSafeInteger(size) && size >= 0 ? size : null,
  };
}

/** Enclosures without repeats of the same URL. */
export function uniqueEnclosures(values: Array<Enclosure | null>): Enclosure[] {
  const seen = new Set<string>();
  const out: Enclosure[] = [];
  for (const value of values) {
    if (!value || seen.has(value.url)) continue;
    seen.add(value.url);
    out.push(value);
  }
  return out;
}

/** Resolves a chain of xml:base values (outermost first) against the document's own URL. */
export function resolveBase(documentUrl: string | null, ...bases: Array<string | null | undefined>): string | null {
  if (bases.length === 1 && !bases[0]) return documentUrl;
  let current = documentUrl;
  for (const base of bases) {
    if (!base) continue;
    current = webUrl(base, current) ?? current;
  }
  return current;
}

/**
 * The first <img src> in sanitised HTML (whose tags are lower-case and whose attributes are double-quoted), used as
 * an item's image when the feed names none.
 */
export function firstImage(html: string | null | undefined): string | null {
  if (!html) return null;
  for (let at = html.indexOf("<img"); at !== -1; at = html.indexOf("<img", at + 4)) {
    const end = html.indexOf(">", at);
    if (end === -1) return null;
    const src = html.indexOf(' src="', at);
    if (src === -1) return null;
    if (src > end) continue;
    const close = html.indexOf('"', src + 6);
    if (close === -1 || close > end) continue;
    return (
      html
        .slice(src + 6, close)
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&") || null
    );
  }
  return null;
}

export function nullable(value: string | null | undefined): string | null {
  return value ? value : null;
}
