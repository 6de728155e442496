import { describe, expect, it } from "vitest";
import { loadClusterEval, loadDemoEval, pairwiseScore } from "../../bench/cluster-eval.ts";
import { fitWeights, labelledPairs } from "../../bench/cluster-fit.ts";
import { loadCorpus } from "../../bench/corpus.ts";
import { clusterItems } from "../../src/stories/cluster-items.ts";
import { defaultThreshold } from "../../src/stories/clusterer.ts";
import { extractEntities } from "../../src/text/entities/extract-entities.ts";

/**
 * Every figure here is on items the weights were not fitted on. The default weights are fitted on the two
 * development corpora (test/eval/fixtures/corpus/{a,b}); the hand-written evaluation set and the demo corpus are
 * unseen by them. The cross-set cases fit on one corpus here and score the other (at the default threshold, which
 * CV chose over both corpora; `train-cluster-model.ts --cross` picks it on the training corpus alone). Bars sit a little below the
 * figures measured when the model was fitted (docs/stories.md), so a change that loses quality fails.
 */
const score = (items: ReturnType<typeof loadClusterEval>, stories: Array<{ itemIds: string[] }>) => {
  const s = pairwiseScore(
    items,
    stories.map((story) => story.itemIds),
  );
  return { ...s, line: `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}` };
};

describe("story clustering quality, on data the weights never saw", () => {
  it("groups the hand-labelled evaluation set (126 items, hard negatives) with F1 ≥ 0.86 and precision ≥ 0.92", () => {
    const items = loadClusterEval();
    const s = score(items, clusterItems(items, { entities: extractEntities }));
    process.stdout.write(`cluster-eval: ${s.line}\n`);
    expect(s.precision).toBeGreaterThanOrEqual(0.92);
    expect(s.f1).toBeGreaterThanOrEqual(0.86);
  });

  it("keeps hard negatives (same company, different event) apart", () => {
    const items = loadClusterEval();
    const stories = clusterItems(items, { entities: extractEntities });
    const storyOf = new Map(stories.flatMap((s) => s.itemIds.map((id) => [id, s.storyId] as const)));
    const size = new Map<string, number>();
    for (const item of items) size.set(item.event, (size.get(item.event) ?? 0) + 1);
    const singles = items.filter((i) => size.get(i.event) === 1);
    const alone = singles.filter((i) => stories.find((s) => s.storyId === storyOf.get(i.id))?.itemIds.length === 1);
    expect(alone.length / singles.length).toBeGreaterThanOrEqual(0.85);
  });

  it("groups the demo corpus (long articles, one industry, four days) with F1 ≥ 0.80", () => {
    // Its weak point is precision (0.71): same-company events of one day (a conference's launches) and explainers
    // the corpus labels as their own stories.
    const items = loadDemoEval();
    const s = score(items, clusterItems(items, { entities: extractEntities }));
    process.stdout.write(`demo: ${s.line}\n`);
    expect(s.precision).toBeGreaterThanOrEqual(0.68);
    expect(s.f1).toBeGreaterThanOrEqual(0.8);
  });

  for (const [train, test, bars] of [
    ["a", "b", { precision: 0.95, f1: 0.82 }],
    ["b", "a", { precision: 0.92, f1: 0.9 }],
  ] as const)
    it(`fitted on development corpus ${train} alone, groups corpus ${test} with F1 ≥ ${bars.f1} and precision ≥ ${bars.precision}`, () => {
      const weights = fitWeights(
        labelledPairs(loadCorpus(`test/eval/fixtures/corpus/${train}`).items, extractEntities),
      );
      const items = loadCorpus(`test/eval/fixtures/corpus/${test}`).items;
      const s = score(items, clusterItems(items, { entities: extractEntities, weights, threshold: defaultThreshold }));
      process.stdout.write(`fit ${train}, score ${test}: ${s.line}\n`);
      expect(s.precision).toBeGreaterThanOrEqual(bars.precision);
      expect(s.f1).toBeGreaterThanOrEqual(bars.f1);
    }, 120_000);
});
