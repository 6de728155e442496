import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { addDemoSources, type DemoSite, demoRoot, startDemoSite } from "../../src/cli/demo-site.ts";
import { configSchema } from "../../src/config/schema.ts";
import { silentLogger } from "../../src/log.ts";
import { runIngest } from "../../src/pipeline/run-ingest.ts";
import type { Db } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { SourcesRepo } from "../../src/store/sources-repo.ts";
import { testFetcher } from "../helpers/fetcher.ts";
import { startServer, type TestServer } from "../helpers/http.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const config = configSchema.parse({
  allowPrivateNetworks: true,
  fetch: { politenessDelayMs: 0, perHostConcurrency: 8 },
});

/** Typographic quotes and dashes normalised, so page text compares with the YAML the corpus was written in. */
const plain = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim();

type ContentItem = { title: string; body: string };

function demoBodies(): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const file of readdirSync(join(demoRoot, "content")).filter((f) => f.endsWith(".yaml"))) {
    const doc = parseYaml(readFileSync(join(demoRoot, "content", file), "utf8")) as {
      source: string;
      items: ContentItem[];
    };
    for (const item of doc.items) bodies.set(`${doc.source}|${plain(item.title)}`, item.body);
  }
  return bodies;
}

const boilerplate = [
  "Get the daily briefing in your inbox",
  "Share on X",
  "Copy link",
  "Advertisement",
  "This site uses cookies",
  "Most read",
  "Related stories",
  "Post a comment",
  "All rights reserved",
];

for (const kind of testStores()) {
  describe(`ingest pipeline on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    let site: DemoSite | null = null;
    let server: TestServer | null = null;

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
    });

    afterEach(async () => {
      await site?.close();
      await server?.close();
      site = null;
      server = null;
      await db?.close();
      await store?.cleanup();
    });

    it("ingests the demo corpus over HTTP, extracts every article cleanly, and re-fetches conditionally", async () => {
      site = await startDemoSite();
      const sources = new SourcesRepo(db);
      const items = new ItemsRepo(db);
      await addDemoSources(sources, site);
      const fetcher = testFetcher();
      const deps = { sources, items, fetcher, config, log: silentLogger };
      const first = await runIngest(deps, { all: true });
      expect(
        first.sources.every((s) => s.outcome === "ok"),
        JSON.stringify(first.sources.filter((s) => s.error)),
      ).toBe(true);
      const bodies = demoBodies();
      expect((await items.count()).items).toBe(bodies.size);

      const stored = await items.list();
      let complete = 0;
      for (const item of stored) {
        expect(item.article, `${item.sourceId}: ${item.title}`).not.toBeNull();
        const text = plain(item.article?.text ?? "");
        for (const marker of boilerplate) expect(text, `${item.sourceId}: ${item.title}`).not.toContain(marker);
        const body = bodies.get(`${item.sourceId}|${plain(item.title ?? "")}`);
        expect(body, `content for ${item.title}`).toBeDefined();
        const paragraphs = (body ?? "")
          .split(/\n\s*\n/)
          .map((p) => plain(p.replace(/^(?:## |> |- )/gm, "")))
          .filter((p) => p.split(" ").length >= 12);
        const found = paragraphs.filter((p) => text.includes(p.slice(0, 50)) || text.includes(p.slice(-50)));
        if (found.length / paragraphs.length >= 0.9) complete += 1;
      }
      // Every article's running text comes through, bar a rare dateline rewritten by a press-wire template.
      expect(complete / stored.length).toBeGreaterThanOrEqual(0.95);

      const second = await runIngest(deps, { all: true });
      expect(second.sources.map((s) => s.outcome)).toEqual(second.sources.map(() => "not_modified"));
      expect((await items.count()).items).toBe(bodies.size);
      await fetcher.close();
    });

    it("keeps every stored item when a later fetch returns garbage, backs the source off, and clears the error on recovery", async () => {
      let mode: "good" | "garbage" | "gone" = "good";
      server = await startServer((req, res) => {
        if (req.url?.startsWith("/a/"))
          return res
            .writeHead(200, { "content-type": "text/html" })
            .end(
              "<html><body><article><p>An article body that is long enough to count as the article text of this page.</p></article></body></html>",
            );
        if (mode === "gone") return res.writeHead(410).end();
        if (mode === "garbage")
          return res
            .writeHead(200, { "content-type": "application/rss+xml" })
            .end("\u0000\u0001 not a feed at all {{{");
        const items = [1, 2, 3]
          .map((n) => `<item><title>Story ${n}</title><link>${server?.url}/a/${n}</link><guid>g${n}</guid></item>`)
          .join("");
        res
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(`<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`);
      });
      const sources = new SourcesRepo(db);
      const items = new ItemsRepo(db);
      await sources.add({
        id: "flaky",
        url: `${server.url}/feed`,
        name: "Flaky",
        kind: "news",
        weight: 1,
        origin: "cli",
      });
      const fetcher = testFetcher({ retries: 0 });
      let clock = new Date("2025-12-01T10:00:00Z");
      const deps = { sources, items, fetcher, config, log: silentLogger, now: () => clock };
      expect((await runIngest(deps, { sourceId: "flaky" })).sources[0]?.itemsNew).toBe(3);

      mode = "garbage";
      clock = new Date("2025-12-01T11:00:00Z");
      const failed = await runIngest(deps);
      expect(failed.sources[0]?.error?.code).toBe("E_FEED_PARSE");
      expect((await items.count()).items).toBe(3);
      expect((await items.list()).every((i) => i.title?.startsWith("Story"))).toBe(true);
      const health = (await sources.get("flaky")).health;
      expect(health.consecutiveFailures).toBe(1);
      expect(health.lastErrorCode).toBe("E_FEED_PARSE");
      expect(await sources.due("2025-12-01T11:30:00Z")).toEqual([]);

      // The feed is mended: the next success clears the error the source list shows.
      mode = "good";
      clock = new Date("2025-12-01T18:00:00Z");
      expect((await runIngest(deps)).sources[0]?.outcome).toBe("ok");
      expect((await sources.get("flaky")).health).toMatchObject({
        lastErrorCode: null,
        lastErrorMessage: null,
        consecutiveFailures: 0,
      });

      mode = "gone";
      clock = new Date("2025-12-02T12:00:00Z");
      const gone = await runIngest(deps);
      expect(gone.sources[0]?.outcome).toBe("gone");
      expect((await sources.get("flaky")).health.gone).toBe(true);
      expect(await sources.due("2025-12-09T00:00:00Z")).toEqual([]);
      expect((await items.count()).items).toBe(3);
      await fetcher.close();
    });
  });
}
