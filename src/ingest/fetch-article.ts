import { brotliCompressSync, constants } from "node:zlib";
import { DaybriefError } from "../errors.ts";
import type { Article } from "../model/article.ts";
import { extractArticle } from "./article/extract-article.ts";
import { type Fetcher, pageAccept } from "./fetch/fetcher.ts";

export type FetchedPage = {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  /** The raw HTML, brotli-compressed, so extraction can be re-run later without fetching again. */
  body: Uint8Array;
  byteLength: number;
};

/**
 * Fetches an item's page and extracts its article. Non-HTML links (audio, PDF) fail with E_ARTICLE_NOT_HTML;
 * pages without article text with E_ARTICLE_EXTRACT; an aborted `signal` stops the fetch with E_INTERRUPTED.
 */
export async function fetchArticle(
  url: string,
  fetcher: Fetcher,
  options: { signal?: AbortSignal } = {},
): Promise<{ page: FetchedPage; article: Article }> {
  const response = await fetcher.fetch({
    url,
    accept: pageAccept,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const type = (response.contentType ?? "").toLowerCase();
  if (type && !type.includes("html") && !type.includes("xml") && !type.startsWith("text/")) {
    throw new DaybriefError("E_ARTICLE_NOT_HTML", `${url} is ${type.split(";")[0]}, not a web page.`);
  }
  const article = extractArticle(response.body, { url: response.url, contentType: response.contentType });
  const page: FetchedPage = {
    url,
    finalUrl: response.url,
    status: response.status,
    contentType: response.contentType,
    body: compressPage(response.body),
    byteLength: response.body.length,
  };
  return { page, article };
}

export function compressPage(body: Uint8Array): Uint8Array {
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
}
