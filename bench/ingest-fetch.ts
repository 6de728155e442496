import { type Fetcher, type FetchRequest, type FetchResponse, feedAccept } from "../src/ingest/fetch/fetcher.ts";
import { mapLimit } from "../src/pipeline/map-limit.ts";

/** Passes every request through and remembers it, so the baseline can replay exactly what the pipeline fetched. */
export class RecordingFetcher implements Fetcher {
  readonly requests: FetchRequest[] = [];
  readonly #inner: Fetcher;

  constructor(inner: Fetcher) {
    this.#inner = inner;
  }

  fetch(request: FetchRequest): Promise<FetchResponse> {
    this.requests.push(request);
    return this.#inner.fetch(request);
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}

/**
 * The ingest baseline: the same requests with the same fetcher and concurrency, in the same two phases (feeds, then
 * article pages), and nothing else — no parsing, extraction or storing. Returns the wall time in milliseconds.
 */
export async function fetchOnly(fetcher: Fetcher, requests: FetchRequest[], concurrency: number): Promise<number> {
  const feeds = requests.filter((r) => r.accept === feedAccept);
  const pages = requests.filter((r) => r.accept !== feedAccept);
  const started = performance.now();
  for (const phase of [feeds, pages]) {
    await mapLimit(phase, concurrency, async (request) => {
      await fetcher
        .fetch({ url: request.url, ...(request.accept ? { accept: request.accept } : {}) })
        .catch(() => null);
    });
  }
  return performance.now() - started;
}
