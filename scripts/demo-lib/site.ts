// The site model shared by feed writers and page templates.
import type { Typography } from "./text.ts";
import type { Charset, Item, SourceDef } from "./types.ts";

/** Literal origin placeholder; the demo server replaces it (byte-level) with its real origin. */
export const ORIGIN = "__ORIGIN__";

export interface Entry {
  source: SourceDef;
  item: Item;
  /** 0-based position of the item in its source, oldest first. */
  seq: number;
  /** URL path of the article page, e.g. "/inference-daily/2025/12/01/nvidia-synopsys-stake/". */
  urlPath: string;
  /** ORIGIN + urlPath */
  url: string;
  /** "/<root>/img/<slug>.png" */
  imagePath: string;
  imageUrl: string;
}

export interface FeedContext {
  source: SourceDef;
  profile: Profile;
  /** Newest first. */
  entries: Entry[];
  /** ORIGIN + "/<root>/" */
  siteUrl: string;
  feedUrl: string;
  /** Latest published/updated instant in the feed (deterministic "build date"). */
  lastBuild: string;
}

export interface LinkRef {
  title: string;
  url: string;
  published: string;
}

export interface ReaderComment {
  name: string;
  text: string;
  /** ISO instant */
  at: string;
}

export interface PageContext {
  source: SourceDef;
  profile: Profile;
  entry: Entry;
  item: Item;
  siteUrl: string;
  feedUrl: string;
  /** MIME type of the feed without parameters, for <link rel="alternate">. */
  feedMime: string;
  /** Body as HTML blocks (<p>, <h2>, <blockquote>, <ul>), typeset for the outlet. */
  blocks: string[];
  /** Typeset, escaped title / summary / caption HTML. */
  titleHtml: string;
  summaryHtml: string;
  captionHtml: string;
  /** Other items of the same source. */
  related: LinkRef[];
  popular: LinkRef[];
  comments: ReaderComment[];
  /** Original item, when this one re-runs it (syndicated_from). */
  original?: LinkRef & { siteName: string };
  lang: string;
}

export interface Profile {
  /** First segment of every URL of the outlet: "wirebeat", "lab-notes", "arxiv", ... */
  root: string;
  articlePath: (item: Item, seq: number) => string;
  typography: Typography;
  /** Content-Type of the feed, with charset. */
  feedType: string;
  pageCharset: Charset;
  /** Returns the feed document as a string; build-demo encodes it in the source's charset. */
  feed: (ctx: FeedContext) => string;
  page: (ctx: PageContext) => string;
  /** Optional per-page language override (default "en"). */
  lang?: (entry: Entry) => string;
}
