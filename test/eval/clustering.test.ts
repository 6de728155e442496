import { describe, expect, it } from "vitest";
import { loadClusterEval, loadDemoEval, pairwiseScore } from "../../bench/cluster-eval.ts";
import { clusterItems } from "../../src/stories/cluster-items.ts";
import { extractEntities } from "../../src/stories/entities/extract-entities.ts";

describe("story clustering quality", () => {
  it("groups the hand-labelled coverage with pairwise F1 ≥ 0.9", () => {
    const items = loadClusterEval();
    const stories = clusterItems(items, { entities: extractEntities });
    const score = pairwiseScore(
      items,
      stories.map((s) => s.itemIds),
    );
    process.stdout.write(
      `cluster-eval: P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}\n`,
    );
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
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

  it("groups the demo corpus (long articles, one industry, four days) with pairwise F1 ≥ 0.8", () => {
    const items = loadDemoEval();
    const stories = clusterItems(items, { entities: extractEntities });
    const score = pairwiseScore(
      items,
      stories.map((s) => s.itemIds),
    );
    process.stdout.write(
      `demo: P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}\n`,
    );
    expect(score.f1).toBeGreaterThanOrEqual(0.8);
  });
});
