import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import { toCandidates } from "../../src/ingest/identity.ts";
import { silentLogger } from "../../src/log.ts";
import type { FeedItem } from "../../src/model/feed.ts";
import { buildStories } from "../../src/pipeline/build-stories.ts";
import { mergeStories, splitStory } from "../../src/pipeline/edit-stories.ts";
import type { Db } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { SourcesRepo } from "../../src/store/sources-repo.ts";
import { StoriesRepo } from "../../src/store/stories-repo.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const config = configSchema.parse({});
const wire =
  "Nvidia said on Monday it had bought two billion dollars of Synopsys stock and that the two companies would work together on accelerated chip design software for several years to come.";

function item(id: string, title: string, summary: string, published: string): FeedItem {
  return {
    id,
    title,
    link: `https://news.example/${id}`,
    summary,
    content: null,
    published,
    updated: null,
    authors: [],
    categories: [],
    enclosures: [],
    image: null,
    idIsPermalink: false,
  };
}

for (const kind of testStores()) {
  describe(`editors' story decisions on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    let deps: Parameters<typeof buildStories>[0];

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
      const sources = new SourcesRepo(db);
      const items = new ItemsRepo(db);
      await sources.add({
        id: "wire",
        url: "https://news.example/feed",
        name: "Wire",
        kind: "news",
        weight: 1,
        origin: "cli",
      });
      await items.upsertFromFeed(
        "wire",
        toCandidates(
          "wire",
          [
            item("a", "Nvidia invests $2 billion in Synopsys", wire, "2025-12-01T10:00:00Z"),
            item("b", "Nvidia takes a Synopsys stake", `${wire} Shares of Synopsys rose.`, "2025-12-01T11:00:00Z"),
            item(
              "c",
              "Micron leaves consumer memory",
              "Micron will close its Crucial consumer memory business by February to focus its supply on data-centre customers.",
              "2025-12-01T12:00:00Z",
            ),
          ],
          null,
        ),
        "2025-12-01T13:00:00Z",
      );
      deps = { items, sources, stories: new StoriesRepo(db), config, log: silentLogger };
    });

    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    const asOf = new Date("2025-12-01T23:59:59Z");
    const storyOf = async (itemId: string) => (await deps.stories.assignments([`${itemId}`])).get(itemId);
    const idOf = async (guid: string) => (await deps.items.list()).find((i) => i.guid === guid)?.id as string;

    it("keeps a split apart and a merge together on later runs", async () => {
      await buildStories(deps, { asOf });
      const [a, b, c] = [await idOf("a"), await idOf("b"), await idOf("c")];
      expect(await storyOf(a)).toBe(await storyOf(b));
      expect(await storyOf(c)).not.toBe(await storyOf(a));

      const nvidia = (await storyOf(a)) as string;
      await deps.stories.split(nvidia, [b], "st_split", "Nvidia takes a Synopsys stake", "2025-12-01T14:00:00Z");
      await deps.stories.merge(nvidia, (await storyOf(c)) as string, "2025-12-01T14:00:00Z");
      await buildStories(deps, { asOf });
      expect(await storyOf(b)).toBe("st_split");
      expect(await storyOf(c)).toBe(nvidia);
      const links = await deps.stories.links();
      expect(links.cannot).toContainEqual([b, a]);
      expect(links.must.length).toBeGreaterThan(0);
    });

    it("ranks from the stories' members alone: a stale stored first time does not change any score", async () => {
      await buildStories(deps, { asOf });
      const [a, b] = [await idOf("a"), await idOf("b")];
      const nvidia = (await storyOf(a)) as string;
      // Two stories about the same companies: the later one (b, 11:00) is the less novel.
      await deps.stories.split(nvidia, [b], "st_later", "Nvidia takes a Synopsys stake", "2025-12-01T14:00:00Z");
      await buildStories(deps, { asOf });
      const scores = async () =>
        Object.fromEntries(
          (await deps.stories.list({ since: "2025-11-30T00:00:00.000Z", includeBlocked: true })).map((s) => [
            s.id,
            s.factors.find((f) => f.name === "novelty")?.value,
          ]),
        );
      const first = await scores();
      expect(first.st_later).toBeLessThan(first[nvidia] as number);
      // A stored first time older than any member's (as an earlier ranking or an editor's split can leave one).
      const later = await deps.stories.get("st_later");
      if (!later) throw new Error("no story");
      await deps.stories.update(
        later.id,
        { ...later, firstItemAt: "2025-12-01T09:00:00.000Z", subject: undefined, sentiment: undefined },
        "2025-12-01T15:00:00Z",
      );
      await buildStories(deps, { asOf });
      expect(await scores()).toEqual(first);
    });

    it("lets an editor re-label a topic, pin and block, and keeps it through a rebuild", async () => {
      await buildStories(deps, { asOf });
      const id = (await storyOf(await idOf("c"))) as string;
      await deps.stories.setTopic(id, "policy", true, "2025-12-01T14:00:00Z");
      await deps.stories.setFlags(id, { pinned: true }, "2025-12-01T14:00:00Z");
      await buildStories(deps, { asOf });
      const story = await deps.stories.get(id);
      expect(story?.topic).toBe("policy");
      expect(story?.factors[0]?.name).toBe("editor");
      await deps.stories.setFlags(id, { blocked: true }, "2025-12-01T15:00:00Z");
      expect((await deps.stories.list({ since: "2025-11-30T00:00:00.000Z" })).map((s) => s.id)).not.toContain(id);
    });

    it("refuses a split that would empty a story, or moves items of another story, and changes nothing", async () => {
      await buildStories(deps, { asOf });
      const [a, b, c] = [await idOf("a"), await idOf("b"), await idOf("c")];
      const nvidia = (await storyOf(a)) as string;
      const edit = { ...deps, now: "2025-12-01T14:00:00Z" };
      await expect(splitStory(edit, nvidia, [a, b], edit.now)).rejects.toMatchObject({ code: "E_USAGE" });
      await expect(splitStory(edit, nvidia, [a, a, b], edit.now)).rejects.toMatchObject({ code: "E_USAGE" });
      await expect(splitStory(edit, nvidia, [], edit.now)).rejects.toMatchObject({ code: "E_USAGE" });
      await expect(splitStory(edit, nvidia, [c], edit.now)).rejects.toMatchObject({ code: "E_USAGE" });
      await expect(splitStory(edit, "st_missing", [a], edit.now)).rejects.toMatchObject({ code: "E_STORY_NOT_FOUND" });
      await expect(mergeStories(edit, nvidia, nvidia, edit.now)).rejects.toMatchObject({ code: "E_USAGE" });
      expect((await deps.stories.get(nvidia))?.itemIds.sort()).toEqual([a, b].sort());
      const moved = await splitStory(edit, nvidia, [b], edit.now);
      expect((await deps.stories.get(moved))?.itemIds).toEqual([b]);
      expect((await deps.stories.get(nvidia))?.itemIds).toEqual([a]);
    });
  });
}
