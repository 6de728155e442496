import type { ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import { silentLogger } from "../../src/log.ts";
import { runIngest } from "../../src/pipeline/run-ingest.ts";
import type { Db } from "../../src/store/db.ts";
import { openDb } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { SourcesRepo } from "../../src/store/sources-repo.ts";
import { testFetcher } from "../helpers/fetcher.ts";
import { startServer, type TestServer } from "../helpers/http.ts";

const page =
  "<html><body><article><p>A page long enough to be taken for the article text of this test item.</p></article></body></html>";
const feed = (base: string, prefix: string, count: number) =>
  `<rss version="2.0"><channel><title>${prefix}</title>${Array.from(
    { length: count },
    (_, i) =>
      `<item><title>${prefix} ${i}</title><link>${base}/p/${prefix}${i}</link><guid>${prefix}${i}</guid></item>`,
  ).join("")}</channel></rss>`;

/** Sends headers, then nothing: the connection stays open until the client gives up. */
const hang = (res: ServerResponse) => res.writeHead(200, { "content-type": "text/html" }).flushHeaders();

const config = (extract: boolean) =>
  configSchema.parse({
    allowPrivateNetworks: true,
    fetch: { timeoutMs: 1000, concurrency: 4, perHostConcurrency: 2, politenessDelayMs: 0, hostFailureLimit: 3 },
    ingest: { extractArticles: extract },
  });

let db: Db;
let servers: TestServer[] = [];

beforeEach(async () => {
  db = await openDb("sqlite::memory:");
});

afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
  await db.close();
});

describe("a host that hangs", () => {
  it("holds only its own slots: a healthy host's pages finish meanwhile, and the run ends soon after the breaker opens", async () => {
    let healed = false;
    // Events in the order they happened: a hanging page asked for, a hanging page given up on, a healthy page served.
    const events: Array<"slow" | "slow-closed" | "fast"> = [];
    const slow = await startServer((req, res) => {
      if (req.url === "/feed") return res.writeHead(200).end(feed(slow.url, "s", 10));
      events.push("slow");
      res.on("close", () => events.push("slow-closed"));
      return healed ? res.writeHead(200, { "content-type": "text/html" }).end(page) : hang(res);
    });
    const fast = await startServer((req, res) => {
      if (req.url === "/feed") return res.writeHead(200).end(feed(fast.url, "f", 10));
      setTimeout(() => {
        events.push("fast");
        res.writeHead(200, { "content-type": "text/html" }).end(page);
      }, 30);
    });
    servers = [slow, fast];
    const sources = new SourcesRepo(db);
    const items = new ItemsRepo(db);
    for (const [id, server] of [
      ["slow", slow],
      ["fast", fast],
    ] as const)
      await sources.add({ id, url: `${server.url}/feed`, name: id, kind: "news", weight: 1, origin: "cli" });
    const fetcher = testFetcher({ timeoutMs: 1000, concurrency: 4, perHostConcurrency: 2, retries: 2 });
    // The slow host's items are stored first, so they lead the queue of pending articles.
    const deps = { sources, items, fetcher, log: silentLogger };
    await runIngest(
      { ...deps, config: config(false), now: () => new Date("2025-12-01T10:00:00Z") },
      { sourceId: "slow" },
    );
    await runIngest(
      { ...deps, config: config(false), now: () => new Date("2025-12-01T10:01:00Z") },
      { sourceId: "fast" },
    );

    const report = await runIngest({ ...deps, config: config(true) }, { sourceIds: [] });

    expect(report.articles).toMatchObject({ claimed: 20, ok: 10 });
    // The hanging pages lead the queue, yet healthy pages are served while the first of them still hang: the slow
    // host holds its own two slots, not every worker. (When one host stalled the run, none was served before.)
    expect(events.indexOf("fast")).toBeGreaterThan(-1);
    expect(events.indexOf("fast")).toBeLessThan(events.indexOf("slow-closed"));
    // Two rounds of two hanging pages open the breaker (3 in a row); the rest are deferred, never asked for.
    const asked = events.filter((e) => e === "slow").length;
    expect(asked).toBe(report.articles.failed);
    expect(asked).toBeLessThanOrEqual(4);
    expect(report.deferredHosts).toEqual([
      expect.objectContaining({ host: new URL(slow.url).host, code: "E_FETCH_TIMEOUT", failures: 3 }),
    ]);
    expect(report.articles.failed + report.articles.deferred).toBe(10);
    expect(report.articles.deferred).toBeGreaterThanOrEqual(6);
    // Deferred pages stay pending with no attempt counted; the timed-out ones count one attempt each.
    expect(await items.pendingArticles({ maxAttempts: 1 })).toHaveLength(report.articles.deferred);

    healed = true;
    const next = await runIngest({ ...deps, config: config(true) }, { sourceIds: [] });
    expect(next.articles).toMatchObject({ claimed: 10, ok: 10, failed: 0, deferred: 0 });
    expect((await items.count()).articles).toBe(20);
    await fetcher.close();
  });

  it("stops asking a host whose feeds time out or refuse connections, and keeps its other sources due", async () => {
    const hanging = await startServer((_req, res) => hang(res));
    const refusing = await startServer(() => {});
    const refusedUrl = refusing.url;
    await refusing.close();
    servers = [hanging];
    const sources = new SourcesRepo(db);
    for (let i = 0; i < 5; i += 1) {
      await sources.add({
        id: `h${i}`,
        url: `${hanging.url}/feed/${i}`,
        name: `Hanging ${i}`,
        kind: "news",
        weight: 1,
        origin: "cli",
      });
      await sources.add({
        id: `r${i}`,
        url: `${refusedUrl}/feed/${i}`,
        name: `Refused ${i}`,
        kind: "news",
        weight: 1,
        origin: "cli",
      });
    }
    const fetcher = testFetcher({ timeoutMs: 1000, concurrency: 4, perHostConcurrency: 2, retries: 1 });
    const at = new Date("2025-12-01T10:00:00Z");
    const report = await runIngest(
      { sources, items: new ItemsRepo(db), fetcher, config: config(false), log: silentLogger, now: () => at },
      { all: true },
    );
    const outcomes = (prefix: string) =>
      report.sources.filter((s) => s.sourceId.startsWith(prefix)).map((s) => s.outcome);
    for (const prefix of ["h", "r"]) {
      // The third failure in a row opens the breaker; a fourth fetch may already be under way by then.
      const errors = outcomes(prefix).filter((o) => o === "error").length;
      expect(errors).toBeGreaterThanOrEqual(3);
      expect(errors).toBeLessThanOrEqual(4);
      expect(outcomes(prefix).filter((o) => o === "deferred")).toHaveLength(5 - errors);
    }
    expect(report.deferredHosts.map((h) => h.code).sort()).toEqual(["E_FETCH_NETWORK", "E_FETCH_TIMEOUT"]);
    const deferredIds = report.sources.filter((s) => s.outcome === "deferred").map((s) => s.sourceId);
    const due = (await sources.due(at.toISOString())).map((s) => s.id);
    for (const id of deferredIds) expect(due).toContain(id);
    for (const id of deferredIds) expect((await sources.get(id)).health.consecutiveFailures).toBe(0);
    await fetcher.close();
  });
});
