import { createHash } from "node:crypto";
import type { Article } from "./article.ts";
import type { Enclosure, Person } from "./feed.ts";

/** How an item's identity was established, from most to least trustworthy. */
export type IdentityKind = "guid" | "url" | "hash";

/** One entry read from a source, stored once however often it is seen: a candidate, with what the store adds. */
export type Item = ItemCandidate & {
  id: string;
  sourceId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Incremented each time the source changes the item; earlier versions are kept in item history. */
  version: number;
  articleStatus: ArticleStatus;
};

export type ArticleStatus = "pending" | "ok" | "failed" | "skipped";

/** An item as the stories stage sees it: its best text, whether from the page or from the feed. */
export type ItemWithArticle = Item & { article: (Article & { extractedAt: string }) | null };

/** A feed item prepared for the store: its identity worked out, its content hashed. */
export type ItemCandidate = {
  identityKey: string;
  identityKind: IdentityKind;
  guid: string | null;
  url: string | null;
  canonicalUrl: string | null;
  contentHash: string;
  title: string | null;
  summary: string | null;
  contentHtml: string | null;
  authors: Person[];
  categories: string[];
  enclosures: Enclosure[];
  image: string | null;
  /** What the feed says `image` shows (media:description), sanitised and bounded. */
  imageAlt?: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
};

/** Item ids are derived from the identity key, so the same item gets the same id in every store. */
export function itemId(identityKey: string): string {
  return `it_${createHash("sha256").update(identityKey).digest("hex").slice(0, 20)}`;
}
