import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { cliSandbox, runCli, spawnCli } from "../helpers/cli.ts";
import { startServer, type TestServer } from "../helpers/http.ts";

const itemCount = 12;
let server: TestServer;
let slowPages = true;

beforeAll(async () => {
  server = await startServer((req, res) => {
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
    expect((await runCli(["sources", "add", `${server.url}/feed.xml`, "--name", "Slow"], box)).code).toBe(0);

    const child = spawnCli(["ingest"], box);
    const url = box.env.DAYBRIEF_DATABASE_URL as string;
    // Wait until the feed's items are committed and article fetches are under way, then kill -9.
    for (let i = 0; i < 200; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      const db = await openDb(url);
      const counts = await new ItemsRepo(db).count();
      await db.close();
      if (counts.items === itemCount) break;
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.once("close", r));

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
  });
});
