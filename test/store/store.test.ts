import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toCandidates } from "../../src/ingest/identity.ts";
import type { Db } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { latestMigration, migrateToLatest } from "../../src/store/migrations/index.ts";
import { SourcesRepo } from "../../src/store/sources-repo.ts";
import { feedItem } from "../helpers/feed-items.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const t0 = "2025-12-01T12:00:00.000Z";
const t1 = "2025-12-01T13:00:00.000Z";

for (const kind of testStores()) {
  describe(`store on ${kind.name}`, () => {
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
      await sources.add(
        { id: "wire", url: "https://wire.example/rss", name: "Wire", kind: "news", weight: 1, origin: "cli" },
        t0,
      );
    });

    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    it("runs migrations once and again without change", async () => {
      const again = await migrateToLatest(db);
      expect(again.applied).toEqual([]);
      expect(again.current).toBe(latestMigration());
    });

    it("gives sources unique slug ids and finds them by id or URL", async () => {
      const a = await sources.add({
        url: "https://a.example/feed",
        name: "Wire",
        kind: "blog",
        weight: 2,
        origin: "cli",
      });
      expect(a.id).toBe("wire-2");
      expect((await sources.find("https://a.example/feed"))?.id).toBe("wire-2");
      await expect(
        sources.add({ url: "https://a.example/feed", name: "X", kind: "news", weight: 1, origin: "cli" }),
      ).rejects.toMatchObject({
        code: "E_SOURCE_EXISTS",
      });
    });

    it("stores an item once, updates it in place when it changes and keeps its history", async () => {
      const first = toCandidates(
        "wire",
        [feedItem({ id: "g1", link: "https://wire.example/a?utm_source=rss", title: "Nvidia invests" })],
        null,
      );
      expect((await items.upsertFromFeed("wire", first, t0))[0]?.status).toBe("new");
      expect((await items.upsertFromFeed("wire", first, t1))[0]?.status).toBe("unchanged");
      const changed = toCandidates(
        "wire",
        [feedItem({ id: "g1", link: "https://wire.example/a", title: "Nvidia invests $2 billion" })],
        null,
      );
      const [outcome] = await items.upsertFromFeed("wire", changed, t1);
      expect(outcome?.status).toBe("updated");
      const stored = await items.get(outcome?.id ?? "");
      expect(stored?.title).toBe("Nvidia invests $2 billion");
      expect(stored?.version).toBe(2);
      const history = await items.versions(outcome?.id ?? "");
      expect(history.map((v) => v.title)).toEqual(["Nvidia invests"]);
      expect((await items.count()).items).toBe(1);
    });

    it("keeps a feed image's alt text with that image, and drops it when the image changes", async () => {
      const image = (url: string, alt: string | null) =>
        toCandidates(
          "wire",
          [feedItem({ id: "g9", link: "https://wire.example/i", title: url, image: url, imageAlt: alt })],
          null,
        );
      const [outcome] = await items.upsertFromFeed("wire", image("https://wire.example/1.png", "A robot arm"), t0);
      expect(await items.get(outcome?.id ?? "")).toMatchObject({ imageAlt: "A robot arm" });
      await items.upsertFromFeed("wire", image("https://wire.example/2.png", null), t1);
      expect(await items.get(outcome?.id ?? "")).toMatchObject({ image: "https://wire.example/2.png", imageAlt: null });
    });

    it("keeps stored fields when a later fetch returns the item empty", async () => {
      const good = toCandidates(
        "wire",
        [feedItem({ id: "g2", link: "https://wire.example/b", title: "Full title", summary: "Full summary" })],
        null,
      );
      const [{ id } = { id: "" }] = await items.upsertFromFeed("wire", good, t0);
      const garbage = toCandidates(
        "wire",
        [feedItem({ id: "g2", link: "https://wire.example/b", title: null, summary: null })],
        null,
      );
      await items.upsertFromFeed("wire", garbage, t1);
      const stored = await items.get(id);
      expect(stored?.title).toBe("Full title");
      expect(stored?.summary).toBe("Full summary");
    });

    it("falls back to the canonical URL when GUIDs repeat within a feed", async () => {
      const dup = toCandidates(
        "wire",
        [
          feedItem({ id: "same", link: "https://wire.example/c", title: "C" }),
          feedItem({ id: "same", link: "https://wire.example/d", title: "D" }),
        ],
        null,
      );
      expect(dup.map((c) => c.identityKind)).toEqual(["url", "url"]);
      const outcomes = await items.upsertFromFeed("wire", dup, t0);
      expect(outcomes.map((o) => o.status)).toEqual(["new", "new"]);
    });

    it("matches an item whose GUID stays while its link changes", async () => {
      const a = toCandidates("wire", [feedItem({ id: "g3", link: "https://wire.example/old", title: "Moved" })], null);
      const [{ id } = { id: "" }] = await items.upsertFromFeed("wire", a, t0);
      const b = toCandidates(
        "wire",
        [feedItem({ id: "g3", link: "https://wire.example/new", title: "Moved", summary: "now longer" })],
        null,
      );
      const [outcome] = await items.upsertFromFeed("wire", b, t1);
      expect(outcome).toMatchObject({ id, status: "updated" });
      expect((await items.get(id))?.articleStatus).toBe("pending");
    });

    it("saves pages and articles and lists items with them", async () => {
      const [{ id } = { id: "" }] = await items.upsertFromFeed(
        "wire",
        toCandidates("wire", [feedItem({ id: "g4", link: "https://wire.example/e" })], null),
        t0,
      );
      expect((await items.pendingArticles({ maxAttempts: 3 })).map((p) => p.id)).toEqual([id]);
      const body = new Uint8Array([1, 2, 3]);
      await items.saveArticle(
        id,
        {
          url: "https://wire.example/e",
          finalUrl: "https://wire.example/e",
          status: 200,
          contentType: "text/html",
          body,
          byteLength: 3,
        },
        {
          title: "T",
          byline: "B",
          published: null,
          siteName: "Wire",
          lang: "en",
          text: "Body text.",
          html: "<p>Body text.</p>",
          image: "https://wire.example/e.png",
          imageAlt: "A chip on a fingertip",
        },
        1,
        t1,
      );
      const [listed] = await items.list({ since: "2025-11-30T00:00:00Z" });
      expect(listed?.article?.text).toBe("Body text.");
      expect(listed?.article).toMatchObject({ image: "https://wire.example/e.png", imageAlt: "A chip on a fingertip" });
      expect(await items.pendingArticles({ maxAttempts: 3 })).toEqual([]);
      const pages = [];
      for await (const page of items.pages()) pages.push(page);
      expect(Buffer.from(pages[0]?.body ?? []).equals(Buffer.from(body))).toBe(true);
    });

    it("backs off a failing source and shows it due again later", async () => {
      await sources.recordFailure("wire", { at: t0, nextFetchAt: t1, code: "E_FETCH_HTTP", message: "500" });
      expect(await sources.due(t0)).toEqual([]);
      expect((await sources.due(t1)).map((s) => s.id)).toEqual(["wire"]);
      const source = await sources.get("wire");
      expect(source.health).toMatchObject({ consecutiveFailures: 1, lastErrorCode: "E_FETCH_HTTP" });
      await sources.recordSuccess("wire", { at: t1, nextFetchAt: t1, etag: '"x"', lastModified: null, itemsNew: 4 });
      expect((await sources.get("wire")).health).toMatchObject({ consecutiveFailures: 0, itemsSeen: 4 });
    });

    it("syncs config sources without touching others, and disables dropped ones", async () => {
      const wanted = [
        { url: "https://c.example/feed", name: "C", kind: "news" as const, weight: 1, origin: "config" as const },
      ];
      expect(await sources.syncFromConfig(wanted)).toEqual({ added: 1, updated: 0, disabled: 0 });
      expect(await sources.syncFromConfig(wanted)).toEqual({ added: 0, updated: 0, disabled: 0 });
      expect(await sources.syncFromConfig([])).toEqual({ added: 0, updated: 0, disabled: 1 });
      expect((await sources.find("https://c.example/feed"))?.enabled).toBe(false);
      expect((await sources.get("wire")).enabled).toBe(true);
    });
  });
}
