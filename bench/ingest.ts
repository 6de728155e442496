import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type DemoSite, demoRoot, startDemoSite } from "../src/cli/demo-site.ts";
import type { Config } from "../src/config/schema.ts";
import { openDb } from "../src/store/db.ts";
import { fetchOnly } from "./ingest-fetch.ts";
import { addDemoSources, benchConfig, demoFetcher, ingestOnce, type RunStats } from "./ingest-run.ts";
import { mib, ms, rate, ratio } from "./lib/format.ts";
import { maxRssBytes } from "./lib/memory.ts";
import type { BenchModule, BenchOptions, BenchResult } from "./lib/types.ts";

/** The development machines' PostgreSQL (trust auth); DAYBRIEF_BENCH_POSTGRES_URL points elsewhere. */
const postgresUrl = process.env.DAYBRIEF_BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";

type StoreRun = { store: string; first: RunStats; second: RunStats; maxRssAfterFirst: number };

/** Reads every routed file once, so the first measured run does not pay for the demo server's cold cache. */
async function warmServer(site: DemoSite): Promise<void> {
  const routes = JSON.parse(readFileSync(join(demoRoot, "site", "_routes.json"), "utf8")) as Record<string, unknown>;
  for (const path of Object.keys(routes)) await fetch(`${site.origin}${path}`).then((r) => r.arrayBuffer());
}

/** A fresh store: a full first run, then a second (conditional) one. */
async function measureStore(store: string, url: string, site: DemoSite, configPath: string): Promise<StoreRun> {
  const config = benchConfig(url, configPath);
  const db = await openDb(url);
  try {
    await addDemoSources(db, site);
    const first = await ingestOnce(db, site, config);
    const maxRssAfterFirst = maxRssBytes();
    const second = await ingestOnce(db, site, config);
    return { store, first, second, maxRssAfterFirst };
  } finally {
    await db.close();
  }
}

