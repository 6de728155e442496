import type { Config } from "../config/schema.ts";
import { toDaybriefError } from "../errors.ts";
import type { Fetcher } from "../ingest/index.ts";
import {
  type DeferredHost,
  extractArticle,
  extractorVersion,
  HostBreaker,
  hostKey,
  runByHost,
  withBreaker,
} from "../ingest/index.ts";
import type { Logger } from "../log.ts";
import type { Source } from "../model/source.ts";
import type { ItemsRepo } from "../store/items-repo.ts";
import type { SourcesRepo } from "../store/sources-repo.ts";
import { extractPending } from "./extract-pending.ts";
import { blankReport, ingestOneSource } from "./ingest-source.ts";
import { leaseOwner } from "./lease-owner.ts";

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
  /** "deferred": its host was given up on in this run; "interrupted": Ctrl-C came first. Both stay due. */
  outcome: "ok" | "not_modified" | "error" | "gone" | "deferred" | "interrupted";
  itemsNew: number;
  itemsUpdated: number;
  itemsSeen: number;
  articlesOk: number;
  articlesFailed: number;
  /** Pages left pending because their host was given up on in this run. */
  articlesDeferred: number;
  warnings: string[];
  error: { code: string; message: string; hint: string } | null;
  nextFetchAt: string | null;
};

/** The article phase: every pending article of the store that this run claimed, and how each went. */
export type ArticlesReport = {
  claimed: number;
  ok: number;
  failed: number;
  /** Left pending because their host was given up on in this run (no attempt counted). */
  deferred: number;
  /** Claimed but never started because the run was interrupted (still pending). */
  notStarted: number;
  /** Of the above, articles of sources not fetched in this run: left by an earlier run. */
  leftover: { ok: number; failed: number; deferred: number };
  /** Pending articles a concurrent run holds; left to it. */
  claimedElsewhere: number;
};

export type IngestReport = {
  startedAt: string;
  finishedAt: string;
  /** Stopped by Ctrl-C (the signal): what was fetched is saved, the rest stays due or pending. */
  interrupted: boolean;
  sources: SourceReport[];
  articles: ArticlesReport;
  /** Hosts this run stopped asking after repeated timeouts or connection failures. */
  deferredHosts: DeferredHost[];
};

export type IngestOptions = {
  /** Fetch only this source, due or not. */
  sourceId?: string;
  /** Fetch exactly these sources, due or not. */
  sourceIds?: string[];
  /** Fetch every enabled source, due or not. */
  all?: boolean;
  /** Ctrl-C: no new fetch starts, those under way stop, and the report says what was saved. */
  signal?: AbortSignal;
};

const noArticles = {
  claimed: 0,
  ok: 0,
  failed: 0,
  deferred: 0,
  notStarted: 0,
  leftover: { ok: 0, failed: 0, deferred: 0 },
  claimedElsewhere: 0,
};

/**
 * Fetches every due source (or those asked for) with one queue per host, stores new and changed items, then
 * fetches and extracts every pending article of the store — including those an earlier, killed run left, and
 * never one a concurrent run has claimed. One source's failure is recorded on that source (with backoff) and never
 * stops the others; a host that keeps timing out is given up on for the rest of the run, its URLs kept pending.
 */
export async function runIngest(deps: IngestDeps, options: IngestOptions = {}): Promise<IngestReport> {
  const now = deps.now ?? (() => new Date());
  const { signal } = options;
  const startedAt = now().toISOString();
  const sources = await selectSources(deps, options, startedAt);
  const breaker = new HostBreaker(deps.config.fetch.hostFailureLimit);
  const fetcher = withBreaker(deps.fetcher, breaker);
  deps.onEvent?.({ type: "plan", sources: sources.length });
  const reports = new Map<string, SourceReport>();
  await runByHost(
    sources,
    (source) => hostKey(source.url),
    {
      concurrency: deps.config.fetch.concurrency,
      perHost: deps.config.fetch.perHostConcurrency,
      ...(signal ? { signal } : {}),
    },
    async (source) => {
      const report = await ingestOneSource(deps, fetcher, source, now, signal);
      reports.set(source.id, report);
      deps.onEvent?.({ type: "source", report });
    },
  );
  const articles =
    deps.config.ingest.extractArticles && !signal?.aborted
      ? await extractPending({ deps, fetcher, owner: leaseOwner(), now, signal, reports, sourceId: options.sourceId })
      : { ...noArticles, leftover: { ...noArticles.leftover } };
  return {
    startedAt,
    finishedAt: now().toISOString(),
    interrupted: Boolean(signal?.aborted),
    sources: sources.map((s) => reports.get(s.id) ?? blankReport(s, "interrupted")),
    articles,
    deferredHosts: breaker.deferredHosts(),
  };
}

async function selectSources(deps: IngestDeps, options: IngestOptions, at: string): Promise<Source[]> {
  if (options.sourceId) return [await deps.sources.get(options.sourceId)];
  if (options.sourceIds) return Promise.all(options.sourceIds.map((id) => deps.sources.get(id)));
  if (options.all) return (await deps.sources.list()).filter((s) => s.enabled && !s.health.gone);
  return deps.sources.due(at);
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
