import type { Config } from "../config/schema.ts";
import { HttpFetcher, type ProbedImage, probeImage } from "../ingest/index.ts";

/** Building an issue waits on its lead image for at most this long: a slow image host must not hold the build. */
const imageTimeoutMs = 10_000;

/**
 * The editions stage's image probe, over its own fetcher: the config's network settings and SSRF policy, no retries
 * and a short deadline (an image that does not answer at once is skipped, the next one tried).
 */
export function createImageProbe(config: Readonly<Config>): {
  measure(url: string): Promise<ProbedImage>;
  close(): Promise<void>;
} {
  const fetcher = new HttpFetcher({
    ...config.fetch,
    retries: 0,
    politenessDelayMs: 0,
    timeoutMs: Math.min(config.fetch.timeoutMs, imageTimeoutMs),
    allowPrivateNetworks: config.allowPrivateNetworks,
  });
  return {
    measure: (url) => probeImage(fetcher, url),
    close: () => fetcher.close(),
  };
}
