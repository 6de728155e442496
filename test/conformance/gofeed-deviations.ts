/**
 * gofeed cases where Daybrief deliberately differs. Each entry names the case (folder/name), says why in one line,
 * and adjusts gofeed's expectation to what we assert instead. The suite fails when an entry is no longer needed.
 */
import type { FeedView, ItemView } from "./gofeed-projection.ts";

export type Deviation = { reason: string; adjust: (expected: FeedView) => void };

const firstLink =
  "several <link>s: we keep the first text link, gofeed the last (here an un-namespaced <link href>, not a page link)";
const emptyItem = "feedsmith drops an item in which it knows no element; such an item has nothing to show";

/** Our value for a feed field. */
function feed<K extends keyof FeedView>(key: K, value: FeedView[K]): (expected: FeedView) => void {
  return (expected) => {
    expected[key] = value;
  };
}

/** Our value for a field of the first item. */
function item<K extends keyof ItemView>(key: K, value: ItemView[K]): (expected: FeedView) => void {
  return (expected) => {
    const first = expected.items[0];
    if (!first) throw new Error("the case has no item");
    first[key] = value;
  };
}

export const gofeedDeviations: Record<string, Deviation> = {
  "translator/rss/feed_links_-_rss_channel_links": {
    reason: firstLink,
    adjust: feed("link", "http://example.org/"),
  },
  "translator/rss/feed_links_-_rdf_channel_links": {
    reason: firstLink,
    adjust: feed("link", "http://example.org/"),
  },
  "translator/rss/feed_item_links_-_rss_channel_item_links": {
    reason: firstLink,
    adjust: item("link", "http://example.org/"),
  },
  "parser/rss/rss_channel_links": { reason: firstLink, adjust: feed("link", "http://example.org/") },
  "parser/rss/rdf_channel_links": { reason: firstLink, adjust: feed("link", "http://example.org/") },
  "parser/rss/rss_channel_item_links": {
    reason: firstLink,
    adjust: item("link", "http://example.org/"),
  },
  "parser/rss/rdf_item_links": { reason: firstLink, adjust: item("link", "http://example.org/") },

  "translator/rss/feed_item_category_-_rss_channel_item_custom": {
    reason: emptyItem,
    adjust: feed("items", []),
  },
  "parser/rss/rss_channel_item_custom": { reason: emptyItem, adjust: feed("items", []) },
  "parser/rss/rss_channel_item_author_naked_markup": {
    reason: `${emptyItem} (its only element, <author>, holds markup)`,
    adjust: feed("items", []),
  },
  "parser/atom/atom03_feed_entry_contributor_homepage": { reason: emptyItem, adjust: feed("items", []) },

  "parser/atom/atom03_feed_author_homepage": {
    reason: "<homepage> is a pre-0.3 Atom draft element (0.3 has <url>); it is not read",
    adjust: feed("authors", []),
  },
  "parser/atom/atom03_feed_entry_author_homepage": {
    reason: "<homepage> is a pre-0.3 Atom draft element (0.3 has <url>); an entry with only that is dropped",
    adjust: feed("items", []),
  },

  "translator/rss/feed_image_-_rss_channel_media_content": {
    reason: "dc:author is not a Dublin Core element (dc:creator is); it is not read",
    adjust: feed("authors", []),
  },
  "translator/rss/feed_item_fallbacks_-_rss_channel_item_extensions": {
    reason: "dc:author is not a Dublin Core element (dc:creator is); it is not read",
    adjust: item("authors", []),
  },
  "extensions/dublincore/dublincore_item_multiple_values": {
    reason: "every dc:creator is an author; gofeed keeps only the first",
    adjust: item("authors", [
      { name: "Alice", email: null },
      { name: "Bob", email: null },
    ]),
  },
  "parser/rss/issue_275_unknown_children": {
    reason: "RSS 1.0 puts <image> beside <channel>; one misplaced inside it is not read",
    adjust: feed("image", null),
  },
  "parser/atom/entry_id_xml_base": {
    reason: "atom:id is an opaque identifier (RFC 4287 §4.2.6: an absolute IRI), so xml:base does not rewrite it",
    adjust: item("id", "relative/link"),
  },
  "parser/atom/feed_author_uri_inherit": {
    reason: "xml:base on an <author> element is not kept by feedsmith; the feed's xml:base applies to its <uri>",
    adjust: feed("authors", [{ name: "John Doe", email: null, url: "http://example.org/john" }]),
  },
  "parser/rss/rss_channel_item_author_cdata_escaped_markup": {
    reason: "an author written as escaped markup in CDATA gives the name without the markup",
    adjust: item("authors", [{ name: "Item Author", email: null }]),
  },
};
