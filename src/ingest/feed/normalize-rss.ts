import type { FeedItem, ParsedFeed, Person } from "../../model/feed.ts";
import { imageAltText } from "../../text/alt-text.ts";
import { stripControls } from "../../text/controls.ts";
import { plainText, sanitizeHtml } from "../html/sanitize.ts";
import {
  firstImage,
  nullable,
  people,
  resolveBase,
  toEnclosure,
  toPerson,
  uniqueEnclosures,
  uniqueStrings,
  webUrl,
} from "./common.ts";
import type { NormalizeContext } from "./context.ts";
import type { AtomLink, ItunesCategory, MediaBlock, RssFeedShape, RssItemShape } from "./feedsmith-shapes.ts";
import { atomHtml, atomPlain, textValue } from "./text.ts";

/** RSS 0.9x, 1.0 (RDF) and 2.0, with Dublin Core, content:encoded, Media RSS, iTunes and atom: elements. */
export function normalizeRss(raw: RssFeedShape, version: string | null, context: NormalizeContext): ParsedFeed {
  const selfLink = raw.atom?.links?.find((link) => link.rel === "self")?.href;
  const documentBase = resolveBase(context.documentUrl ?? webUrl(selfLink, null), raw.xml?.base);
  const link = webUrl(raw.link ?? alternate(raw.atom?.links), documentBase);
  // Relative links in items point into the site (the channel link), not the feed's host, unless xml:base says.
  const itemBase = raw.xml?.base ? documentBase : (link ?? documentBase);
  const description = nullable(
    sanitizeHtml(raw.description ?? raw.dc?.descriptions?.[0] ?? raw.itunes?.summary ?? "", itemBase),
  );
  return {
    format: "rss",
    version,
    title: plainText(raw.title ?? raw.dc?.titles?.[0] ?? textValue(raw.atom?.title)),
    link,
    description,
    language: plainText(raw.language ?? raw.dc?.languages?.[0] ?? raw.xml?.lang),
    updated: context.date(raw.lastBuildDate, raw.pubDate, raw.dc?.dates?.[0], raw.atom?.updated),
    image: webUrl(raw.image?.url ?? raw.itunes?.image ?? mediaImage(raw.media) ?? firstImage(description), itemBase),
    authors: people([
      toPerson(raw.managingEditor, itemBase),
      toPerson(raw.webMaster, itemBase),
      ...(raw.dc?.creators ?? []).map((a) => toPerson(a, itemBase)),
      toPerson(raw.itunes?.author, itemBase),
      ...(raw.atom?.authors ?? []).map((a) => toPerson(a, itemBase)),
    ]),
    items: (raw.items ?? []).map((item) => normalizeRssItem(item, itemBase, context)),
  };
}

function normalizeRssItem(item: RssItemShape, feedBase: string | null, context: NormalizeContext): FeedItem {
  const base = resolveBase(feedBase, item.xml?.base);
  const guid = typeof item.guid === "string" ? { value: item.guid } : item.guid;
  const guidValue = (guid?.value && stripControls(guid.value).trim()) || null;
  const guidIsUrl = guidValue !== null && (guidValue.startsWith("https://") || guidValue.startsWith("http://"));
  const permalink = guid !== undefined && guid.isPermaLink !== false && guidIsUrl ? guidValue : null;
  const atom = item.atom;
  const link = webUrl(item.link?.trim() || permalink || alternate(atom?.links), base);
  // Relative links inside an item's HTML are relative to the item's own page when there is one.
  const htmlBase = item.xml?.base ? base : (link ?? base);
  const summaryHtml =
    item.description ??
    item.dc?.descriptions?.[0] ??
    item.itunes?.summary ??
    item.itunes?.subtitle ??
    textValue(item.media?.description);
  const summary = summaryHtml
    ? nullable(sanitizeHtml(summaryHtml, htmlBase))
    : atomHtml(atom?.summary, htmlBase, context.base64Values);
  const content = item.content?.encoded
    ? nullable(sanitizeHtml(item.content.encoded, htmlBase))
    : atomHtml(atom?.content, htmlBase, context.base64Values);
  const enclosures = uniqueEnclosures((item.enclosures ?? []).map((e) => toEnclosure(e.url, e.type, e.length, base)));
  const dcDate = context.date(item.dc?.dates?.[0]);
  return {
    id: guidValue ?? ((atom?.id && stripControls(atom.id).trim()) || null),
    title:
      plainText(item.title ?? item.dc?.titles?.[0] ?? textValue(item.media?.title)) ??
      atomPlain(atom?.title, context.base64Values),
    link,
    summary,
    content,
    published: context.date(item.pubDate) ?? dcDate ?? context.date(atom?.published),
    updated: context.date(atom?.updated) ?? dcDate,
    authors: itemAuthors(item, base),
    categories: itemCategories(item),
    enclosures: enclosures.length ? enclosures : mediaEnclosures(item.media, base),
    image: webUrl(
      mediaImage(item.media) ??
        item.itunes?.image ??
        item.enclosures?.find((e) => e.type?.startsWith("image/"))?.url ??
        firstImage(content ?? summary),
      base,
    ),
    imageAlt: mediaImageAlt(item.media),
    idIsPermalink: permalink !== null || (guidValue !== null && guid?.isPermaLink !== false),
  };
}

