import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toCandidates } from "../../src/ingest/identity.ts";
import type { FeedItem } from "../../src/model/feed.ts";
import type { Db } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { articleLeases } from "../../src/store/migrations/004-article-leases.ts";
import { typesFor } from "../../src/store/migrations/index.ts";
import { SourcesRepo } from "../../src/store/sources-repo.ts";
import { feedItem } from "../helpers/feed-items.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const item = feedItem;

const minutes = (n: number) => new Date(Date.parse("2025-12-01T12:00:00.000Z") + n * 60_000).toISOString();

for (const kind of testStores()) {
  describe(`ingest store on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    let sources: SourcesRepo;
    let items: ItemsRepo;

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
      sources = new SourcesRepo(db);
      items = new ItemsRepo(db);
      await sources.add({
        id: "pod",
        url: "https://pod.example/rss",
        name: "Pod",
        kind: "podcast",
        weight: 1,
        origin: "cli",
      });
    });

    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    const upsert = (feed: FeedItem[], at: string) =>
      items.upsertFromFeed("pod", toCandidates("pod", feed, "https://pod.example/"), at);

    it("keeps one row per item when the feed hands out new GUIDs on every fetch", async () => {
      const three = (run: number) =>
        [1, 2, 3].map((n) =>
          item({ id: `urn:uuid:${run}-${n}`, link: `https://pod.example/post/${n}`, title: `Post ${n}` }),
        );
      for (let run = 0; run < 5; run += 1) {
        const outcomes = await upsert(three(run), minutes(run * 60));
        expect(outcomes.map((o) => o.status)).toEqual(
          run ? ["unchanged", "unchanged", "unchanged"] : ["new", "new", "new"],
        );
      }
      expect((await items.count()).items).toBe(3);
      expect(await items.pendingArticles({ maxAttempts: 3 })).toHaveLength(3);
    });

    it("keeps episodes that share the homepage link apart, and updates one in place under its GUID", async () => {
      const episode = (n: number, summary = `Episode ${n} notes`) =>
        item({ id: `ep-${n}`, link: "https://pod.example/", title: `Episode ${n}`, summary });
      await upsert([episode(1), episode(2), episode(3)], minutes(0));
      const later = await upsert(
        [episode(4), episode(3), episode(2, "Episode 2 notes, corrected"), episode(1)],
        minutes(60),
      );
      expect(later.map((o) => o.status)).toEqual(["new", "unchanged", "updated", "unchanged"]);
      expect((await items.count()).items).toBe(4);
    });

    it("updates an item in place when its page keeps its URL and its text changes (no GUID)", async () => {
      await upsert([item({ link: "https://pod.example/post/9", title: "Draft" })], minutes(0));
      const [outcome] = await upsert([item({ link: "https://pod.example/post/9", title: "Final" })], minutes(60));
      expect(outcome?.status).toBe("updated");
      expect((await items.count()).items).toBe(1);
    });

    it("lets one run claim a pending article at a time, and a lapsed claim be taken over", async () => {
      await upsert(
        [1, 2, 3].map((n) => item({ id: `g${n}`, link: `https://pod.example/p/${n}`, title: `P${n}` })),
        minutes(0),
      );
      const base = { now: minutes(1), until: minutes(11), maxAttempts: 3 };
      const first = await items.leases.claim({ ...base, owner: "run-a" });
      expect(first).toHaveLength(3);
      expect(await items.leases.claim({ ...base, owner: "run-b" })).toEqual([]);
      expect(await items.leases.heldByOthers("run-b", minutes(2))).toEqual([{ owner: "run-a", count: 3 }]);

      await items.leases.release("run-a", [first[0]?.id as string]);
      expect((await items.leases.claim({ ...base, owner: "run-b" })).map((c) => c.id)).toEqual([first[0]?.id]);

      // run-a renews; its claims then outlive run-b's look at minute 12.
      await items.leases.renew("run-a", minutes(20));
      expect(await items.leases.claim({ ...base, now: minutes(12), until: minutes(22), owner: "run-c" })).toHaveLength(
        1,
      );
      const late = await items.leases.claim({ ...base, now: minutes(21), until: minutes(31), owner: "run-c" });
      expect(late.map((c) => c.id).sort()).toEqual([first[1]?.id, first[2]?.id].sort());
    });

    it("ends a claim when the article is settled, and never claims items of disabled sources", async () => {
      await upsert([item({ id: "g1", link: "https://pod.example/p/1", title: "P1" })], minutes(0));
      const [claimed] = await items.leases.claim({ owner: "a", now: minutes(1), until: minutes(11), maxAttempts: 3 });
      await items.markArticle(claimed?.id as string, "failed", "E_FETCH_HTTP: 500");
      const again = await items.leases.claim({ owner: "b", now: minutes(2), until: minutes(12), maxAttempts: 3 });
      expect(again.map((c) => c.id)).toEqual([claimed?.id]);
      await items.leases.release("b");
      await sources.setEnabled("pod", false);
      expect(await items.leases.claim({ owner: "c", now: minutes(3), until: minutes(13), maxAttempts: 3 })).toEqual([]);
    });

    it("runs migration 004 again without change", async () => {
      await articleLeases(db.kysely as never, typesFor(db.dialect));
      await articleLeases(db.kysely as never, typesFor(db.dialect));
      await upsert([item({ id: "g1", link: "https://pod.example/p/1" })], minutes(0));
      expect(await items.leases.claim({ owner: "a", now: minutes(1), until: minutes(2), maxAttempts: 3 })).toHaveLength(
        1,
      );
    });

    it("clears the last error of a source once it succeeds again", async () => {
      await sources.recordFailure("pod", {
        at: minutes(0),
        nextFetchAt: minutes(60),
        code: "E_FETCH_HTTP",
        message: "500",
      });
      expect((await sources.get("pod")).health.lastErrorCode).toBe("E_FETCH_HTTP");
      await sources.recordSuccess("pod", {
        at: minutes(60),
        nextFetchAt: minutes(120),
        etag: null,
        lastModified: null,
        itemsNew: 0,
      });
      const { health } = await sources.get("pod");
      expect(health).toMatchObject({ lastErrorCode: null, lastErrorMessage: null, consecutiveFailures: 0 });
      expect(health.lastErrorAt).toBe(minutes(0));
    });
  });
}
