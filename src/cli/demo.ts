import { loadConfig } from "../config/load.ts";
import { createLogger } from "../log.ts";
import { runIngest } from "../pipeline/run-ingest.ts";
import { openDb } from "../store/db.ts";
import { ItemsRepo } from "../store/items-repo.ts";
import { SourcesRepo } from "../store/sources-repo.ts";
import { createFetcher } from "./context.ts";
import { startDemoSite } from "./demo-site.ts";
import { printIngestSummary, progressView } from "./ingest-view.ts";
import { color } from "./output.ts";

export type DemoOptions = { out?: string; json?: boolean };

/** Demo settings: the bundled sites live on loopback, and one local server needs no politeness delay. */
export const demoOverrides = {
  allowPrivateNetworks: true,
  "fetch.politenessDelayMs": 0,
  "fetch.perHostConcurrency": 8,
  "fetch.retries": 1,
};

export async function runDemo(_opts: DemoOptions): Promise<void> {
  const site = await startDemoSite();
  const { config } = loadConfig({ overrides: demoOverrides });
  const db = await openDb(config.databaseUrl);
  const fetcher = createFetcher(config);
  try {
    const sources = new SourcesRepo(db);
    const items = new ItemsRepo(db);
    process.stdout.write(
      `${color.bold("Daybrief demo")}: ${site.sources.length} bundled sources served at ${site.origin}, stored in ${db.label}\n\n`,
    );
    // Each run serves the corpus on a new port; earlier demo sources (and their items) are replaced, never mixed.
    for (const previous of (await sources.list()).filter((s) => s.origin === "demo")) await sources.remove(previous.id);
    for (const spec of site.sources) {
      await sources.add({
        id: spec.id,
        url: `${site.origin}${spec.path}`,
        name: spec.name,
        kind: spec.kind,
        weight: spec.weight,
        origin: "demo",
      });
    }
    const view = progressView(true);
    const report = await runIngest(
      { sources, items, fetcher, config, log: createLogger(config.logLevel), onEvent: view.onEvent },
      { sourceIds: site.sources.map((s) => s.id) },
    );
    view.stop();
    printIngestSummary(report);
  } finally {
    await fetcher.close();
    await db.close();
    await site.close();
  }
}
