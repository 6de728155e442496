import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { cliSandbox, runCli, spawnCli } from "../helpers/cli.ts";
import { startServer, type TestServer } from "../helpers/http.ts";

const itemCount = 12;
let server: TestServer;
let slowPages = true;
let stuckFeed = true;

/** Waits until the run has committed the feed's items, then kills it with SIGKILL and waits for it to end. */
async function killOnceStored(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 50_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const db = await openDb(url);
    const counts = await new ItemsRepo(db).count();
    await db.close();
    if (counts.items === itemCount) break;
    if (Date.now() > deadline)
      throw new Error(`the run stored ${counts.items} of ${itemCount} items before the deadline`);
  }
  child.kill("SIGKILL");
  await new Promise((r) => child.once("close", r));
}

beforeAll(async () => {
  server = await startServer((req, res) => {
    // A second source whose feed hangs while the first run is killed, then answers with one item.
    if (req.url === "/stuck.xml") {
      const feed = `<rss version="2.0"><channel><title>Stuck</title><item><title>Late</title><link>${server.url}/late</link><guid>late</guid></item></channel></rss>`;
      if (stuckFeed) return res.writeHead(200, { "content-type": "application/rss+xml" }).flushHeaders();
      return res.writeHead(200, { "content-type": "application/rss+xml" }).end(feed);
    }
    if (req.url === "/feed.xml") {
      const items = Array.from(
        { length: itemCount },
        (_, i) => `<item><title>Item ${i}</title><link>${server.url}/p/${i}</link><guid>g${i}</guid></item>`,
      ).join("");
      return res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(`<rss version="2.0"><channel><title>Slow</title>${items}</channel></rss>`);
    }
    const body = `<html><body><article><p>Body of ${req.url}, long enough to be taken for the text of the article on this page.</p></article></body></html>`;
    // Article pages hang while the first run is being killed, then answer normally.
    if (slowPages)
      return setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(body), 60_000).unref();
    res.writeHead(200, { "content-type": "text/html" }).end(body);
  });
});

afterAll(async () => {
  await server.close();
});

describe("a killed ingest", () => {
  it("loses no item and duplicates nothing: the next run finishes the articles", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
    box.env.DAYBRIEF_FETCH_POLITENESS_DELAY_MS = "0";
    expect((await runCli(["sources", "add", `${server.url}/feed.xml`, "--name", "Slow"], box)).code).toBe(0);

    const child = spawnCli(["ingest"], box);
    const url = box.env.DAYBRIEF_DATABASE_URL as string;
    // Wait until the feed's items are committed and article fetches are under way, then kill -9.
    await killOnceStored(child, url);

    const db = await openDb(url);
    const items = new ItemsRepo(db);
    expect((await items.count()).items).toBe(itemCount);
    expect((await items.count()).articles).toBe(0);
    expect(await items.pendingArticles({ maxAttempts: 3 })).toHaveLength(itemCount);
    await db.close();

    slowPages = false;
    const resumed = await runCli(["ingest", "--all", "--json"], box);
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout) as { sources: Array<{ itemsNew: number; articlesOk: number }> };
    expect(report.sources[0]?.itemsNew).toBe(0);
    expect(report.sources[0]?.articlesOk).toBe(itemCount);

    const after = await openDb(url);
    expect(await new ItemsRepo(after).count()).toMatchObject({
      items: itemCount,
      articles: itemCount,
      pages: itemCount,
    });
    await after.close();
  }, 120_000);

  it("finishes every pending article after a kill in the feed phase, those of sources not due included", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
    box.env.DAYBRIEF_FETCH_POLITENESS_DELAY_MS = "0";
    slowPages = false;
    stuckFeed = false;
    expect((await runCli(["sources", "add", `${server.url}/feed.xml`, "--name", "Slow"], box)).code).toBe(0);
    expect((await runCli(["sources", "add", `${server.url}/stuck.xml`, "--name", "Stuck"], box)).code).toBe(0);
    stuckFeed = true;

    const child = spawnCli(["ingest"], box);
    const url = box.env.DAYBRIEF_DATABASE_URL as string;
    // The first source's items are stored while the second's feed hangs: kill -9 in the feed phase.
    await killOnceStored(child, url);

    stuckFeed = false;
    // Only "Stuck" is due now; "Slow" was fetched and is not, but its articles were left pending.
    const resumed = await runCli(["ingest", "--json"], box);
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout) as {
      sources: Array<{ name: string; itemsNew: number; articlesOk: number }>;
      articles: { ok: number; leftover: { ok: number } };
    };
    expect(report.sources.map((s) => s.name)).toEqual(["Stuck"]);
    expect(report.articles.leftover.ok).toBe(itemCount);
    expect(report.articles.ok).toBe(itemCount + 1);

    const after = await openDb(url);
    expect(await new ItemsRepo(after).count()).toMatchObject({ items: itemCount + 1, articles: itemCount + 1 });
    await after.close();
  }, 120_000);

  it("says what a run with no source due finished of the articles a killed run left", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
    box.env.DAYBRIEF_FETCH_POLITENESS_DELAY_MS = "0";
    slowPages = true;
    expect((await runCli(["sources", "add", `${server.url}/feed.xml`, "--name", "Slow"], box)).code).toBe(0);
    const child = spawnCli(["ingest"], box);
    const url = box.env.DAYBRIEF_DATABASE_URL as string;
    await killOnceStored(child, url);

    slowPages = false;
    // "Slow" was fetched by the killed run and is not due again: this run only finishes its articles.
    const resumed = await runCli(["ingest"], box);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`No source is due; finished ${itemCount} articles left by an earlier run.`);
    const after = await openDb(url);
    expect(await new ItemsRepo(after).count()).toMatchObject({ items: itemCount, articles: itemCount });
    await after.close();
  }, 120_000);
});
