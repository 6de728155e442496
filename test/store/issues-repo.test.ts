import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Issue, StoryBlock } from "../../src/model/issue.ts";
import type { Db } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const block = (storyId: string | null): StoryBlock => ({
  storyId,
  headline: `Headline ${storyId}`,
  paragraphs: [],
  notes: [],
  citations: [],
});

function issue(edition: string, date: string, top: string[], rapid: string[] = []): Issue {
  return {
    id: `is_${edition}_${date}`,
    edition,
    editionName: edition,
    date,
    title: `${edition} ${date}`,
    preheader: "",
    sections: [
      { kind: "stories", id: "top", heading: null, numbered: true, style: "full", stories: top.map(block) },
      {
        kind: "groups",
        id: "rapid",
        heading: null,
        groups: [{ id: "money", label: "Money", emoji: null, stories: [...rapid.map(block), block(null)] }],
      },
      { kind: "links", id: "newest", heading: "Newest", links: [], empty: "" },
    ],
    notes: [],
    writer: { name: "offline", model: null, usage: null } as unknown as Issue["writer"],
    status: "draft",
    createdAt: `${date}T06:00:00.000Z`,
    url: null,
  };
}

for (const kind of testStores()) {
  describe(`issues on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    let issues: IssuesRepo;

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
      issues = new IssuesRepo(db);
    });

    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    it("lists the stories an edition told in the week before a day, with the latest day each was told", async () => {
      await issues.saveDraft(issue("digest", "2025-11-20", ["old"]), "2025-11-20T06:00:00Z");
      await issues.saveDraft(issue("digest", "2025-12-01", ["a", "b"], ["c"]), "2025-12-01T06:00:00Z");
      await issues.saveDraft(issue("digest", "2025-12-02", ["a"]), "2025-12-02T06:00:00Z");
      await issues.saveDraft(issue("briefing", "2025-12-02", ["z"]), "2025-12-02T06:00:00Z");
      await issues.saveDraft(issue("digest", "2025-12-03", ["today"]), "2025-12-03T06:00:00Z");
      const told = await issues.featuredStories("digest", "2025-12-03", 7);
      expect(Object.fromEntries(told.map((f) => [f.storyId, f.date]))).toEqual({
        a: "2025-12-02",
        b: "2025-12-01",
        c: "2025-12-01",
      });
    });
  });
}
