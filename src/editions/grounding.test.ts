import { describe, expect, it } from "vitest";
import { extractEntities } from "../stories/entities/extract-entities.ts";
import type { DayItem } from "./day.ts";
import { buildEvidence, unsupportedClaims } from "./grounding.ts";

function item(text: string, title = "Nvidia takes a $2 billion stake in Synopsys"): DayItem {
  const full = `${title}\n\n${text}`;
  return {
    id: "i1",
    title,
    url: "https://wire.example/a",
    text,
    sourceId: "wire",
    sourceName: "Wire",
    sourceKind: "news",
    sourceWeight: 1,
    publishedAt: "2025-12-01T10:00:00Z",
    entities: extractEntities(full),
    sentiment: { label: "positive", score: 0.4 },
    entitySentiments: [],
  };
}

const source = item(
  'Nvidia said on Monday it had bought $2bn of Synopsys stock at $414.79 a share. Synopsys shares rose 4.9%. "Accelerated computing is reinventing design," Jensen Huang said. The partnership covers 3 years.',
);
const evidence = buildEvidence([source], ["4", "four"]);

describe("unsupportedClaims", () => {
  it("accepts facts the sources state, in other formats", () => {
    expect(unsupportedClaims("Nvidia invested $2 billion in Synopsys, paying $414.79 per share.", evidence)).toEqual(
      [],
    );
    expect(unsupportedClaims("Synopsys rose 4.9% on the news.", evidence)).toEqual([]);
    expect(unsupportedClaims('Jensen Huang said "accelerated computing is reinventing design".', evidence)).toEqual([]);
    expect(unsupportedClaims("It is one of four chip stories today.", evidence)).toEqual([]);
  });

  it.each([
    ["Nvidia invested $7 billion in Synopsys.", "$7 billion"],
    ["Synopsys shares jumped 12% on the news.", "12%"],
    ["Cadence also joined the partnership.", "Cadence"],
    ["Lisa Su welcomed the deal.", "Lisa Su"],
    ['Huang called it "the deal of the decade".', "the deal of the decade"],
    ["The partnership covers 5 years.", "5"],
    ["Nine analysts raised their targets.", "nine"],
  ])("catches what the sources do not say: %s", (sentence, claim) => {
    const failures = unsupportedClaims(sentence, evidence);
    expect(failures.map((f) => f.claim.toLowerCase()).join(" | ")).toContain(claim.toLowerCase());
  });
});
