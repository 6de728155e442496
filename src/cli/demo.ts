import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { loadConfig } from "../config/load.ts";
import { builtinEditions, loadEdition } from "../editions/definition.ts";
import { createLogger } from "../log.ts";
import type { Issue } from "../model/issue.ts";
import { buildIssue } from "../pipeline/build-issue.ts";
import { runIngest } from "../pipeline/run-ingest.ts";
import { openDb } from "../store/db.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { ItemsRepo } from "../store/items-repo.ts";
import { SourcesRepo } from "../store/sources-repo.ts";
import { StoriesRepo } from "../store/stories-repo.ts";
import { createFetcher } from "./context.ts";
import { addDemoSources, startDemoSite } from "./demo-site.ts";
import { printIngestSummary, progressView } from "./ingest-view.ts";
import { color } from "./output.ts";

export type DemoOptions = { out?: string };

/** Demo settings: the bundled sites live on loopback, and one local server needs no politeness delay. */
export const demoOverrides = {
  allowPrivateNetworks: true,
  "fetch.politenessDelayMs": 0,
  "fetch.perHostConcurrency": 8,
  "fetch.retries": 1,
};

/**
 * `daybrief demo [--out DIR]`: serves the bundled corpus on loopback, ingests it over HTTP, builds both editions for
 * every demo day and writes DIR/<edition>/<date>.{html,md,txt}, DIR/archive/ (index and one page per issue) and
 * DIR/feed.xml. Runs offline: no network beyond loopback, no keys.
 */
export async function runDemo(opts: DemoOptions): Promise<void> {
  const out = resolve(opts.out ?? "demo-out");
  const site = await startDemoSite();
  const { config } = loadConfig({ overrides: demoOverrides });
  const db = await openDb(config.databaseUrl);
  const fetcher = createFetcher(config);
  const log = createLogger(config.logLevel);
  try {
    const sources = new SourcesRepo(db);
    const items = new ItemsRepo(db);
    process.stdout.write(
      `${color.bold("Daybrief demo")}: ${site.sources.length} bundled sources served at ${site.origin}, stored in ${db.label}\n\n`,
    );
    // Each run serves the corpus on a new port; earlier demo sources (and their items) are replaced, never mixed.
    for (const previous of (await sources.list()).filter((s) => s.origin === "demo")) await sources.remove(previous.id);
    await addDemoSources(sources, site);
    const view = progressView(true);
    const report = await runIngest(
      { sources, items, fetcher, config, log, onEvent: view.onEvent },
      { sourceIds: site.sources.map((s) => s.id) },
    );
    view.stop();
    printIngestSummary(report);

    const days = [
      ...new Set(
        (await items.list())
          .filter((i) => site.sources.some((s) => s.id === i.sourceId))
          .map((i) => (i.publishedAt ?? i.firstSeenAt).slice(0, 10)),
      ),
    ].sort();
    const issues = new IssuesRepo(db);
    const deps = { items, sources, stories: new StoriesRepo(db), issues, config, log };
    const built: Issue[] = [];
    process.stdout.write(`\nWriting ${builtinEditions.length} editions for ${days.length} days (offline writer)…\n`);
    for (const date of days) {
      for (const name of builtinEditions) {
        // An earlier demo run may have left this day's issue approved; the demo rebuilds its own drafts only.
        const existing = await issues.find(name, date);
        if (existing && existing.status !== "draft")
          await issues.setStatus(existing.id, "draft", new Date().toISOString());
        built.push(await buildIssue(deps, { edition: loadEdition(name), date }));
      }
    }
    await writeOutput(out, built, config.siteName);
    printDemoSummary(out, built);
  } finally {
    await fetcher.close();
    await db.close();
    await site.close();
  }
}

async function writeOutput(out: string, issues: Issue[], siteName: string): Promise<void> {
  const { renderers, renderArchiveIndex, renderFeeds, feedPaths, issuePagePath } = await import("../render/index.ts");
  const options = { siteName, siteUrl: null, tipsUrl: null, unsubscribeUrl: null };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  };
  for (const issue of issues) {
    const here = { ...options, pagePath: `${issue.edition}/${issue.date}.html` };
    write(`${issue.edition}/${issue.date}.html`, await renderers.html(issue, here));
    write(`${issue.edition}/${issue.date}.md`, await renderers.md(issue, here));
    write(`${issue.edition}/${issue.date}.txt`, await renderers.text(issue, here));
    write(issuePagePath(issue), await renderers.web(issue, options));
  }
  const newest = [...issues].sort((a, b) => b.date.localeCompare(a.date) || a.edition.localeCompare(b.edition));
  write("archive/index.html", renderArchiveIndex(newest, options));
  const feeds = renderFeeds(newest, options);
  write(feedPaths.rss, feeds.rss);
  write(feedPaths.atom, feeds.atom);
  write(feedPaths.json, feeds.json);
}

function printDemoSummary(out: string, issues: Issue[]): void {
  const shown = relative(process.cwd(), out) || ".";
  process.stdout.write(`\nWrote ${issues.length} issues to ${shown}/:\n`);
  for (const issue of issues) {
    const warnings = issue.notes.filter((n) => n.level === "warning").length;
    process.stdout.write(
      `  ${issue.edition}/${issue.date}.{html,md,txt}  ${color.dim(issue.title.slice(0, 80))}${warnings ? color.yellow(`  (${warnings} notes)`) : ""}\n`,
    );
  }
  process.stdout.write(
    `  archive/index.html with a page per issue; feed.xml, atom.xml, feed.json\n\nOpen ${shown}/archive/index.html in a browser, or read ${shown}/${issues[0]?.edition}/${issues[0]?.date}.md.\n`,
  );
}
