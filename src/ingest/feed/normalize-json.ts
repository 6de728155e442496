import type { FeedItem, ParsedFeed, Person } from "../../model/feed.ts";
import { stripControls } from "../../text/controls.ts";
import { escapeText, plainText, sanitizeHtml } from "../html/sanitize.ts";
import { firstImage, people, toEnclosure, uniqueEnclosures, uniqueStrings, webUrl } from "./common.ts";
import type { NormalizeContext } from "./context.ts";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Whether a parsed JSON value is a JSON Feed (by its version URL, or by the shape of one when that is missing). */
export function isJsonFeed(value: unknown): value is Json {
  if (!isObject(value)) return false;
  const version = str(value.version);
  if (version?.includes("jsonfeed.org/version/")) return true;
  return Array.isArray(value.items) && (version !== undefined || typeof value.title === "string");
}

/** JSON Feed 1.0 (author) and 1.1 (authors, language), read straight from the parsed JSON. */
export function normalizeJson(raw: Json, context: NormalizeContext): ParsedFeed {
  const base = context.documentUrl ?? webUrl(str(raw.feed_url), null) ?? webUrl(str(raw.home_page_url), null);
  const items = objects(raw.items).map((item) => normalizeJsonItem(item, base, context));
  return {
    format: "json",
    version: jsonVersion(str(raw.version)),
    title: plainText(str(raw.title)),
    link: webUrl(str(raw.home_page_url), base),
    description: textHtml(str(raw.description)),
    language: plainText(str(raw.language)),
    // JSON Feed has no feed-level time; the newest item's is when the feed last changed.
    updated: items.reduce<string | null>((latest, item) => {
      const time = item.updated ?? item.published;
      return time && (!latest || time > latest) ? time : latest;
    }, null),
    image: webUrl(str(raw.icon) ?? str(raw.favicon), base),
    authors: authorsOf(raw, base),
    items,
  };
}

function normalizeJsonItem(item: Json, base: string | null, context: NormalizeContext): FeedItem {
  const link = webUrl(str(item.url), base) ?? webUrl(str(item.external_url), base);
  const contentHtml = str(item.content_html);
  const content = contentHtml ? sanitizeHtml(contentHtml, link ?? base) || null : paragraphs(str(item.content_text));
  const rawId = item.id;
  const id =
    typeof rawId === "string" || typeof rawId === "number" ? stripControls(String(rawId)).trim() || null : null;
  return {
    id,
    title: plainText(str(item.title)),
    link,
    summary: textHtml(str(item.summary)),
    content,
    published: context.date(str(item.date_published)),
    updated: context.date(str(item.date_modified)),
    authors: authorsOf(item, base),
    categories: uniqueStrings(Array.isArray(item.tags) ? item.tags.map((tag) => str(tag)) : []),
    enclosures: uniqueEnclosures(
      objects(item.attachments).map((a) =>
        toEnclosure(str(a.url), str(a.mime_type), typeof a.size_in_bytes === "number" ? a.size_in_bytes : null, base),
      ),
    ),
    image: webUrl(str(item.image) ?? str(item.banner_image) ?? firstImage(content), link ?? base),
    idIsPermalink: id !== null,
  };
}

/** `authors` (1.1) and the deprecated `author` (1.0), without repeats. */
function authorsOf(value: Json, base: string | null): Person[] {
  const list = [...objects(value.authors), ...(isObject(value.author) ? [value.author] : [])];
  return people(
    list.map((a) => {
      const name = plainText(str(a.name));
      const url = webUrl(str(a.url), base);
      return name || url ? { name, email: null, url } : null;
    }),
  );
}

function jsonVersion(version: string | undefined): string | null {
  const number = /(\d+(?:\.\d+)?)\/?$/.exec(version?.trim() ?? "")?.[1];
  if (!number) return null;
  return number.includes(".") ? number : `${number}.0`;
}

/** Plain text (JSON Feed's summary and description are text) as HTML. */
function textHtml(text: string | undefined): string | null {
  return text ? escapeText(stripControls(text)).trim() || null : null;
}

/** content_text as HTML: paragraphs (separated by a blank line) in <p>, a single paragraph as it is. */
function paragraphs(text: string | undefined): string | null {
  if (!text) return null;
  const parts = text
    .split(/\n[ \t\r]*\n/)
    .map((p) => textHtml(p))
    .filter((p) => p !== null);
  if (parts.length <= 1) return parts[0] ?? null;
  return parts.map((p) => `<p>${p}</p>`).join("");
}
