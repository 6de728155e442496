import { join, relative, resolve } from "node:path";
import { loadConfig } from "../config/load.ts";
import type { Config } from "../config/schema.ts";
import { createLogger } from "../log.ts";
import { dayOf } from "../model/day.ts";
import type { Issue } from "../model/issue.ts";
import { buildIssue, builtinEditions } from "../pipeline/build-issue.ts";
import { createFetcher } from "../pipeline/fetcher.ts";
import { runIngest } from "../pipeline/run-ingest.ts";
import { type Db, openDb } from "../store/db.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { ItemsRepo } from "../store/items-repo.ts";
import { SourcesRepo } from "../store/sources-repo.ts";
import { StoriesRepo } from "../store/stories-repo.ts";
import { terminalText } from "../text/controls.ts";
import { writeOutput } from "./demo-output.ts";
import { addDemoSources, type DemoSite, startDemoSite } from "./demo-site.ts";
import { printIngestSummary, progressView } from "./ingest-view.ts";
import { onInterrupt } from "./interrupt.ts";
import { color, plural } from "./output.ts";

export type DemoOptions = { out?: string; port?: number };

/** Demo settings: the bundled sites live on loopback, and one local server needs no politeness delay. */
export const demoOverrides = {
  allowPrivateNetworks: true,
  // The demo's days are the corpus's UTC days, on every machine.
  timezone: "UTC",
  "fetch.politenessDelayMs": 0,
  "fetch.perHostConcurrency": 8,
  "fetch.retries": 1,
};

/** The demo's own store, inside its output folder, unless DAYBRIEF_DATABASE_URL names one. */
export function demoDatabaseUrl(out: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.DAYBRIEF_DATABASE_URL || `sqlite:${join(out, "daybrief-demo.db")}`;
}

/**
 * `daybrief demo [--out DIR] [--port N]`: serves the bundled corpus on loopback, ingests it over HTTP, builds both
 * editions for every demo day and writes DIR/<edition>/<date>.{html,md,txt}, DIR/archive/ (index and one page per
 * issue), DIR/feed.xml and DIR/articles/ (the linked pages, for reading offline). It stores what it builds in
 * DAYBRIEF_DATABASE_URL when set, else in its own DIR/daybrief-demo.db — never in the user's default store. With
 * --port the links point at the demo site on that port, which stays up after the build until Ctrl-C.
 */
export async function runDemo(opts: DemoOptions): Promise<void> {
  const out = resolve(opts.out ?? "demo-out");
  const { config } = loadConfig({ overrides: { ...demoOverrides, databaseUrl: demoDatabaseUrl(out) } });
  const site = await startDemoSite(opts.port === undefined ? {} : { port: opts.port });
  let serving = false;
  try {
    const db = await openDb(config.databaseUrl);
    const shown = relative(process.cwd(), out) || ".";
    const progress = { phase: "ingest", built: 0, total: 0 };
    const withdraw = onInterrupt(() => interruptedDemo(progress, db.label, shown));
    const own = process.env.DAYBRIEF_DATABASE_URL ? "DAYBRIEF_DATABASE_URL" : "its own store";
    process.stdout.write(
      `${color.bold("Daybrief demo")}: ${site.sources.length} bundled sources served at ${site.origin}, stored in ${db.label} (${own})\n\n`,
    );
    try {
      const issues = await buildDemo(db, config, site, progress);
      progress.phase = "render";
      const links = await writeOutput(out, issues, config.siteName, opts.port === undefined ? site : null);
      printDemoSummary(shown, issues, new Set(links.values()).size, db.label);
    } finally {
      withdraw();
      await db.close();
    }
    if (opts.port !== undefined) {
      serving = true;
      onInterrupt(`Stopped serving the demo sources; ${shown}/ and ${db.label} are complete.`);
      process.stdout.write(`\nServing the demo sources at ${site.origin} so the issues' links open; Ctrl-C stops.\n`);
      await new Promise<never>(() => {});
    }
  } finally {
    if (!serving) await site.close();
  }
}

/** Ingests the demo sources into the store and builds both editions for every day they cover. */
async function buildDemo(
  db: Db,
  config: Readonly<Config>,
  site: DemoSite,
  progress: { phase: string; built: number; total: number },
): Promise<Issue[]> {
  const fetcher = createFetcher(config);
  const log = createLogger(config.logLevel);
  try {
    const sources = new SourcesRepo(db);
    const items = new ItemsRepo(db);
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

    const ids = new Set(site.sources.map((s) => s.id));
    const days = [
      ...new Set(
        (await items.list())
          .filter((i) => ids.has(i.sourceId))
          .map((i) => dayOf(i.publishedAt ?? i.firstSeenAt, config.timezone ?? "UTC")),
      ),
    ].sort();
    const issues = new IssuesRepo(db);
    const deps = { items, sources, stories: new StoriesRepo(db), issues, config, log };
    const built: Issue[] = [];
    progress.phase = "build";
    progress.total = days.length * builtinEditions.length;
    process.stdout.write(
      `\nWriting ${plural(builtinEditions.length, "edition")} for ${plural(days.length, "day")} (offline writer)…\n`,
    );
    for (const date of days) {
      for (const name of builtinEditions) {
        // An earlier demo run may have left this day's issue approved; the demo rebuilds its own drafts only.
        const existing = await issues.find(name, date);
        if (existing && existing.status !== "draft")
          await issues.setStatus(existing.id, "draft", new Date().toISOString());
        built.push(await buildIssue(deps, { edition: name, date }));
        progress.built = built.length;
      }
    }
    return built;
  } finally {
    await fetcher.close();
  }
}

/** What a Ctrl-C during the demo leaves behind, by the step it came in. */
function interruptedDemo(progress: { phase: string; built: number; total: number }, store: string, out: string) {
  const again = "Run `daybrief demo` again to finish: it starts over from the bundled sources.";
  if (progress.phase === "ingest")
    return `The items ingested so far are in ${store}; nothing was written to ${out}/. ${again}`;
  if (progress.phase === "build") {
    return `${progress.built} of ${plural(progress.total, "issue")} were saved in ${store}; nothing was written to ${out}/. ${again}`;
  }
  return `Every issue is saved in ${store}, but ${out}/ is incomplete. ${again}`;
}

function printDemoSummary(out: string, issues: Issue[], articles: number, store: string): void {
  process.stdout.write(`\nWrote ${plural(issues.length, "issue")} to ${out}/:\n`);
  for (const issue of issues) {
    const warnings = issue.notes.filter((n) => n.level === "warning").length;
    const notes = warnings ? color.yellow(`  (${plural(warnings, "note")})`) : "";
    process.stdout.write(
      `  ${issue.edition}/${issue.date}.{html,md,txt}  ${color.dim(terminalText(issue.title).slice(0, 80))}${notes}\n`,
    );
  }
  const copies = articles
    ? `\n  articles/ with the ${plural(articles, "linked page")}, so the issues' links work offline`
    : "";
  process.stdout.write(
    `  archive/index.html with a page per issue; feed.xml, atom.xml, feed.json${copies}\n\nOpen ${out}/archive/index.html in a browser, or read ${out}/${issues[0]?.edition}/${issues[0]?.date}.md.\nThe issues are stored in ${store}: try \`DAYBRIEF_DATABASE_URL=${store} daybrief issue list\`.\n`,
  );
}
