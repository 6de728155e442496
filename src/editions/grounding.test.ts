import { describe, expect, it } from "vitest";
import { extractEntities } from "../text/entities/extract-entities.ts";
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

describe("unit-aware grounding", () => {
  const ipo = buildEvidence([
    item(
      "Moore Threads raised about 8 billion yuan (roughly $1.1 billion) in its listing. Revenue grew 40 percent, margins widened by 3 percentage points, and its chips run 4.4 times faster than the last generation. OpenAI is a customer.",
      "Moore Threads raises 8 billion yuan in Shanghai listing",
    ),
  ]);

  it.each([
    ["Moore Threads raised about $1.1 billion in its listing.", []],
    ["Moore Threads raised 8 billion yuan.", []],
    ["Revenue grew 40% and the chips are 4.4x faster.", []],
    ["Margins widened by 3 percentage points.", []],
  ])("accepts the same amount in the same unit: %s", (sentence, claims) => {
    expect(unsupportedClaims(sentence, ipo).map((f) => f.claim)).toEqual(claims);
  });

  it.each([
    ["Moore Threads raised roughly $8.0 billion in its listing.", "$8.0 billion"],
    ["Moore Threads raised 1.1 billion yuan.", "1.1 billion yuan"],
    ["Moore Threads raised $1.12 billion.", "$1.12 billion"],
    ["Moore Threads raised $2 billion.", "$2 billion"],
    ["Margins widened by 3%.", "3%"],
    ["Revenue grew 40 percentage points.", "40 percentage points"],
    ["The chips run 4.8 times faster.", "4.8 times"],
    ["Openai is a customer.", "Openai"],
  ])("refuses a changed currency, scale, rounding or spelling: %s", (sentence, claim) => {
    expect(unsupportedClaims(sentence, ipo).map((f) => f.claim)).toContain(claim);
  });
});

describe("attributions", () => {
  it("accepts words the sources have the person say, and refuses words they do not", () => {
    expect(unsupportedClaims("Jensen Huang said accelerated computing is reinventing design.", evidence)).toEqual([]);
    const invented = unsupportedClaims(
      "Jensen Huang said the deal would double Synopsys revenue by next year.",
      evidence,
    );
    expect(invented.map((f) => f.claim)).toContain("Jensen Huang saying so");
  });
});
