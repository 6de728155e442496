import { createHash } from "node:crypto";
import type { FeedItem } from "../model/feed.ts";
import type { IdentityKind, ItemCandidate } from "../model/item.ts";
import { plainText } from "./html/sanitize.ts";
import { canonicalUrl } from "./url.ts";

/**
 * Works out each item's identity within its source: the feed's GUID when it can be trusted (present, unique in
 * the document, not the feed's own link), else the canonical URL, else a hash of the content.
 */
export function toCandidates(sourceId: string, items: FeedItem[], feedLink: string | null): ItemCandidate[] {
  const guidCounts = new Map<string, number>();
  for (const item of items) if (item.id) guidCounts.set(item.id, (guidCounts.get(item.id) ?? 0) + 1);
  const feedCanonical = feedLink ? canonicalUrl(feedLink) : null;
  const seen = new Set<string>();
  const out: ItemCandidate[] = [];
  for (const item of items) {
    const canonical = item.link ? canonicalUrl(item.link) : null;
    const contentHash = hashContent(item);
    const guid = item.id?.trim() || null;
    const guidTrusted =
      guid !== null &&
      guid.length <= 2048 &&
      guidCounts.get(guid) === 1 &&
      (canonicalUrl(guid) ?? guid) !== feedCanonical;
    const [kind, value]: [IdentityKind, string] = guidTrusted
      ? ["guid", guid]
      : canonical && canonical !== feedCanonical
        ? ["url", canonical]
        : ["hash", contentHash];
    const identityKey = `${sourceId}:${kind}:${value}`;
    if (seen.has(identityKey)) continue;
    seen.add(identityKey);
    out.push({
      identityKey,
      identityKind: kind,
      guid: guidTrusted ? guid : null,
      url: item.link,
      canonicalUrl: canonical,
      contentHash,
      title: item.title,
      summary: item.summary,
      contentHtml: item.content,
      authors: item.authors,
      categories: item.categories,
      enclosures: item.enclosures,
      image: item.image,
      imageAlt: item.imageAlt ?? null,
      publishedAt: item.published,
      updatedAt: item.updated,
    });
  }
  return out;
}

/** A hash of what a reader would see change: title and text, whitespace and markup ignored. */
export function hashContent(item: Pick<FeedItem, "title" | "summary" | "content" | "link">): string {
  const text = [
    item.title,
    plainText(item.content ?? item.summary ?? ""),
    item.content || item.summary ? "" : item.link,
  ]
    .map((part) => (part ?? "").replace(/\s+/g, " ").trim().toLowerCase())
    .join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
