/** The normalised feed model every format (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x) converts to. */

export type FeedFormat = "rss" | "atom" | "json";

export type Person = { name: string | null; email: string | null; url: string | null };

export type Enclosure = { url: string; type: string | null; length: number | null };

export type FeedItem = {
  /** The feed's own identifier for the item (guid, atom:id, JSON id); null when the feed gives none. */
  id: string | null;
  /** Plain text. */
  title: string | null;
  /** Absolute URL of the item's page. */
  link: string | null;
  /** Sanitised HTML. */
  summary: string | null;
  /** Sanitised HTML of the full content when the feed carries it. */
  content: string | null;
  /** ISO 8601 UTC. */
  published: string | null;
  updated: string | null;
  authors: Person[];
  categories: string[];
  enclosures: Enclosure[];
  /** Lead image (media:thumbnail, media:content, itunes:image, JSON image), absolute. */
  image: string | null;
  /** What the feed says `image` shows (its Media RSS description or title), sanitised and bounded. */
  imageAlt?: string | null;
  /** Whether `id` is a permalink or otherwise trustworthy as an identity across fetches. */
  idIsPermalink: boolean;
};

export type ParsedFeed = {
  format: FeedFormat;
  /** "0.91", "0.92", "1.0", "2.0" for RSS (RDF is 1.0); "0.3"/"1.0" for Atom; "1.0"/"1.1" for JSON Feed. */
  version: string | null;
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  updated: string | null;
  image: string | null;
  authors: Person[];
  items: FeedItem[];
};

export type ParseWarning = { code: "recovered" | "item_skipped" | "date_unparsed" | "charset"; message: string };

export type FeedParseResult = { feed: ParsedFeed; warnings: ParseWarning[] };
