/** What ingest needs from the network; `HttpFetcher` is the real adapter, tests may serve files on loopback. */
export type FetchRequest = {
  url: string;
  /** Validators from the previous successful fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** A lower size limit than the fetcher's own for this request (an image probe reads at most a few MiB). */
  maxBytes?: number;
  /** Aborts the fetch (Ctrl-C): it then fails with E_INTERRUPTED. */
  signal?: AbortSignal;
};

export type FetchResponse = {
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  headers: Record<string, string>;
  /** Decoded transfer (gzip/deflate/br removed), not yet charset-decoded. Empty when not modified. */
  body: Buffer;
  contentType: string | null;
  /** Set when every redirect on the way was permanent (301/308): callers may update the stored URL. */
  permanentUrl: string | null;
  attempts: number;
};

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
  close(): Promise<void>;
}

export const feedAccept =
  "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
export const pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
