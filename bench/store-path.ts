import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configSchema } from "../src/config/schema.ts";
import { toCandidates } from "../src/ingest/identity.ts";
import { silentLogger } from "../src/log.ts";
import type { Story } from "../src/model/story.ts";
import { type BuildStoriesOptions, buildStories } from "../src/pipeline/build-stories.ts";
import { type Db, openDb } from "../src/store/db.ts";
import { ItemsRepo } from "../src/store/items-repo.ts";
import { SourcesRepo } from "../src/store/sources-repo.ts";
import { StoriesRepo } from "../src/store/stories-repo.ts";
import type { LabelledItem } from "./cluster-eval.ts";

const dayMs = 86_400_000;

/** How the store path is run: once after every item is in, or once a day as a user's schedule would. */
export type StoreRun = {
  daily: boolean;
  url?: string;
  /** Config keys for the run (e.g. `embeddings`, `judge`, `llm` pointing at stand-ins); the defaults otherwise. */
  config?: Record<string, unknown>;
  /** Weights and threshold other than the fitted defaults (cross-set evaluation). */
  model?: BuildStoriesOptions["model"];
};

export type StoreStory = Story & { corpusIds: string[] };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Items through the path users run: each item a feed entry of its outlet (a source per outlet), upserted into a
 * fresh SQLite store (or `url`), then `buildStories` — the code `daybrief stories` runs. Returns the stored
 * stories with the labelled items' own ids (matched back by GUID).
 */
export async function clusterThroughStore(items: LabelledItem[], run: StoreRun): Promise<StoreStory[]> {
  const dir = mkdtempSync(join(tmpdir(), "daybrief-eval-"));
  const db: Db = await openDb(run.url ?? `sqlite:${join(dir, "eval.db")}`);
  try {
    const sources = new SourcesRepo(db);
    const repo = new ItemsRepo(db);
    const stories = new StoriesRepo(db);
    const bySource = new Map<string, LabelledItem[]>();
    for (const item of items) {
      const source = slug(item.source ?? "source");
      bySource.set(source, [...(bySource.get(source) ?? []), item]);
    }
    const firstSeen = new Date(Math.max(...items.map((i) => Date.parse(i.published ?? "") || 0))).toISOString();
    for (const [source, list] of bySource) {
      await sources.add({
        id: source,
        url: `https://${source}.example/feed`,
        name: list[0]?.source ?? source,
        kind: "news",
        weight: 1,
        origin: "cli",
      });
      const feed = list.map((item) => ({
        id: item.id,
        title: item.title,
        link: item.url ?? `https://${source}.example/${encodeURIComponent(item.id)}`,
        summary: escapeHtml(item.text),
        content: null,
        published: item.published ?? null,
        updated: null,
        authors: [],
        categories: [],
        enclosures: [],
        image: null,
        idIsPermalink: false,
      }));
      await repo.upsertFromFeed(source, toCandidates(source, feed, null), firstSeen);
    }
    const deps = { items: repo, sources, stories, db, config: configSchema.parse(run.config ?? {}), log: silentLogger };
    const times = items.map((i) => Date.parse(i.published ?? "")).filter((t) => !Number.isNaN(t));
    const last = Math.max(...times);
    if (run.daily) {
      // Day by day, as a daily run would see them: each run sees the items published before its moment.
      for (let at = Math.floor(Math.min(...times) / dayMs + 1) * dayMs; at < last + dayMs; at += dayMs)
        await buildStories(deps, { asOf: new Date(at), ...(run.model ? { model: run.model } : {}) });
    } else await buildStories(deps, { asOf: new Date(last + 1000), ...(run.model ? { model: run.model } : {}) });
    const stored = await repo.list({});
    const corpusId = new Map(stored.map((i) => [i.id, i.guid ?? i.id]));
    const all = await stories.list({ includeBlocked: true });
    return all.map((s) => ({ ...s, corpusIds: s.itemIds.map((id) => corpusId.get(id) ?? id) }));
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "source"
  );
}
