/**
 * The store path for one day, in a process of its own (so a slow stage can be stopped at a time cap): the generated
 * day's items stored in a fresh SQLite file (as ingest would leave them: feed items with extracted articles), then
 * `buildIssue` for each edition — which brings stories up to date (`buildStories`: analysis, clustering, ranking)
 * and gathers the day from the store before writing.
 *
 *   node --import tsx bench/editions-store.ts ITEMS STORIES
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config/load.ts";
import { loadEdition } from "../src/editions/definition.ts";
import { toCandidates } from "../src/ingest/identity.ts";
import { silentLogger } from "../src/log.ts";
import type { FeedItem } from "../src/model/feed.ts";
import { buildIssue } from "../src/pipeline/build-issue.ts";
import { openDb } from "../src/store/db.ts";
import { IssuesRepo } from "../src/store/issues-repo.ts";
import { ItemsRepo } from "../src/store/items-repo.ts";
import { SourcesRepo } from "../src/store/sources-repo.ts";
import { StoriesRepo } from "../src/store/stories-repo.ts";
import { type DaySpec, generateDay, type RawItem } from "./editions-day.ts";

export type StoreRun = {
  items: number;
  insertMs: number;
  /** Each buildIssue call: the first does the day's analysis and clustering; the second finds them done. */
  builds: Array<{ edition: string; cpuMs: number; wallMs: number }>;
  stories: number;
};

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const feedItem = (raw: RawItem): FeedItem => ({
  id: raw.url,
  title: raw.title,
  link: raw.url,
  summary: null,
  content: null,
  published: raw.published,
  updated: null,
  authors: [],
  categories: [],
  enclosures: [],
  image: null,
  idIsPermalink: true,
});

async function measureStore(spec: DaySpec): Promise<StoreRun> {
  const dir = mkdtempSync(join(tmpdir(), "daybrief-bench-"));
  const configPath = join(dir, "empty.config.yaml");
  writeFileSync(configPath, "# defaults only\n");
  const databaseUrl = `sqlite:${join(dir, "day.db")}`;
  const overrides = { databaseUrl, logLevel: "silent", siteUrl: "https://brief.example.com" };
  const { config } = loadConfig({ path: configPath, env: {}, overrides });
  const db = await openDb(databaseUrl);
  try {
    const day = generateDay(spec);
    const sources = new SourcesRepo(db);
    const items = new ItemsRepo(db);
    const started = performance.now();
    const now = new Date().toISOString();
    const bySource = new Map<RawItem["source"], RawItem[]>();
    for (const item of day.stories.flatMap((s) => s.items))
      bySource.set(item.source, [...(bySource.get(item.source) ?? []), item]);
    for (const [source, raws] of bySource) {
      const { id, name, kind, weight } = source;
      await sources.add(
        { id, name, kind, weight, url: `https://${source.domain}/feeds/${id}.xml`, origin: "cli" },
        now,
      );
      const outcomes = await items.upsertFromFeed(id, toCandidates(id, raws.map(feedItem), null), now);
      const byUrl = new Map(raws.map((r) => [r.url, r]));
      for (const outcome of outcomes) {
        const raw = byUrl.get(outcome.url ?? "");
        if (!raw) continue;
        const article = { title: raw.title, byline: null, published: raw.published, siteName: name, lang: "en" };
        await items.saveArticle(outcome.id, null, { ...article, text: raw.text, html: "", image: null }, 1, now);
      }
    }
    const insertMs = performance.now() - started;
    const deps = {
      items,
      sources,
      stories: new StoriesRepo(db),
      issues: new IssuesRepo(db),
      config,
      log: silentLogger,
    };
    const builds: StoreRun["builds"] = [];
    for (const edition of ["digest", "briefing"]) {
      const wall = performance.now();
      const cpu = cpuNow();
      await buildIssue(deps, { edition: loadEdition(edition), date: spec.date });
      builds.push({ edition, cpuMs: cpuNow() - cpu, wallMs: performance.now() - wall });
    }
    const stories = await deps.stories.list({ since: `${spec.date}T00:00:00Z`, until: `${spec.date}T23:59:59.999Z` });
    return { items: [...bySource.values()].flat().length, insertMs, builds, stories: stories.length };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the store path in a child process; a string explains why there is no result (time cap, failure). */
export function runStorePath(spec: DaySpec, capSeconds: number): Promise<StoreRun | string> {
  const args = ["--import", import.meta.resolve("tsx"), import.meta.filename, JSON.stringify(spec)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let result: StoreRun | null = null;
    let timedOut = false;
    const stop = () => {
      timedOut = true;
      child.kill("SIGKILL");
    };
    const timer = capSeconds > 0 ? setTimeout(stop, capSeconds * 1000) : null;
    child.on("message", (message) => {
      result = message as StoreRun;
    });
    child.on("error", (error) => resolve(`the store path could not start: ${error.message}`));
    child.on("exit", (code) => {
      if (timer) clearTimeout(timer);
      if (result) resolve(result);
      else if (timedOut) resolve(`the store path did not finish within the ${capSeconds} s cap (stopped)`);
      else resolve(`the store path failed (exit code ${code})`);
    });
  });
}

if (process.argv[1] === import.meta.filename) {
  const run = await measureStore(JSON.parse(process.argv[2] ?? "{}") as DaySpec);
  await new Promise<void>((resolve, reject) =>
    process.send?.(run, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}
