// Shared types for the demo corpus (demo/sources.yaml + demo/content/*.yaml).

export const FEED_FORMATS = [
  "rss2",
  "rss1",
  "rss092",
  "atom1",
  "atom03",
  "jsonfeed1",
  "jsonfeed11",
  "podcast",
  "arxiv",
] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const SOURCE_KINDS = ["news", "blog", "company", "press", "arxiv", "podcast"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const CHARSETS = ["utf-8", "windows-1252", "iso-8859-1"] as const;
export type Charset = (typeof CHARSETS)[number];

export interface SourceDef {
  id: string;
  name: string;
  kind: SourceKind;
  format: FeedFormat;
  charset: Charset;
  /** URL path where the feed is served, e.g. "/wirebeat/rss.xml" or "/inference-daily/feed/". */
  path: string;
  weight: number;
}

export interface Enclosure {
  /** bytes */
  length: number;
  /** "HH:MM:SS" */
  duration: string;
}

export interface Item {
  slug: string;
  event: string;
  title: string;
  author: string;
  /** ISO 8601 UTC, e.g. "2025-12-01T14:05:00Z" */
  published: string;
  updated?: string;
  summary: string;
  categories: string[];
  imageCaption?: string;
  /** "<source-id>/<slug>" */
  syndicatedFrom?: string;
  enclosure?: Enclosure;
  body: string;
}

export interface SourceContent {
  source: SourceDef;
  /** Items in file order. */
  items: Item[];
  /** Path of the content file relative to the repo root, if one exists. */
  file?: string;
}

export interface Problem {
  where: string;
  message: string;
  level: "error" | "warning";
}
