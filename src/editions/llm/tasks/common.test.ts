import { describe, expect, it } from "vitest";
import { extractEntities } from "../../../text/entities/extract-entities.ts";
import type { DayItem } from "../../day.ts";
import { buildEvidence } from "../../grounding.ts";
import { checkedLine, idProblems, mergeNotes, safeLabel } from "./common.ts";
import { shapeParagraphs } from "./stories.ts";

function item(title: string, text: string): DayItem {
  return {
    id: "i1",
    title,
    url: "https://news.example/i1",
    text,
    sourceId: "s1",
    sourceName: "News",
    sourceKind: "news",
    sourceWeight: 1,
    publishedAt: "2025-12-01T10:00:00Z",
    entities: extractEntities(`${title}\n${text}`),
    sentiment: { label: "neutral", score: 0 },
    entitySentiments: [],
  };
}

const items = [
  item(
    "Nvidia buys $2 billion of Synopsys stock",
    "Nvidia bought the stake to move chip design onto its GPUs. Sovereign compute is the new race.",
  ),
];

describe("safeLabel", () => {
  it("keeps a sentence-case label of ordinary words and the sources' names, in title case", () => {
    expect(safeLabel("The sovereign compute era", items)).toBe("The Sovereign Compute Era");
    expect(safeLabel("Nvidia goes shopping", items)).toBe("Nvidia Goes Shopping");
    expect(safeLabel("[Chip design and the Synopsys bet]", items)).toBe("Chip Design and the Synopsys Bet");
  });

  it("drops a label with a name the sources lack, a number, a quotation or too many words", () => {
    expect(safeLabel("The Zentrix era", items)).toBeNull();
    expect(safeLabel("Zentrix rising", items)).toBeNull();
    expect(safeLabel("The Intel question", items)).toBeNull();
    expect(safeLabel("The $7 billion week", items)).toBeNull();
    expect(safeLabel('The "new race"', items)).toBeNull();
    expect(safeLabel("One two three four five six seven", items)).toBeNull();
    expect(safeLabel("", items)).toBeNull();
  });
});

describe("checkedLine", () => {
  const evidence = buildEvidence(items);
  it("keeps a supported lead and turns an unsupported one into a sentence the grounding check will read", () => {
    expect(checkedLine("Design goes GPU-first:", "Chip design moves onto GPUs.", evidence)).toEqual({
      lead: "Design goes GPU-first",
      text: "Chip design moves onto GPUs.",
    });
    expect(checkedLine("Marcus Feldhaus backs it", "Chip design moves onto GPUs.", evidence)).toEqual({
      text: "Marcus Feldhaus backs it. Chip design moves onto GPUs.",
    });
    expect(checkedLine(undefined, "Text.", evidence)).toEqual({ text: "Text." });
  });
});

describe("idProblems and mergeNotes", () => {
  it("asks for every id exactly once", () => {
    expect(idProblems("stories", [{ id: "S1" }, { id: "S1" }, { id: "S9" }], ["S1", "S2"])).toEqual([
      'stories: "S1" appears twice',
      'stories: unknown id "S9" (use only S1, S2)',
      "stories: missing S2",
    ]);
    expect(idProblems("stories", [{ id: "S2" }, { id: "S1" }], ["S1", "S2"])).toEqual([]);
  });

  it("takes the model's notes by loose key, the offline note where it wrote none", () => {
    const block = {
      storyId: "s",
      headline: "h",
      paragraphs: [],
      citations: [],
      notes: [{ label: "The Alpha", text: "From data." }],
    };
    expect(mergeNotes(["tactical-edge", "alpha"], { "The Tactical Edge": "Do this." }, block)).toEqual([
      { label: "The Tactical Edge", text: "Do this." },
      { label: "The Alpha", text: "From data." },
    ]);
    expect(mergeNotes(["alpha"], { alpha: "  " }, block)).toEqual([{ label: "The Alpha", text: "From data." }]);
  });
});

describe("shapeParagraphs", () => {
  it("cuts each paragraph to its sentences, and splits one long paragraph where several were asked for", () => {
    expect(shapeParagraphs(["A one. A two. A three.", "B one."], 2, 1)).toEqual(["A one. A two."]);
    expect(shapeParagraphs(["A one. A two. A three. A four. A five."], 2, 2)).toEqual([
      "A one. A two.",
      "A three. A four.",
    ]);
    expect(shapeParagraphs(["A one. A two."], 0, 1)).toEqual(["A one. A two."]);
  });
});
