import { describe, expect, it } from "vitest";
import type { DayContext, DayItem, DayStory } from "./day.ts";
import { withoutRepeats } from "./follow-ups.ts";

const item = (id: string, sourceId: string, publishedAt: string, sourceKind: DayItem["sourceKind"] = "news") =>
  ({
    id,
    title: id,
    url: `https://${sourceId}.example/${id}`,
    text: "",
    sourceId,
    sourceName: sourceId,
    sourceKind,
    sourceWeight: 1,
    publishedAt,
    entities: [],
    sentiment: { label: "neutral", score: 0 },
    entitySentiments: [],
  }) satisfies DayItem;

const story = (id: string, score: number, items: DayItem[]): DayStory =>
  ({
    id,
    title: `Story ${id}`,
    topic: "money",
    score,
    itemIds: items.map((i) => i.id),
    outletCount: new Set(items.map((i) => i.sourceId)).size,
    firstItemAt: items[0]?.publishedAt ?? "",
    lastItemAt: items.at(-1)?.publishedAt ?? "",
    items,
  }) as unknown as DayStory;

const day = (stories: DayStory[], featured: DayContext["featured"] = []): DayContext =>
  ({ date: "2025-12-04", stories, featured }) as unknown as DayContext;

describe("withoutRepeats", () => {
  const dec1 = [item("a1", "wire", "2025-12-01T10:00:00Z"), item("a2", "ledger", "2025-12-01T12:00:00Z")];

  it("holds back a story told before that only one outlet has written about since, keeping that item for podcasts", () => {
    const told = story("told", 9, [...dec1, item("a3", "podcast", "2025-12-04T01:00:00Z", "podcast")]);
    const fresh = story("fresh", 5, [item("b1", "wire", "2025-12-04T08:00:00Z")]);
    const { day: seen, note } = withoutRepeats(day([told, fresh], [{ storyId: "told", date: "2025-12-01" }]), 24);
    expect(seen.stories.map((s) => s.id)).toEqual(["fresh", "told"]);
    const kept = seen.stories.find((s) => s.id === "told");
    expect(kept?.items.map((i) => i.id)).toEqual(["a3"]);
    expect(kept?.followUp?.news).toBe(false);
    expect(note?.code).toBe("selection");
    expect(note?.message).toContain("“Story told” (told 2025-12-01)");
  });

  it("tells a story again, from the new items and ranked by them, when two outlets have written since", () => {
    const told = story("told", 9, [
      ...dec1,
      item("a3", "wire", "2025-12-04T06:00:00Z"),
      item("a4", "ledger", "2025-12-04T07:00:00Z"),
      item("a5", "tape", "2025-12-04T08:00:00Z"),
      item("a6", "review", "2025-12-04T09:00:00Z"),
    ]);
    const { day: seen, note } = withoutRepeats(day([told], [{ storyId: "told", date: "2025-12-01" }]), 24);
    const [again] = seen.stories;
    expect(again?.followUp?.news).toBe(true);
    expect(again?.items.map((i) => i.id)).toEqual(["a3", "a4", "a5", "a6"]);
    // Four outlets wrote since, of four in all.
    expect(again?.score).toBeCloseTo(9);
    expect(note).toBeNull();
  });

  it("keeps a story that broke in the last issue's window untouched, and holds back an older one passed over", () => {
    const evening = story("evening", 7, [
      item("c1", "wire", "2025-12-03T20:00:00Z"),
      item("c2", "ledger", "2025-12-04T07:00:00Z"),
    ]);
    const stale = story("stale", 8, [...dec1, item("d1", "tape", "2025-12-04T09:00:00Z")]);
    const { day: seen, note } = withoutRepeats(day([stale, evening]), 24);
    expect(seen.stories.find((s) => s.id === "evening")).toBe(evening);
    const held = seen.stories.find((s) => s.id === "stale");
    expect(held?.followUp?.news).toBe(false);
    // Held back: only its new item stays, for the source-kind sections.
    expect(held?.items.map((i) => i.id)).toEqual(["d1"]);
    expect(held?.score).toBeCloseTo(8 / 3);
    expect(note?.message).toContain("“Story stale”");
  });

  it("keeps a story never told, and news again, with its earlier coverage as context", () => {
    const developing = story("developing", 6, [
      ...dec1,
      item("e1", "tape", "2025-12-04T09:00:00Z"),
      item("e2", "review", "2025-12-04T10:00:00Z"),
    ]);
    const { day: seen } = withoutRepeats(day([developing]), 24);
    expect(seen.stories[0]?.followUp?.news).toBe(true);
    expect(seen.stories[0]?.items).toHaveLength(4);
    expect(seen.stories[0]?.score).toBeCloseTo(6 * (2 / 4));
  });

  it("counts the evening before as the day's news only when no issue of the day before saw it", () => {
    const evening = story("evening", 7, [
      item("c1", "wire", "2025-12-03T20:00:00Z"),
      item("c2", "ledger", "2025-12-04T07:00:00Z"),
    ]);
    const withIssue = {
      ...day([evening]),
      archive: [{ title: "Dec 3", url: "/digest/2025-12-03", date: "2025-12-03", edition: "digest" }],
    };
    const { day: seen } = withoutRepeats(withIssue, 24);
    // The Dec 3 issue's window held it: on Dec 4 it is a follow-up, news only with two new outlets.
    expect(seen.stories[0]?.followUp?.news).toBe(false);
  });

  it("never lets a follow-up lead while a story first reported today can, and lets a pin lead", () => {
    const followUp = story("again", 20, [
      ...dec1,
      item("f1", "tape", "2025-12-04T06:00:00Z"),
      item("f2", "review", "2025-12-04T07:00:00Z"),
    ]);
    const today = story("today", 4, [item("g1", "wire", "2025-12-04T09:00:00Z")]);
    expect(withoutRepeats(day([followUp, today]), 24).day.stories.map((s) => s.id)).toEqual(["today", "again"]);
    const pinned = { ...story("old", 3, dec1), pinned: true } as DayStory;
    expect(withoutRepeats(day([today, pinned]), 24).day.stories.map((s) => s.id)).toEqual(["today", "old"]);
    const pinnedFirst = { ...pinned, score: 103 } as DayStory;
    expect(withoutRepeats(day([pinnedFirst, today]), 24).day.stories[0]?.id).toBe("old");
  });

  it("drops a story told before with nothing new at all", () => {
    const told = story("told", 9, dec1);
    const { day: seen } = withoutRepeats(day([told], [{ storyId: "told", date: "2025-12-02" }]), 24);
    expect(seen.stories).toEqual([]);
  });
});
