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
