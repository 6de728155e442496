/**
 * gofeed's expected outputs as FeedViews. Field names map onto ours: description ↔ summary (items) / description
 * (feed), guid ↔ id, publishedParsed ↔ published, subtitle ↔ description, logo/icon/image.url ↔ image, and so on.
 */
import {
  compact,
  type EnclosureView,
  type FeedView,
  html,
  type ItemView,
  id,
  instant,
  length,
  type PersonView,
  person,
  personFromString,
  plain,
  url,
} from "./gofeed-projection.ts";

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj) : []);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);

function enclosure(e: Json): EnclosureView {
  return { url: url(e.url), type: str(e.type) || null, length: length(e.length) };
}

/** gofeed's universal model (translator cases), for any source format. */
export function fromUniversal(expected: Json): FeedView {
  const type = str(expected.feedType);
  const json = type === "json";
  const people = (value: unknown): PersonView[] =>
    compact(list(value).map((p) => (json ? person(p.name, p.email, p.url) : person(p.name, p.email))));
  return {
    format: type,
    version: str(expected.feedVersion) ?? null,
    title: plain(expected.title),
    link: url(expected.link),
    description: html(expected.description),
    language: plain(expected.language),
    updated: instant(expected.updatedParsed ?? expected.publishedParsed),
    image: url(obj(expected.image).url),
    authors: people(expected.authors),
    items: list(expected.items).map(
      (item): ItemView => ({
        id: id(item.guid),
        title: plain(item.title),
        link: url(item.link),
        summary: html(item.description),
        content: html(item.content),
        published: instant(item.publishedParsed),
        updated: instant(item.updatedParsed),
        authors: people(item.authors),
        categories: strings(item.categories).map((c) => plain(c) ?? ""),
        enclosures: list(item.enclosures).map(enclosure),
        image: url(obj(item.image).url),
      }),
    ),
  };
}

/** Values of an extension element (gofeed keeps namespaced elements it does not map under `extensions`). */
function extension(value: Json, ns: string, name: string): string[] {
  return list(obj(obj(value.extensions)[ns])[name])
    .map((e) => str(e.value) ?? "")
    .filter(Boolean);
}

/** Authors and categories that gofeed's format models leave in Dublin Core and iTunes extensions and ours fold in. */
function extensionAuthors(value: Json): PersonView[] {
  return compact([...extension(value, "dc", "creator"), ...extension(value, "itunes", "author")].map(personFromString));
}

function extensionCategories(value: Json): string[] {
  const keywords = extension(value, "itunes", "keywords").flatMap((k) => k.split(","));
  return compact([...keywords, ...extension(value, "dc", "subject")].map(plain));
}

/** gofeed's RSS model (parser/rss cases). */
export function fromRss(expected: Json): FeedView {
  const version = str(expected.version);
  return {
    format: "rss",
    version: version || null,
    title: plain(expected.title),
    link: url(expected.link),
    description: html(expected.description),
    language: plain(expected.language),
    updated: instant(expected.lastBuildDateParsed ?? expected.pubDateParsed),
    image: url(obj(expected.image).url),
    authors: compact([
      personFromString(expected.managingEditor),
      personFromString(expected.webMaster),
      ...extensionAuthors(expected),
    ]),
    items: list(expected.items).map(
      (item): ItemView => ({
        id: id(obj(item.guid).value),
        title: plain(item.title),
        link: url(item.link),
        summary: html(item.description),
        content: html(item.content),
        published: instant(item.pubDateParsed),
        authors: compact([personFromString(item.author), ...extensionAuthors(item)]),
        categories: compact([...list(item.categories).map((c) => plain(c.value)), ...extensionCategories(item)]),
        enclosures: list(item.enclosures).map(enclosure),
      }),
    ),
  };
}

function atomPeople(value: unknown): PersonView[] {
  return compact(list(value).map((p) => person(p.name, p.email, p.uri)));
}

/** The alternate link: rel="alternate" (or none given), the first such. */
function alternate(links: Json[]): string | null {
  const found = links.find((l) => !l.rel || l.rel === "alternate");
  return url(found?.href);
}

/** gofeed's Atom model (parser/atom cases). Contributors, rights, generator and source are not in our model. */
export function fromAtom(expected: Json): FeedView {
  return {
    format: "atom",
    version: str(expected.version) ?? null,
    title: plain(expected.title),
    link: alternate(list(expected.links)),
    description: html(expected.subtitle),
    language: plain(expected.language),
    updated: instant(expected.updatedParsed),
    image: url(expected.logo ?? expected.icon),
    authors: [...atomPeople(expected.authors), ...extensionAuthors(expected)],
    items: list(expected.entries).map((entry): ItemView => {
      const links = list(entry.links);
      return {
        id: id(entry.id),
        title: plain(entry.title),
        link: alternate(links),
        summary: html(entry.summary),
        content: html(obj(entry.content).value),
        // As gofeed's universal model does, an entry without a publication time is published when updated.
        published: instant(entry.publishedParsed ?? entry.updatedParsed),
        updated: instant(entry.updatedParsed),
        authors: [...atomPeople(entry.authors), ...extensionAuthors(entry)],
        categories: compact([
          ...list(entry.categories).map((c) => plain(c.label ?? c.term)),
          ...extensionCategories(entry),
        ]),
        enclosures: links
          .filter((l) => l.rel === "enclosure")
          .map((l) => ({ url: url(l.href), type: str(l.type) || null, length: length(l.length) })),
      };
    }),
  };
}

/** gofeed's JSON Feed model (parser/json cases): the document itself, read the way the spec defines it. */
export function fromJsonFeed(expected: Json): FeedView {
  const version = /version\/(\d+(?:\.\d+)?)/.exec(str(expected.version) ?? "")?.[1] ?? str(expected.version) ?? null;
  const people = (one: unknown, many: unknown): PersonView[] =>
    compact([...list(many), ...(one ? [obj(one)] : [])].map((p) => person(p.name, undefined, p.url))).filter(
      (p, i, all) => all.findIndex((q) => q.name === p.name && q.url === p.url) === i,
    );
  return {
    format: "json",
    version: version === "1" ? "1.0" : version,
    title: plain(expected.title),
    link: url(expected.home_page_url),
    description: html(expected.description),
    language: plain(expected.language),
    image: url(expected.icon ?? expected.favicon),
    authors: people(expected.author, expected.authors),
    items: list(expected.items).map(
      (item): ItemView => ({
        id: id(item.id),
        title: plain(item.title),
        link: url(item.url ?? item.external_url),
        summary: html(item.summary),
        content: html(item.content_html ?? item.content_text),
        published: instant(item.date_published),
        updated: instant(item.date_modified),
        authors: people(item.author, item.authors),
        categories: strings(item.tags),
        enclosures: list(item.attachments).map((a) => ({
          url: url(a.url),
          type: str(a.mime_type) || null,
          length: length(a.size_in_bytes),
        })),
        image: url(item.image ?? item.banner_image),
      }),
    ),
  };
}
