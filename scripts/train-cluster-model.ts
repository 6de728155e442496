/**
 * Fits the weights of the "same event" model (src/stories/similarity.ts) by logistic regression on every pair of
 * the hand-labelled evaluation set, then reports clustering quality on that set and on the demo corpus, which the
 * fit never sees. Run: `npx tsx scripts/train-cluster-model.ts [--threshold 0.5] [--swap]` (`--swap` trains on the
 * demo corpus and tests on the evaluation set, as a check that the weights are not tuned to one set).
 */
import { type LabelledItem, loadClusterEval, loadDemoEval, pairwiseScore } from "../bench/cluster-eval.ts";
import type { Entity } from "../src/model/entity.ts";
import { clusterItems, documentFrequencies, groupExactDuplicates } from "../src/stories/cluster-items.ts";
import { defaultThreshold } from "../src/stories/clusterer.ts";
import { itemFeatures } from "../src/stories/features.ts";
import { createMinHasher } from "../src/stories/minhash.ts";
import { Interner, pairSignals, prepare, type Signals, signalNames, type Weights } from "../src/stories/similarity.ts";

const extractEntities: (text: string) => Entity[] = await import("../src/stories/entities/extract-entities.ts").then(
  (m: { extractEntities: (text: string) => Entity[] }) => m.extractEntities,
  () => {
    process.stderr.write("entity extraction not available: training without entities\n");
    return () => [];
  },
);

function pairs(items: LabelledItem[]): Array<{ signals: Signals; same: boolean }> {
  const { representatives } = groupExactDuplicates(items);
  const hasher = createMinHasher();
  const interner = new Interner();
  const features = representatives.map((item) => itemFeatures(item, { hasher, entities: extractEntities, interner }));
  const stats = documentFrequencies(features);
  const prepared = features.map((f) => prepare(f, stats));
  const event = new Map(items.map((i) => [i.id, i.event]));
  const out: Array<{ signals: Signals; same: boolean }> = [];
  for (let i = 0; i < prepared.length; i += 1) {
    for (let j = i + 1; j < prepared.length; j += 1) {
      const a = prepared[i] as (typeof prepared)[number];
      const b = prepared[j] as (typeof prepared)[number];
      // Every pair counts, whatever the dates: the model learns what content says; the time window is applied apart.
      out.push({ signals: pairSignals(a, b), same: event.get(a.id) === event.get(b.id) });
    }
  }
  return out;
}

/** Logistic regression by Newton's method (IRLS) with a small ridge, classes balanced. */
function fitWeights(data: Array<{ signals: Signals; same: boolean }>, ridge = 0.1, iterations = 30): Weights {
  const names = ["bias", ...signalNames] as const;
  const k = names.length;
  const positives = data.filter((d) => d.same).length;
  const negatives = data.length - positives;
  const rows = data.map((d) => ({
    x: [1, ...signalNames.map((n) => d.signals[n])],
    y: d.same ? 1 : 0,
    c: d.same ? 0.5 / positives : 0.5 / negatives,
  }));
  let w = new Array<number>(k).fill(0);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const gradient = new Array<number>(k).fill(0);
    const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const { x, y, c } of rows) {
      const z = x.reduce((sum, xi, i) => sum + xi * (w[i] as number), 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let i = 0; i < k; i += 1) {
        gradient[i] = (gradient[i] as number) + c * (p - y) * (x[i] as number);
        for (let j = 0; j < k; j += 1)
          (hessian[i] as number[])[j] =
            ((hessian[i] as number[])[j] as number) + c * p * (1 - p) * (x[i] as number) * (x[j] as number);
      }
    }
    for (let i = 1; i < k; i += 1) {
      gradient[i] = (gradient[i] as number) + ridge * 1e-3 * (w[i] as number);
      (hessian[i] as number[])[i] = ((hessian[i] as number[])[i] as number) + ridge * 1e-3;
    }
    const step = solve(hessian, gradient);
    w = w.map((wi, i) => wi - (step[i] as number));
  }
  return Object.fromEntries(names.map((n, i) => [n, Math.round((w[i] as number) * 100) / 100])) as Weights;
}

/** Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1)
      if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const p = (a[col] as number[])[col] as number;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const factor = ((a[r] as number[])[col] as number) / p;
      for (let c = col; c <= n; c += 1)
        (a[r] as number[])[c] = ((a[r] as number[])[c] as number) - factor * ((a[col] as number[])[c] as number);
    }
  }
  return a.map((row, i) => (row[n] as number) / ((row[i] as number) || 1));
}

const swap = process.argv.includes("--swap");
const thresholdArg = process.argv.indexOf("--threshold");
const threshold = thresholdArg > 0 ? Number(process.argv[thresholdArg + 1]) : defaultThreshold;
const [trainName, train, testName, test] = swap
  ? (["demo", loadDemoEval(), "cluster-eval", loadClusterEval()] as const)
  : (["cluster-eval", loadClusterEval(), "demo", loadDemoEval()] as const);
const data = process.argv.includes("--both") ? [...pairs(train), ...pairs(test)] : pairs(train);
const weights = fitWeights(data);
process.stdout.write(
  `trained on ${process.argv.includes("--both") ? "both sets" : trainName}: ${data.length} pairs, ${data.filter((d) => d.same).length} same-event\n`,
);
process.stdout.write(`weights ${JSON.stringify(weights)}\n`);
const thresholds = process.argv.includes("--sweep") ? [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99] : [threshold];
for (const t of thresholds)
  for (const [name, items] of [
    [trainName, train],
    [testName, test],
  ] as const) {
    const stories = clusterItems(items, { entities: extractEntities, weights, threshold: t });
    const score = pairwiseScore(
      items,
      stories.map((s) => s.itemIds),
    );
    process.stdout.write(
      `t=${t} ${name.padEnd(13)} P ${score.precision.toFixed(3)}  R ${score.recall.toFixed(3)}  F1 ${score.f1.toFixed(3)}  (${items.length} items → ${stories.length} stories)\n`,
    );
  }
