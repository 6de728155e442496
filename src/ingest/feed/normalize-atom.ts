import type { FeedItem, ParsedFeed } from "../../model/feed.ts";
import { stripControls } from "../../text/controls.ts";
import { plainText } from "../html/sanitize.ts";
import {
  firstImage,
  people,
  resolveBase,
  toEnclosure,
  toPerson,
  uniqueEnclosures,
  uniqueStrings,
  webUrl,
} from "./common.ts";
import type { NormalizeContext } from "./context.ts";
import type { AtomEntryShape, AtomFeedShape, AtomText } from "./feedsmith-shapes.ts";
import { alternate, mediaImage, mediaImageAlt } from "./normalize-rss.ts";
import { atomHtml, atomPlain } from "./text.ts";

/** Atom 1.0 and 0.3. xml:base is honoured on the feed, each entry and each text construct. */
export function normalizeAtom(raw: AtomFeedShape, version: string | null, context: NormalizeContext): ParsedFeed {
  const selfLink = raw.links?.find((link) => link.rel === "self")?.href;
  const base = resolveBase(context.documentUrl ?? webUrl(selfLink, null), raw.xml?.base);
  return {
    format: "atom",
    version,
    title: atomPlain(raw.title, context.base64Values),
    link: webUrl(alternate(raw.links), base),
    description: html(raw.subtitle, base, context),
    language: plainText(raw.xml?.lang),
    updated: context.date(raw.updated),
    image: webUrl(raw.logo ?? raw.icon, base),
    authors: people([
      ...(raw.authors ?? []).map((a) => toPerson(a, base)),
      ...(raw.dc?.creators ?? []).map((a) => toPerson(a, base)),
    ]),
    items: (raw.entries ?? []).map((entry) => normalizeEntry(entry, base, context)),
  };
}

function normalizeEntry(entry: AtomEntryShape, feedBase: string | null, context: NormalizeContext): FeedItem {
  const base = resolveBase(feedBase, entry.xml?.base);
  const summary = html(entry.summary, base, context);
  const content = entry.content?.src ? null : html(entry.content, base, context);
  const id = (entry.id && stripControls(entry.id).trim()) || null;
  const updated = context.date(entry.updated);
  return {
    id,
    title: atomPlain(entry.title, context.base64Values),
    link: webUrl(alternate(entry.links), base),
    summary,
    content,
    // Many Atom feeds only say when an entry was updated; that is the best publication time there is.
    published: context.date(entry.published, entry.dc?.dates?.[0]) ?? updated,
    updated,
    authors: people([
      ...(entry.authors ?? []).map((a) => toPerson(a, base)),
      ...(entry.dc?.creators ?? []).map((a) => toPerson(a, base)),
    ]),
    categories: uniqueStrings([
      ...(entry.categories ?? []).map((c) => c.label ?? c.term),
      ...(entry.dc?.subjects ?? []),
    ]),
    enclosures: uniqueEnclosures(
      (entry.links ?? [])
        .filter((link) => link.rel === "enclosure")
        .map((link) => toEnclosure(link.href, link.type, link.length, base)),
    ),
    image: webUrl(mediaImage(entry.media) ?? firstImage(content ?? summary), base),
    imageAlt: mediaImageAlt(entry.media),
    idIsPermalink: id !== null,
  };
}

/** A text construct as sanitised HTML, its links resolved against its own xml:base when it has one. */
function html(value: AtomText | undefined, base: string | null, context: NormalizeContext): string | null {
  const own = typeof value === "object" ? value.xml?.base : undefined;
  return atomHtml(value, own ? resolveBase(base, own) : base, context.base64Values);
}
