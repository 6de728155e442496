import type { Config } from "../config/schema.ts";
import { type DaybriefError, toDaybriefError } from "../errors.ts";
import { extractArticle, extractorVersion } from "../ingest/article/extract-article.ts";
import type { Fetcher } from "../ingest/fetch/fetcher.ts";
import { fetchArticle } from "../ingest/fetch-article.ts";
import { ingestFeed } from "../ingest/ingest-feed.ts";
import type { Logger } from "../log.ts";
import type { Source } from "../model/source.ts";
import type { ItemsRepo } from "../store/items-repo.ts";
import type { SourcesRepo } from "../store/sources-repo.ts";
import { mapLimit } from "./map-limit.ts";

export type IngestDeps = {
  sources: SourcesRepo;
  items: ItemsRepo;
  fetcher: Fetcher;
  config: Readonly<Config>;
  log: Logger;
  now?: () => Date;
  onEvent?: (event: IngestEvent) => void;
};

export type IngestEvent =
  | { type: "plan"; sources: number }
  | { type: "source"; report: SourceReport }
  | { type: "articles"; total: number }
  | { type: "article"; itemId: string; ok: boolean };

export type SourceReport = {
  sourceId: string;
  name: string;
  outcome: "ok" | "not_modified" | "error" | "gone";
  itemsNew: number;
  itemsUpdated: number;
  itemsSeen: number;
  articlesOk: number;
  articlesFailed: number;
  warnings: string[];
  error: { code: string; message: string; hint: string } | null;
  nextFetchAt: string | null;
};

export type IngestReport = { startedAt: string; finishedAt: string; sources: SourceReport[] };

export type IngestOptions = {
  /** Fetch only this source, due or not. */
  sourceId?: string;
  /** Fetch exactly these sources, due or not. */
  sourceIds?: string[];
  /** Fetch every enabled source, due or not. */
  all?: boolean;
};

/** Articles are retried this many times over later runs before the item keeps only its feed text. */
const maxArticleAttempts = 3;

/**
 * Fetches every due source (or the one asked for), stores new and changed items, then fetches and extracts the
 * pages of items that have no article yet — including those a killed earlier run left pending. One source's
 * failure is recorded on that source (with backoff) and never stops the others.
 */
export async function runIngest(deps: IngestDeps, options: IngestOptions = {}): Promise<IngestReport> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const sources = options.sourceId
    ? [await deps.sources.get(options.sourceId)]
    : options.sourceIds
      ? await Promise.all(options.sourceIds.map((id) => deps.sources.get(id)))
      : options.all
        ? (await deps.sources.list()).filter((s) => s.enabled && !s.health.gone)
        : await deps.sources.due(startedAt);
  deps.onEvent?.({ type: "plan", sources: sources.length });
  const reports = new Map<string, SourceReport>();
  await mapLimit(sources, deps.config.fetch.concurrency, async (source) => {
    const report = await ingestOneSource(deps, source, now);
    reports.set(source.id, report);
    deps.onEvent?.({ type: "source", report });
  });
  if (deps.config.ingest.extractArticles) await extractPending(deps, sources, reports, now);
  return { startedAt, finishedAt: now().toISOString(), sources: sources.map((s) => reports.get(s.id) as SourceReport) };
}

