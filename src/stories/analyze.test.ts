import { describe, expect, it } from "vitest";
import { analyzeText } from "./analyze.ts";

describe("analyzeText", () => {
  const text =
    "Synopsys (SNPS) rose in early trading after Nvidia bought $2 billion of its stock at $414.79 a share. " +
    "The deal covers chip-design software running on 1,000 H100 GPUs.";

  it("returns the entities, the text's sentiment and each company's sentiment", () => {
    const analysis = analyzeText(text);
    expect(analysis.entities.map((e) => [e.type, e.text])).toEqual([
      ["org", "Synopsys"],
      ["org", "Nvidia"],
      ["money", "$2 billion"],
      ["money", "$414.79"],
      ["quantity", "1,000 H100 GPUs"],
      ["product", "H100"],
    ]);
    expect(analysis.sentiment.label).toBe("positive");
    expect(analysis.entitySentiments.find((s) => s.ticker === "SNPS")).toMatchObject({ label: "positive" });
  });

  it("skips the per-company sentiment when asked to be fast, and agrees on the rest", () => {
    const fast = analyzeText(text, { fast: true });
    const full = analyzeText(text);
    expect(fast.entitySentiments).toEqual([]);
    expect(fast.entities).toEqual(full.entities);
    expect(fast.sentiment).toEqual(full.sentiment);
  });
});
