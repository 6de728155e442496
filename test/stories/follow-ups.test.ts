import { describe, expect, it } from "vitest";
import type { LabelledItem } from "../../bench/cluster-eval.ts";
import { clusterThroughStore } from "../../bench/store-path.ts";
import { clusterStandalone } from "../../src/pipeline/build-stories.ts";

const report = (id: string, source: string, title: string, text: string, published: string): LabelledItem => ({
  id,
  title,
  text,
  source,
  published,
  url: `https://${source}.example/${id}`,
  event: "",
});

// Two reports of a deal on Monday, a follow-up on Wednesday, and the same company's other news of the week.
const items = [
  report(
    "mon-1",
    "wire",
    "Marvell to buy Celestial AI for $3.25 billion",
    "Marvell Technology agreed to acquire Celestial AI, a maker of photonic interconnects for AI data centres, for $3.25 billion in cash and stock, the chipmaker said on Monday.",
    "2025-12-01T14:00:00Z",
  ),
  report(
    "mon-2",
    "trade",
    "Marvell agrees $3.25 billion Celestial AI deal for photonic interconnects",
    "Marvell will pay $3.25 billion in cash and stock for Celestial AI, whose photonic fabric links AI chips and memory in data centres.",
    "2025-12-01T16:00:00Z",
  ),
  report(
    "wed",
    "blog",
    "Why Marvell paid $3.25 billion for Celestial AI's photonic fabric",
    "Two days after Marvell agreed to acquire Celestial AI for $3.25 billion, analysts said the photonic interconnects could reach data centres by 2028.",
    "2025-12-03T15:00:00Z",
  ),
  report(
    "other",
    "wire",
    "Marvell opens a design centre in Vietnam",
    "Marvell Technology opened a chip design centre in Ho Chi Minh City that will employ 300 engineers by next year.",
    "2025-12-03T16:00:00Z",
  ),
];

describe("follow-ups days later through the store path", () => {
  it("joins a follow-up two days later to the story an earlier day's run stored, and keeps other news apart", async () => {
    const stored = await clusterThroughStore(items, { daily: true });
    const storyOf = (id: string) => stored.find((s) => s.corpusIds.includes(id));
    expect(storyOf("mon-1")?.corpusIds.sort()).toEqual(["mon-1", "mon-2", "wed"]);
    expect(storyOf("other")).not.toBe(storyOf("mon-1"));
    // Run a day at a time, the store gives the stories one run over all items gives.
    const once = clusterStandalone(items).map((s) => [...s.itemIds].sort().join(" "));
    expect(stored.map((s) => [...s.corpusIds].sort().join(" ")).sort()).toEqual(once.sort());
  });
});