async function ingestOneSource(deps: IngestDeps, source: Source, now: () => Date): Promise<SourceReport> {
  const started = now();
  const at = started.toISOString();
  const report: SourceReport = {
    sourceId: source.id,
    name: source.name,
    outcome: "ok",
    itemsNew: 0,
    itemsUpdated: 0,
    itemsSeen: 0,
    articlesOk: 0,
    articlesFailed: 0,
    warnings: [],
    error: null,
    nextFetchAt: null,
  };
  const interval = (source.intervalMinutes || deps.config.ingest.intervalMinutes) * 60_000;
  let httpStatus: number | null = null;
  try {
    const result = await ingestFeed(source, deps.fetcher, { maxItems: deps.config.ingest.maxItemsPerFeed });
    httpStatus = result.httpStatus;
    report.nextFetchAt = new Date(started.getTime() + interval).toISOString();
    if (result.status === "not_modified") {
      report.outcome = "not_modified";
    } else {
      const outcomes = await deps.items.upsertFromFeed(source.id, result.candidates, at);
      report.itemsNew = outcomes.filter((o) => o.status === "new").length;
      report.itemsUpdated = outcomes.filter((o) => o.status === "updated").length;
      report.itemsSeen = outcomes.length;
      report.warnings = result.parsed.warnings.map((w) => w.message);
      if (result.movedTo) report.warnings.push(`Feed moved permanently to ${result.movedTo}; the source now uses it.`);
    }
    await deps.sources.recordSuccess(source.id, {
      at,
      nextFetchAt: report.nextFetchAt,
      etag: result.etag,
      lastModified: result.lastModified,
      itemsNew: report.itemsNew,
      ...(result.status === "ok" && result.movedTo ? { url: result.movedTo } : {}),
      ...(result.status === "ok" ? { siteUrl: result.parsed.feed.link } : {}),
    });
    deps.log.info(
      { source_id: source.id, items_new: report.itemsNew, items_updated: report.itemsUpdated, outcome: report.outcome },
      "source fetched",
    );
  } catch (thrown) {
    const error = toDaybriefError(thrown);
    httpStatus = typeof error.details.status === "number" ? error.details.status : null;
    const gone = error.code === "E_FETCH_GONE";
    report.outcome = gone ? "gone" : "error";
    report.error = error.toJSON();
    report.nextFetchAt = backoffUntil(deps, source, started, interval, error);
    await deps.sources.recordFailure(source.id, {
      at,
      nextFetchAt: report.nextFetchAt,
      code: error.code,
      message: error.message,
      gone,
    });
    deps.log.warn({ source_id: source.id, code: error.code, err_message: error.message }, "source failed");
  }
  await deps.sources.logFetch({
    sourceId: source.id,
    startedAt: at,
    durationMs: now().getTime() - started.getTime(),
    outcome: report.outcome,
    httpStatus,
    itemsNew: report.itemsNew,
    itemsUpdated: report.itemsUpdated,
    errorCode: report.error?.code ?? null,
    errorMessage: report.error?.message ?? null,
  });
  return report;
}

/** The wait doubles with each consecutive failure, up to ingest.maxBackoffHours; a Retry-After wins if longer. */
function backoffUntil(deps: IngestDeps, source: Source, started: Date, interval: number, error: DaybriefError): string {
  const failures = source.health.consecutiveFailures + 1;
  const cap = deps.config.ingest.maxBackoffHours * 3_600_000;
  let wait = Math.min(cap, interval * 2 ** Math.min(failures - 1, 20));
  const retryAfter = Number(error.details.retryAfterSeconds);
  if (Number.isFinite(retryAfter) && retryAfter * 1000 > wait) wait = Math.min(retryAfter * 1000, cap * 2);
  return new Date(started.getTime() + wait).toISOString();
}

async function extractPending(
  deps: IngestDeps,
  sources: Source[],
  reports: Map<string, SourceReport>,
  now: () => Date,
): Promise<void> {
  const wanted = new Set(sources.map((s) => s.id));
  const pending = (await deps.items.pendingArticles({ maxAttempts: maxArticleAttempts })).filter(
    (item) => wanted.has(item.sourceId) || !reports.size,
  );
  deps.onEvent?.({ type: "articles", total: pending.length });
  await mapLimit(pending, deps.config.fetch.concurrency, async (item) => {
    const report = reports.get(item.sourceId);
    try {
      const { page, article } = await fetchArticle(item.url as string, deps.fetcher);
      await deps.items.saveArticle(item.id, page, article, extractorVersion, now().toISOString());
      if (report) report.articlesOk += 1;
      deps.onEvent?.({ type: "article", itemId: item.id, ok: true });
    } catch (thrown) {
      const error = toDaybriefError(thrown);
      const final =
        error.code === "E_ARTICLE_NOT_HTML" || error.code === "E_URL_BLOCKED" || error.code === "E_FETCH_GONE";
      await deps.items.markArticle(item.id, final ? "skipped" : "failed", `${error.code}: ${error.message}`);
      if (report) report.articlesFailed += 1;
      deps.log.info({ item_id: item.id, code: error.code, err_message: error.message }, "article not extracted");
      deps.onEvent?.({ type: "article", itemId: item.id, ok: false });
    }
  });
}

/** Re-runs extraction on every stored page (after an extractor upgrade) without fetching anything. */
export async function reextractAll(
  deps: Pick<IngestDeps, "items" | "log">,
  options: { sourceId?: string; now?: () => Date } = {},
) {
  const now = options.now ?? (() => new Date());
  let ok = 0;
  let failed = 0;
  const { brotliDecompressSync } = await import("node:zlib");
  for await (const page of deps.items.pages(options.sourceId ? { sourceId: options.sourceId } : {})) {
    try {
      const html = brotliDecompressSync(page.body);
      const article = extractArticle(html, { url: page.url, contentType: page.contentType });
      await deps.items.saveArticle(page.itemId, null, article, extractorVersion, now().toISOString());
      ok += 1;
    } catch (thrown) {
      const error = toDaybriefError(thrown);
      deps.log.warn({ item_id: page.itemId, code: error.code }, "re-extraction failed; previous article kept");
      failed += 1;
    }
  }
  return { ok, failed };
}
