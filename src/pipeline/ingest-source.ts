import { type DaybriefError, toDaybriefError } from "../errors.ts";
import type { Fetcher } from "../ingest/index.ts";
import { ingestFeed } from "../ingest/index.ts";
import type { Source } from "../model/source.ts";
import type { IngestDeps, SourceReport } from "./run-ingest.ts";

/** A source's report before anything is known: what a run that never reached it says. */
export function blankReport(source: Source, outcome: SourceReport["outcome"]): SourceReport {
  return {
    sourceId: source.id,
    name: source.name,
    outcome,
    itemsNew: 0,
    itemsUpdated: 0,
    itemsSeen: 0,
    articlesOk: 0,
    articlesFailed: 0,
    articlesDeferred: 0,
    warnings: [],
    error: null,
    nextFetchAt: null,
  };
}

/**
 * Fetches one source's feed and stores its items, recording success or failure (with backoff) on the source. A
 * fetch the breaker deferred or Ctrl-C stopped records nothing: the source stays due for the next run.
 */
export async function ingestOneSource(
  deps: IngestDeps,
  fetcher: Fetcher,
  source: Source,
  now: () => Date,
  signal: AbortSignal | undefined,
): Promise<SourceReport> {
  const started = now();
  const at = started.toISOString();
  const report = blankReport(source, "ok");
  const interval = (source.intervalMinutes || deps.config.ingest.intervalMinutes) * 60_000;
  let httpStatus: number | null = null;
  try {
    const options = { maxItems: deps.config.ingest.maxItemsPerFeed, ...(signal ? { signal } : {}) };
    const result = await ingestFeed(source, fetcher, options);
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
    if (error.code === "E_INTERRUPTED" || error.code === "E_FETCH_HOST_DEFERRED") {
      report.outcome = error.code === "E_INTERRUPTED" ? "interrupted" : "deferred";
      return report;
    }
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
    outcome: report.outcome as "ok" | "not_modified" | "error" | "gone",
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
