/**
 * Maps gofeed's expected output (its universal model for translator cases, its per-format models for parser cases)
 * and our ParsedFeed onto one comparable shape. A field left undefined in the expectation is not compared; a field
 * gofeed leaves out where our model has the field counts as null (or empty), so a value we invent shows up as a
 * failure too.
 */
import { decodeHTMLStrict } from "entities";
import { parseDocument } from "htmlparser2";
import type { FeedItem, ParsedFeed, Person } from "../../src/model/feed.ts";

export type PersonView = { name: string | null; email: string | null; url?: string | null };
export type EnclosureView = { url: string | null; type: string | null; length: number | null };

export type ItemView = {
  id?: string | null;
  title?: string | null;
  link?: string | null;
  summary?: string | null;
  content?: string | null;
  published?: string | null;
  updated?: string | null;
  authors?: PersonView[];
  categories?: string[];
  enclosures?: EnclosureView[];
  image?: string | null;
};

export type FeedView = {
  format?: string;
  version?: string | null;
  title?: string | null;
  link?: string | null;
  description?: string | null;
  language?: string | null;
  updated?: string | null;
  image?: string | null;
  authors?: PersonView[];
  items: ItemView[];
};

/** The base the suite passes as the document URL, so that relative links can be compared as absolute ones. */
export const documentUrl = "http://feed.test/dir/feed.xml";

// ---- value normalisers, applied to both sides ------------------------------------------------------------------

const tagPattern = /<\/?[A-Za-z][^<>]*>/g;

/** A title-like value as plain text: markup removed, entities (with their semicolon) decoded, spaces collapsed. */
export function plain(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let text = String(value).replace(tagPattern, " ");
  if (text.includes("&")) text = decodeHTMLStrict(text);
  text = text.replace(/[\s\u00a0]+/g, " ").trim();
  return text || null;
}

/** A URL as an absolute one (against the document URL), or null. */
export function url(value: unknown, base: string = documentUrl): string | null {
  if (typeof value !== "string" || !value.trim()) return null;
  try {
    return new URL(value.trim(), base).toString();
  } catch {
    return null;
  }
}

/** A time as an ISO instant, whatever zone it was written in. */
export function instant(value: unknown): string | null {
  if (typeof value !== "string" || !value) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/** Tags that carry meaning; wrappers such as div and span do not, and are compared by their content alone. */
const structural = new Set(
  "p br li ul ol blockquote pre h1 h2 h3 h4 h5 h6 a b strong i em img code table tr td th".split(" "),
);
const dropped = new Set(["script", "style", "iframe", "object", "embed", "noscript", "template"]);

/**
 * An HTML fragment as a structural signature: the meaningful tags (with a/img targets made absolute) and the text
 * between them with whitespace collapsed. Sanitising changes attributes and removes dangerous parts, not this.
 */
export function html(value: unknown, base: string = documentUrl): string | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const out: string[] = [];
  const walk = (nodes: ReturnType<typeof parseDocument>["children"]) => {
    for (const node of nodes) {
      if (node.type === "text") {
        const text = node.data.replace(/[\s\u00a0]+/g, " ").trim();
        if (text) out.push(text);
      } else if (node.type === "tag" || node.type === "script" || node.type === "style") {
        const name = node.name.toLowerCase();
        if (dropped.has(name)) continue;
        const keep = structural.has(name);
        if (keep) {
          const target = name === "a" ? node.attribs.href : name === "img" ? node.attribs.src : undefined;
          out.push(`<${name}${target ? ` ${url(target, base)}` : ""}>`);
        }
        walk(node.children);
        if (keep && name !== "img" && name !== "br") out.push(`</${name}>`);
      } else if (node.type === "cdata") {
        walk(node.children);
      }
    }
  };
  walk(parseDocument(value, { decodeEntities: true }).children);
  return out.length ? out.join(" ") : null;
}

/** An identifier: compared as written, only surrounding whitespace removed. */
export function id(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value).trim() || null : null;
}

export function person(name: unknown, email: unknown, link?: unknown): PersonView | null {
  const view: PersonView = { name: plain(name), email: plain(email) };
  if (link !== undefined) view.url = url(link);
  return view.name || view.email || view.url ? view : null;
}

/** "jane@x.com (Jane)", "Jane <jane@x.com>", "jane@x.com" or "Jane", as feeds write a person in one string. */
export function personFromString(value: unknown): PersonView | null {
  const text = plain(value);
  if (!text) return null;
  const paren = /^([^\s()<>]+@[^\s()<>]+)\s*\((.+)\)$/.exec(text);
  if (paren) return { name: paren[2]?.trim() || null, email: paren[1] ?? null };
  const angle = /^(.*?)\s*<([^\s<>]+@[^\s<>]+)>$/.exec(text);
  if (angle) return { name: angle[1]?.trim() || null, email: angle[2] ?? null };
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { name: null, email: text };
  return { name: text, email: null };
}

export function compact<T>(values: Array<T | null | undefined>): T[] {
  return values.filter((value): value is T => value !== null && value !== undefined);
}

export function length(value: unknown): number | null {
  const n = typeof value === "number" ? value : Number.parseInt(String(value ?? ""), 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

// ---- our side ---------------------------------------------------------------------------------------------------

const personView = (p: Person, withUrl: boolean): PersonView =>
  withUrl ? { name: p.name, email: p.email, url: p.url } : { name: p.name, email: p.email };

/** Our feed, reduced to the fields the expectation names, normalised the same way. */
export function viewOf(feed: ParsedFeed, expected: FeedView): FeedView {
  const view: FeedView = { items: [] };
  const set = <K extends keyof FeedView>(key: K, value: FeedView[K]) => {
    if (expected[key] !== undefined) view[key] = value;
  };
  set("format", feed.format);
  set("version", feed.version);
  set("title", feed.title);
  set("link", feed.link);
  set("description", html(feed.description));
  set("language", feed.language);
  set("updated", instant(feed.updated));
  set("image", feed.image);
  const withUrl = expected.authors?.some((a) => a.url !== undefined) ?? false;
  set(
    "authors",
    feed.authors.map((a) => personView(a, withUrl)),
  );
  view.items = feed.items.map((item, i) => itemView(item, expected.items[i] ?? {}));
  return view;
}

function itemView(item: FeedItem, expected: ItemView): ItemView {
  const view: ItemView = {};
  const set = <K extends keyof ItemView>(key: K, value: ItemView[K]) => {
    if (expected[key] !== undefined) view[key] = value;
  };
  set("id", item.id);
  set("title", item.title);
  set("link", item.link);
  set("summary", html(item.summary));
  set("content", html(item.content));
  set("published", instant(item.published));
  set("updated", instant(item.updated));
  const withUrl = expected.authors?.some((a) => a.url !== undefined) ?? false;
  set(
    "authors",
    item.authors.map((a) => personView(a, withUrl)),
  );
  set("categories", item.categories);
  set(
    "enclosures",
    item.enclosures.map((e) => ({ url: e.url, type: e.type, length: e.length })),
  );
  set("image", item.image);
  return view;
}