function itemAuthors(item: RssItemShape, base: string | null): Person[] {
  const found: Array<Person | null> = [];
  for (const author of item.authors ?? []) found.push(toPerson(author, base));
  for (const creator of item.dc?.creators ?? []) found.push(toPerson(creator, base));
  if (item.itunes?.author) found.push(toPerson(item.itunes.author, base));
  for (const author of item.atom?.authors ?? []) found.push(toPerson(author, base));
  return people(found);
}

/** <category>, then iTunes keywords, Dublin Core subjects, iTunes categories and atom:category, as gofeed orders them. */
function itemCategories(item: RssItemShape): string[] {
  const found: Array<string | undefined> = [];
  for (const category of item.categories ?? []) found.push(category.name);
  if (item.itunes?.keywords) found.push(...item.itunes.keywords);
  if (item.dc?.subjects) found.push(...item.dc.subjects);
  if (item.itunes?.categories) found.push(...itunesCategories(item.itunes.categories));
  for (const category of item.atom?.categories ?? []) found.push(category.label ?? category.term);
  return uniqueStrings(found);
}

/** The alternate link among atom:link elements: rel="alternate" or no rel, text/html preferred. */
export function alternate(links: AtomLink[] | undefined): string | null {
  if (!links?.length) return null;
  let first: string | null = null;
  for (const link of links) {
    if (!link.href || (link.rel && link.rel !== "alternate")) continue;
    if (!link.type || link.type.includes("html")) return link.href;
    first ??= link.href;
  }
  return first;
}

/**
 * What the Media RSS block says its image (the one `mediaImage` picks) shows: the description of that media:content,
 * else the block's own description, else a title — sanitised and bounded for an alt attribute.
 */
export function mediaImageAlt(media: MediaBlock | undefined): string | null {
  if (!media || !mediaImage(media)) return null;
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  const image = media.thumbnails?.[0]?.url
    ? undefined
    : contents.find((c) => c.medium === "image" || c.type?.startsWith("image/"));
  for (const text of [image?.description, media.description, image?.title, media.title]) {
    const alt = imageAltText(plainText(textValue(text)));
    if (alt) return alt;
  }
  return null;
}

/** The lead image of a Media RSS block: a thumbnail, else an image media:content (in a group or not). */
export function mediaImage(media: MediaBlock | undefined): string | null {
  if (!media) return null;
  const thumb = media.thumbnails?.[0]?.url;
  if (thumb) return thumb;
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  const image = contents.find((c) => c.medium === "image" || c.type?.startsWith("image/"));
  if (image?.url) return image.url;
  for (const content of contents) {
    const nested = content.thumbnails?.[0]?.url;
    if (nested) return nested;
  }
  return media.groups?.find((g) => g.thumbnails?.[0]?.url)?.thumbnails?.[0]?.url ?? null;
}

/** Audio and video media:content, for items that carry their media only that way. */
function mediaEnclosures(media: MediaBlock | undefined, base: string | null) {
  if (!media) return [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  return uniqueEnclosures(
    contents
      .filter((c) => c.medium === "audio" || c.medium === "video" || /^(?:audio|video)\//.test(c.type ?? ""))
      .map((c) => toEnclosure(c.url, c.type, null, base)),
  );
}

function itunesCategories(categories: ItunesCategory[] | undefined): string[] {
  if (!categories?.length) return [];
  return categories.flatMap((c) => [c.text ?? "", ...itunesCategories(c.categories)]);
}
