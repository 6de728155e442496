import { demoOverrides } from "../src/cli/demo.ts";
import type { DemoSite } from "../src/cli/demo-site.ts";
import { loadConfig } from "../src/config/load.ts";
import type { Config } from "../src/config/schema.ts";
import { HttpFetcher } from "../src/ingest/fetch/http-fetcher.ts";
import { silentLogger } from "../src/log.ts";
import { runIngest } from "../src/pipeline/run-ingest.ts";
import type { Db } from "../src/store/db.ts";
import { ItemsRepo } from "../src/store/items-repo.ts";
import { SourcesRepo } from "../src/store/sources-repo.ts";
import { RecordingFetcher } from "./ingest-fetch.ts";
import { heapPeak } from "./lib/memory.ts";

export type RunStats = {
  wallMs: number;
  /** CPU time of the whole process meanwhile, the demo server's share included. */
  cpuMs: number;
  /** Until the first article fetch: feeds fetched, parsed and stored. */
  feedsMs: number;
  articlesMs: number;
  itemsNew: number;
  articlesOk: number;
  articlesFailed: number;
  sources: number;
  sourcesFailed: number;
  notModified: number;
  requests: RecordingFetcher["requests"];
  heapPeakBytes: number;
};

/** The demo's configuration (private networks, no politeness delay) over defaults; no file, no environment. */
export function benchConfig(databaseUrl: string, configPath: string): Readonly<Config> {
  return loadConfig({ path: configPath, env: {}, overrides: { ...demoOverrides, databaseUrl, logLevel: "silent" } })
    .config;
}

/** The fetcher the demo builds from the config (as src/cli/context.ts createFetcher does). */
export const demoFetcher = (config: Readonly<Config>) =>
  new HttpFetcher({ ...config.fetch, allowPrivateNetworks: config.allowPrivateNetworks });

export async function addDemoSources(db: Db, site: DemoSite): Promise<void> {
  const sources = new SourcesRepo(db);
  for (const spec of site.sources) {
    const { id, name, kind, weight } = spec;
    await sources.add({ id, name, kind, weight, url: `${site.origin}${spec.path}`, origin: "demo" });
  }
}

/** One `runIngest` over every demo source, as `daybrief demo` runs it, with a fresh fetcher (a new process would). */
export async function ingestOnce(db: Db, site: DemoSite, config: Readonly<Config>): Promise<RunStats> {
  const fetcher = new RecordingFetcher(demoFetcher(config));
  const heap = heapPeak();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let articlesAt: number | null = null;
  try {
    const report = await runIngest(
      {
        sources: new SourcesRepo(db),
        items: new ItemsRepo(db),
        fetcher,
        config,
        log: silentLogger,
        onEvent: (event) => {
          heap.sample();
          if (event.type === "articles") articlesAt = performance.now();
        },
      },
      { sourceIds: site.sources.map((s) => s.id) },
    );
    const wallMs = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    const feedsMs = (articlesAt ?? performance.now()) - started;
    const total = (key: "itemsNew" | "articlesOk" | "articlesFailed") =>
      report.sources.reduce((sum, s) => sum + s[key], 0);
    return {
      wallMs,
      cpuMs: (user + system) / 1000,
      feedsMs,
      articlesMs: wallMs - feedsMs,
      itemsNew: total("itemsNew"),
      articlesOk: total("articlesOk"),
      articlesFailed: total("articlesFailed"),
      sources: report.sources.length,
      sourcesFailed: report.sources.filter((s) => s.outcome === "error" || s.outcome === "gone").length,
      notModified: report.sources.filter((s) => s.outcome === "not_modified").length,
      requests: fetcher.requests,
      heapPeakBytes: heap.stop(),
    };
  } finally {
    heap.stop();
    await fetcher.close();
  }
}
