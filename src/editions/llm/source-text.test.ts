import { describe, expect, it } from "vitest";
import type { DayItem } from "../day.ts";
import { leadText, renderSources } from "./source-text.ts";

const sentence = (i: number) => `Sentence number ${i} says something about the deal in plain words.`;
const long = Array.from({ length: 60 }, (_, i) => sentence(i + 1)).join(" ");

function item(id: string, weight: number): DayItem {
  return {
    id,
    title: `Title ${id}`,
    url: `https://news.example/${id}`,
    text: long,
    sourceId: id,
    sourceName: `Outlet ${id}`,
    sourceKind: "news",
    sourceWeight: weight,
    publishedAt: "2025-12-01T10:00:00Z",
    entities: [],
    sentiment: { label: "neutral", score: 0 },
    entitySentiments: [],
  };
}

describe("renderSources", () => {
  it("stays within the budget with whole sentences, the most trusted outlet first", () => {
    const text = renderSources(
      [
        { id: "S1", items: [item("a", 1), item("b", 2)], facts: ["Covered by 2 outlets today."] },
        { id: "S2", items: [item("c", 1)] },
      ],
      3000,
    );
    expect(text.length).toBeLessThan(3300);
    expect(text.indexOf("Outlet b")).toBeLessThan(text.indexOf("Outlet a"));
    expect(text).toContain('- Outlet b: "Title b" <https://news.example/b> (2025-12-01)');
    expect(text).toContain("- Data: Covered by 2 outlets today.");
    expect(text).toMatch(/^\[S1\]\n/);
    expect(text).toContain("\n\n[S2]\n");
    for (const line of text.split("\n").filter((l) => l.startsWith("  "))) expect(line.trim()).toMatch(/words\.$/);
  });

  it("cuts a text without sentence ends at a word", () => {
    expect(leadText("word ".repeat(100), 130)).toMatch(/^(?:word ){20,}word…$/);
  });
});
