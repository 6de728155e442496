import { HttpFetcher, type HttpFetcherOptions } from "../../src/ingest/fetch/http-fetcher.ts";

/** A fetcher with test-friendly limits; private networks allowed because test servers live on loopback. */
export function testFetcher(overrides: Partial<HttpFetcherOptions> = {}): HttpFetcher {
  return new HttpFetcher({
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    userAgent: "Daybrief-test",
    concurrency: 8,
    perHostConcurrency: 4,
    politenessDelayMs: 0,
    retries: 2,
    retryBaseMs: 20,
    maxRetryAfterSeconds: 5,
    allowPrivateNetworks: true,
    ...overrides,
  });
}
