import type { FeedParseResult } from "../model/feed.ts";
import type { ItemCandidate } from "../model/item.ts";
import type { Source } from "../model/source.ts";
import { parseFeed } from "./feed/parse-feed.ts";
import { type Fetcher, feedAccept } from "./fetch/fetcher.ts";
import { toCandidates } from "./identity.ts";

export type FeedFetchResult =
  | { status: "not_modified"; httpStatus: number; etag: string | null; lastModified: string | null }
  | {
      status: "ok";
      httpStatus: number;
      etag: string | null;
      lastModified: string | null;
      /** Set when the feed permanently moved: the source's URL should follow it. */
      movedTo: string | null;
      parsed: FeedParseResult;
      candidates: ItemCandidate[];
    };

/**
 * Fetches one source's feed (conditionally, with the validators from last time) and turns it into item
 * candidates. Throws a DaybriefError for network, HTTP and parse failures; the caller records them.
 *
 * @example
 * const result = await ingestFeed(source, fetcher, { maxItems: 500 });
 */
export async function ingestFeed(
  source: Source,
  fetcher: Fetcher,
  options: { maxItems: number; signal?: AbortSignal },
): Promise<FeedFetchResult> {
  const response = await fetcher.fetch({
    url: source.url,
    etag: source.etag,
    lastModified: source.lastModified,
    accept: feedAccept,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const etag = response.headers.etag ?? null;
  const lastModified = response.headers["last-modified"] ?? null;
  if (response.notModified) {
    return {
      status: "not_modified",
      httpStatus: response.status,
      etag: etag ?? source.etag,
      lastModified: lastModified ?? source.lastModified,
    };
  }
  const parsed = parseFeed(response.body, {
    url: response.url,
    contentType: response.contentType,
    maxItems: options.maxItems,
  });
  return {
    status: "ok",
    httpStatus: response.status,
    etag,
    lastModified,
    movedTo: response.permanentUrl,
    parsed,
    candidates: toCandidates(source.id, parsed.feed.items, parsed.feed.link),
  };
}
