/**
 * The ingest stage's public face: fetching (with per-host queues and a per-run breaker), feed parsing, item
 * identity and article extraction. Everything outside src/ingest/ imports from here.
 */
export { extractArticle, extractorVersion } from "./article/extract-article.ts";
export { parseFeed } from "./feed/parse-feed.ts";
export { type Fetcher, type FetchRequest, feedAccept, pageAccept } from "./fetch/fetcher.ts";
export { type DeferredHost, HostBreaker, withBreaker } from "./fetch/host-breaker.ts";
export { runByHost } from "./fetch/host-queues.ts";
export { HttpFetcher } from "./fetch/http-fetcher.ts";
export { fetchArticle } from "./fetch-article.ts";
export { escapeText, plainText } from "./html/sanitize.ts";
export { toCandidates } from "./identity.ts";
export { imageLimits, type ProbedImage, probeImage } from "./image/probe-image.ts";
export { ingestFeed } from "./ingest-feed.ts";
export { canonicalUrl, hostKey } from "./url.ts";
