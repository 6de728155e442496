import type { FeedItem } from "../../src/model/feed.ts";

/** A feed entry as the parser gives it: a title and a summary, published 2025-12-01 10:00 UTC, unless overridden. */
export function feedItem(overrides: Partial<FeedItem>): FeedItem {
  return {
    id: null,
    title: "Title",
    link: null,
    summary: "Summary",
    content: null,
    published: "2025-12-01T10:00:00Z",
    updated: null,
    authors: [],
    categories: [],
    enclosures: [],
    image: null,
    idIsPermalink: false,
    ...overrides,
  };
}
