import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { cliSandbox, runCli } from "../helpers/cli.ts";
import { startServer, type TestServer } from "../helpers/http.ts";
import { testStores } from "../helpers/stores.ts";

const itemCount = 16;
let server: TestServer;
const pageRequests = new Map<string, number>();

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/feed.xml") {
      const items = Array.from(
        { length: itemCount },
        (_, i) => `<item><title>Item ${i}</title><link>${server.url}/p/${i}</link><guid>g${i}</guid></item>`,
      ).join("");
      return res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(`<rss version="2.0"><channel><title>Shared</title>${items}</channel></rss>`);
    }
    pageRequests.set(req.url ?? "", (pageRequests.get(req.url ?? "") ?? 0) + 1);
    const body = `<html><body><article><p>Text of ${req.url}, long enough to be taken for an article body here.</p></article></body></html>`;
    // Slow enough that the two runs overlap.
    setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(body), 150);
  });
});

afterAll(async () => {
  await server.close();
});

type Report = { articles: { ok: number; claimed: number; claimedElsewhere: number } };

for (const kind of testStores()) {
  describe(`two ingest runs at once on ${kind.name}`, () => {
    it("fetch every pending page exactly once between them", async (ctx) => {
      const store = await kind.create();
      if (!store) return ctx.skip();
      try {
        pageRequests.clear();
        const box = cliSandbox();
        box.env.DAYBRIEF_DATABASE_URL = store.url;
        box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
        box.env.DAYBRIEF_FETCH_POLITENESS_DELAY_MS = "0";
        box.env.DAYBRIEF_FETCH_PER_HOST_CONCURRENCY = "2";
        expect((await runCli(["sources", "add", `${server.url}/feed.xml`, "--name", "Shared"], box)).code).toBe(0);

        const runs = await Promise.all([runCli(["ingest", "--json"], box), runCli(["ingest", "--all", "--json"], box)]);
        for (const run of runs) expect(run.code, `${run.stderr}\n${run.stdout}`).toBe(0);
        const reports = runs.map((run) => JSON.parse(run.stdout) as Report);
        expect(reports.reduce((n, r) => n + r.articles.ok, 0)).toBe(itemCount);
        expect(pageRequests.size).toBe(itemCount);
        expect(
          [...pageRequests.values()].every((n) => n === 1),
          JSON.stringify([...pageRequests]),
        ).toBe(true);

        const db = await store.open();
        expect(await new ItemsRepo(db).count()).toMatchObject({ items: itemCount, articles: itemCount });
        await db.close();
      } finally {
        await store.cleanup();
      }
    });
  });
}
