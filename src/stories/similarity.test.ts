import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractEntities } from "../text/entities/extract-entities.ts";
import { documentFrequencies } from "./cluster-items.ts";
import { type ClusterInput, itemFeatures } from "./features.ts";
import { Interner } from "./intern.ts";
import { createMinHasher } from "./minhash.ts";
import {
  defaultWeights,
  nearCopyCutoff,
  nearCopyScore,
  type PreparedItem,
  pairProbability,
  pairSignals,
  prepare,
  sameEventProbability,
  sparseAt,
} from "./similarity.ts";

const evalSet = new URL("../../test/fixtures/eval/cluster-eval.jsonl", import.meta.url);
const items: ClusterInput[] = readFileSync(evalSet, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as ClusterInput);
// A syndicated copy of the first item, so the near-copy path is taken too.
const first = items[0] as ClusterInput;
items.push({ ...first, id: "copy", url: null, text: `${first.text} Shares moved little in early trading.` });

describe("pairProbability", () => {
  const options = { hasher: createMinHasher(), entities: extractEntities, interner: new Interner() };
  const features = items.map((item) => itemFeatures(item, options));
  const stats = documentFrequencies(features);
  const prepared = features.map((f) => prepare(f, stats));

  it("is the model's probability over the pair's signals, for every pair of the evaluation set", () => {
    let compared = 0;
    let copies = 0;
    for (let i = 0; i < prepared.length; i += 1) {
      for (let j = i + 1; j < prepared.length; j += 1) {
        const a = prepared[i];
        const b = prepared[j];
        if (!a || !b) continue;
        for (const shingles of [true, false]) {
          const signals = pairSignals(a, b, shingles);
          const fused = pairProbability(a, b, shingles, defaultWeights);
          if (signals.nearCopy >= nearCopyCutoff) {
            expect(fused).toBe(nearCopyScore);
            copies += 1;
          } else expect(fused).toBeCloseTo(sameEventProbability(signals, defaultWeights), 12);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(copies).toBeGreaterThan(0);
  });

  it("keeps the strongest terms, sorted by id and normalised", () => {
    for (const item of prepared) {
      const vector = sparseAt(item, item.vectorAt, item.titleAt);
      const ids = Array.from(vector.ids);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(ids).size).toBe(ids.length);
      const norm = Math.hypot(...vector.weights);
      if (ids.length) expect(norm).toBeCloseTo(1, 9);
      expect(item.topTerms.length).toBeLessThanOrEqual(12);
      for (const id of item.topTerms) expect(ids).toContain(id);
    }
  });
});

describe("titleNamesMissing", () => {
  const prepareAll = (inputs: ClusterInput[]) => {
    const options = { hasher: createMinHasher(), entities: extractEntities, interner: new Interner() };
    const features = inputs.map((input) => itemFeatures(input, options));
    const stats = documentFrequencies(features);
    return features.map((f) => prepare(f, stats));
  };
  const at = { published: "2025-12-03T10:00:00Z" };
  const [deal, runtime, sameDeal] = prepareAll([
    {
      id: "deal",
      title: "Snowflake and Anthropic sign a $200 million partnership",
      text: "Snowflake will offer Anthropic's Claude models to its customers under a multi-year agreement.",
      ...at,
    },
    {
      id: "runtime",
      title: "Anthropic buys a JavaScript runtime",
      text: "Anthropic said the runtime's team joins the company and the project stays open source.",
      ...at,
    },
    {
      id: "same-deal",
      title: "Anthropic lands a $200 million deal",
      text: "The agreement with Snowflake puts Claude in front of the data warehouse's customers.",
      ...at,
    },
  ]) as [PreparedItem, PreparedItem, PreparedItem];

  it("counts the names of each title that the other item never names, and weighs against the pair", () => {
    // Snowflake, in the deal's title, is named nowhere in the runtime report; Anthropic is in both.
    expect(pairSignals(deal, runtime).titleNamesMissing).toBeGreaterThan(0);
    // A report of the same deal names Snowflake in its lead.
    expect(pairSignals(deal, sameDeal).titleNamesMissing).toBe(0);
    expect(pairSignals(deal, runtime).titleNamesMissing).toBe(pairSignals(runtime, deal).titleNamesMissing);
    expect(defaultWeights.titleNamesMissing).toBeLessThan(0);
  });
});