/** The median of a few fetch-only replays of a first run's requests, each with a fresh fetcher. */
async function baseline(first: RunStats, config: Readonly<Config>, repeats: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const fetcher = demoFetcher(config);
    times.push(await fetchOnly(fetcher, first.requests, config.fetch.concurrency));
    await fetcher.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** PostgreSQL, when it answers: a fresh schema that openDb creates, dropped afterwards whatever happens. */
async function measurePostgres(site: DemoSite, configPath: string): Promise<StoreRun | string> {
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL skipped: ${postgresUrl} is unreachable (${(error as Error).message}).`;
  }
  try {
    return await measureStore("PostgreSQL", `${postgresUrl}?schema=${schema}`, site, configPath);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

function rows(runs: StoreRun[], baselineMs: number): string[][] {
  const line = (label: string, cell: (r: StoreRun) => string) => [label, ...runs.map(cell)];
  const perSecond = (count: number, wallMs: number) => rate(count / (wallMs / 1000));
  return [
    line("first run: wall time (ms)", (r) => ms(r.first.wallMs)),
    line("  process CPU time (ms, demo server included)", (r) => ms(r.first.cpuMs)),
    line("  feeds phase / articles phase (ms)", (r) => `${ms(r.first.feedsMs)} / ${ms(r.first.articlesMs)}`),
    line("  items stored", (r) => String(r.first.itemsNew)),
    line(
      "  items/s: whole run / feeds phase",
      (r) => `${perSecond(r.first.itemsNew, r.first.wallMs)} / ${perSecond(r.first.itemsNew, r.first.feedsMs)}`,
    ),
    line("  articles extracted (failed)", (r) => `${r.first.articlesOk} (${r.first.articlesFailed})`),
    line(
      "  articles/s: whole run / articles phase",
      (r) => `${perSecond(r.first.articlesOk, r.first.wallMs)} / ${perSecond(r.first.articlesOk, r.first.articlesMs)}`,
    ),
    line("  sources failed", (r) => `${r.first.sourcesFailed}/${r.first.sources}`),
    line("  HTTP requests", (r) => String(r.first.requests.length)),
    line("fetch-only baseline, same requests (ms)", () => ms(baselineMs)),
    line("first run ÷ fetch-only", (r) => ratio(r.first.wallMs / baselineMs)),
    line("second run (conditional): wall time (ms)", (r) => ms(r.second.wallMs)),
    line("  process CPU time (ms)", (r) => ms(r.second.cpuMs)),
    line("  sources not modified (304)", (r) => `${r.second.notModified}/${r.second.sources}`),
    line("  HTTP requests", (r) => String(r.second.requests.length)),
    line("peak heap used during first run", (r) => mib(r.first.heapPeakBytes)),
    line("process maxRSS after first run", (r) => mib(r.maxRssAfterFirst)),
  ];
}

export const ingestBench: BenchModule = {
  name: "ingest",
  title: "Ingest throughput: runIngest over the demo corpus on loopback, into a fresh store",
  async run(options: BenchOptions): Promise<BenchResult> {
    const result: BenchResult = { name: this.name, title: this.title, tables: [], checks: [], notes: [], metrics: {} };
    const rssAtStart = maxRssBytes();
    const dir = mkdtempSync(join(tmpdir(), "daybrief-bench-"));
    const configPath = join(dir, "empty.config.yaml");
    writeFileSync(configPath, "# defaults only; the benchmark applies the demo's overrides\n");
    const site = await startDemoSite();
    try {
      await warmServer(site);
      const sqlite = (name: string) => `sqlite:${join(dir, `${name}.db`)}`;
      // The first column runs in a cold process (as `daybrief ingest` would); the others after it, JIT-warm.
      const runs = [await measureStore("SQLite, cold process", sqlite("cold"), site, configPath)];
      if (!options.quick) runs.push(await measureStore("SQLite, warm", sqlite("warm"), site, configPath));
      const postgres = await measurePostgres(site, configPath);
      if (typeof postgres === "string") result.notes.push(postgres);
      else runs.push(postgres);
      const first = runs[0] as StoreRun;
      const baselineMs = await baseline(first.first, benchConfig(sqlite("cold"), configPath), options.quick ? 1 : 5);
      result.tables.push({
        title: `Ingest — ${site.sources.length} demo sources served by startDemoSite on 127.0.0.1, demo config, fresh store per column`,
        baseline:
          "fetch-only: the first run's requests replayed with the same fetcher and concurrency, nothing else done",
        columns: ["metric", ...runs.map((r) => r.store)],
        rows: rows(runs, baselineMs),
      });
      for (const r of runs) {
        const key = r.store.replace(/\W+/g, "_").toLowerCase();
        result.checks.push(
          {
            id: `ingest.${key}.vs_fetch_only`,
            label: `${r.store}: first run ÷ fetch-only`,
            value: r.first.wallMs / baselineMs,
            unit: "×",
            target: "none published",
            pass: null,
          },
          {
            id: `ingest.${key}.second_run_304`,
            label: `${r.store}: second run answered 304 for every source`,
            value: r.second.notModified,
            unit: ` of ${r.second.sources}`,
            target: "all sources",
            pass: r.second.notModified === r.second.sources,
          },
        );
        const { requests: _first, ...firstRun } = r.first;
        const { requests: _second, ...secondRun } = r.second;
        result.metrics[key] = {
          firstRun,
          secondRun,
          maxRssAfterFirstRun: r.maxRssAfterFirst,
          requests: r.first.requests.length,
        };
      }
      result.metrics.fetchOnlyMs = baselineMs;
      result.metrics.rssAtStart = rssAtStart;
      result.notes.push(
        `maxRSS is the benchmark process's high-water mark: ${mib(rssAtStart)} with the code loaded, before any run; later columns include the runs before them.`,
      );
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return result;
  },
};
