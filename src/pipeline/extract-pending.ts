import { toDaybriefError } from "../errors.ts";
import type { Fetcher } from "../ingest/index.ts";
import { extractorVersion, fetchArticle, hostKey, runByHost } from "../ingest/index.ts";
import type { ClaimedArticle } from "../store/article-leases.ts";
import { isDeadLocalOwner } from "./lease-owner.ts";
import type { ArticlesReport, IngestDeps, SourceReport } from "./run-ingest.ts";

/** Articles are retried this many times over later runs before the item keeps only its feed text. */
export const maxArticleAttempts = 3;

/** How long a claim on a pending article holds without renewal; a live run renews it every third of that. */
export const articleLeaseMs = 10 * 60_000;

type Run = {
  deps: IngestDeps;
  fetcher: Fetcher;
  owner: string;
  now: () => Date;
  signal: AbortSignal | undefined;
  reports: Map<string, SourceReport>;
  sourceId: string | undefined;
};

/**
 * Claims every pending article in the store (not only those of the sources fetched now: a killed run's leftovers
 * too), fetches and extracts them with one queue per host, and releases whatever it did not settle: pages of a host
 * the breaker gave up on, and everything after Ctrl-C, stay pending for the next run without an attempt counted.
 */
export async function extractPending(run: Run): Promise<ArticlesReport> {
  const { deps, owner, now } = run;
  const articles: ArticlesReport = {
    claimed: 0,
    ok: 0,
    failed: 0,
    deferred: 0,
    notStarted: 0,
    leftover: { ok: 0, failed: 0, deferred: 0 },
    claimedElsewhere: 0,
  };
  const at = now().toISOString();
  for (const held of await deps.items.leases.heldByOthers(owner, at)) {
    if (isDeadLocalOwner(held.owner)) await deps.items.leases.release(held.owner);
  }
  const leaseEnd = () => new Date(now().getTime() + articleLeaseMs).toISOString();
  const claimed = await deps.items.leases.claim({
    owner,
    now: at,
    until: leaseEnd(),
    maxAttempts: maxArticleAttempts,
    ...(run.sourceId ? { sourceId: run.sourceId } : {}),
  });
  articles.claimed = claimed.length;
  articles.claimedElsewhere = (await deps.items.leases.heldByOthers(owner, at)).reduce((n, h) => n + h.count, 0);
  deps.onEvent?.({ type: "articles", total: claimed.length });
  const renewal = setInterval(
    () => void deps.items.leases.renew(owner, leaseEnd()).catch(() => {}),
    articleLeaseMs / 3,
  );
  renewal.unref();
  try {
    const { notStarted } = await runByHost(
      claimed,
      (item) => hostKey(item.url),
      { concurrency: deps.config.fetch.concurrency, perHost: deps.config.fetch.perHostConcurrency, ...signalOf(run) },
      (item) => extractOne(run, item, articles),
    );
    articles.notStarted = notStarted.length;
  } finally {
    clearInterval(renewal);
    await deps.items.leases.release(owner);
  }
  return articles;
}

async function extractOne(run: Run, item: ClaimedArticle, articles: ArticlesReport): Promise<void> {
  const { deps, now } = run;
  const report = run.reports.get(item.sourceId);
  const count = (result: "ok" | "failed" | "deferred") => {
    articles[result] += 1;
    if (!report) articles.leftover[result] += 1;
    else if (result === "ok") report.articlesOk += 1;
    else if (result === "failed") report.articlesFailed += 1;
    else report.articlesDeferred += 1;
  };
  try {
    const { page, article } = await fetchArticle(item.url, run.fetcher, signalOf(run));
    await deps.items.saveArticle(item.id, page, article, extractorVersion, now().toISOString());
    count("ok");
    deps.onEvent?.({ type: "article", itemId: item.id, ok: true });
  } catch (thrown) {
    const error = toDaybriefError(thrown);
    // Interrupted or deferred: the claim is released at the end and the item stays as it was.
    if (error.code === "E_INTERRUPTED" || run.signal?.aborted) return;
    if (error.code === "E_FETCH_HOST_DEFERRED") {
      count("deferred");
      deps.onEvent?.({ type: "article", itemId: item.id, ok: false });
      return;
    }
    const final =
      error.code === "E_ARTICLE_NOT_HTML" || error.code === "E_URL_BLOCKED" || error.code === "E_FETCH_GONE";
    await deps.items.markArticle(item.id, final ? "skipped" : "failed", `${error.code}: ${error.message}`);
    count("failed");
    deps.log.info({ item_id: item.id, code: error.code, err_message: error.message }, "article not extracted");
    deps.onEvent?.({ type: "article", itemId: item.id, ok: false });
  }
}

const signalOf = (run: Run): { signal?: AbortSignal } => (run.signal ? { signal: run.signal } : {});
