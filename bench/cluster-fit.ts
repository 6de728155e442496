/**
 * Fitting and scoring the "same event" pair model on labelled corpora: every pair's signals, logistic regression,
 * folds grouped by event, and pairwise errors broken down by what went wrong. Used by
 * `scripts/train-cluster-model.ts`; the clustering itself is the product's (`clusterItems`).
 */
import type { Entity } from "../src/model/entity.ts";
import { documentFrequencies, groupExactDuplicates } from "../src/stories/cluster-items.ts";
import { itemFeatures } from "../src/stories/features.ts";
import { createMinHasher } from "../src/stories/minhash.ts";
import { Interner, pairSignals, prepare, type Signals, signalNames, type Weights } from "../src/stories/similarity.ts";
import type { LabelledItem } from "./cluster-eval.ts";
import { fitLogistic } from "./lib/fit-logistic.ts";

export type LabelledPair = { signals: Signals; same: boolean };

/** Pairs no further apart than this are what the clusterer ever compares; others teach the model nothing. */
export const pairSpanMs = 7 * 86_400_000;

/** The signals of every pair of items within `spanMs` of each other, with "same event" from the labels. */
export function labelledPairs(
  items: LabelledItem[],
  entities: (text: string) => Entity[],
  spanMs = pairSpanMs,
): LabelledPair[] {
  const { representatives } = groupExactDuplicates(items);
  const hasher = createMinHasher();
  const interner = new Interner();
  const features = representatives.map((item) => itemFeatures(item, { hasher, entities, interner }));
  const stats = documentFrequencies(features);
  const prepared = features.map((f) => prepare(f, stats));
  const event = new Map(items.map((i) => [i.id, i.event]));
  const out: LabelledPair[] = [];
  for (let i = 0; i < prepared.length; i += 1) {
    for (let j = i + 1; j < prepared.length; j += 1) {
      const a = prepared[i] as (typeof prepared)[number];
      const b = prepared[j] as (typeof prepared)[number];
      if (Math.abs(a.time - b.time) > spanMs) continue;
      out.push({ signals: pairSignals(a, b), same: event.get(a.id) === event.get(b.id) });
    }
  }
  return out;
}

/**
 * Logistic regression by Newton's method (IRLS) with a small ridge, classes balanced; weights to two decimals
 * (bench/lib/fit-logistic.ts over the pair model's signals).
 */
export function fitWeights(data: LabelledPair[], ridge = 0.1, iterations = 30): Weights {
  const rows = data.map((d) => ({ x: signalNames.map((n) => d.signals[n]), same: d.same }));
  return fitLogistic(rows, signalNames, ridge * 1e-3, iterations) as Weights;
}

/** The fold of an event: a hash of its id, so one event's items are never split between training and test. */
export function foldOf(event: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < event.length; i += 1) h = Math.imul(h ^ event.charCodeAt(i), 0x01000193);
  return (h >>> 0) % k;
}

/** Pair counts behind pairwise precision and recall, summable over folds. */
export type PairCounts = { correct: number; predicted: number; truePairs: number };

export const noCounts = (): PairCounts => ({ correct: 0, predicted: 0, truePairs: 0 });

export function addCounts(into: PairCounts, more: PairCounts): PairCounts {
  into.correct += more.correct;
  into.predicted += more.predicted;
  into.truePairs += more.truePairs;
  return into;
}

export function scores({ correct, predicted, truePairs }: PairCounts): { p: number; r: number; f1: number } {
  const p = predicted ? correct / predicted : 1;
  const r = truePairs ? correct / truePairs : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export const formatScores = (c: PairCounts): string => {
  const { p, r, f1 } = scores(c);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}`;
};

/**
 * Pair counts of the `scored` items against their labels, in stories that may hold other items too: a scored item
 * in a story with an unscored one is a wrong merge (their events differ by construction of the folds). `kind`
 * picks which pairs count (all by default): e.g. only pairs of two summaries.
 */
export function countPairs(
  stories: string[][],
  items: Map<string, LabelledItem>,
  scored: (id: string) => boolean,
  kind: (a: LabelledItem, b: LabelledItem) => boolean = () => true,
): PairCounts {
  const counts = noCounts();
  const byEvent = new Map<string, LabelledItem[]>();
  for (const item of items.values())
    if (scored(item.id)) byEvent.set(item.event, [...(byEvent.get(item.event) ?? []), item]);
  for (const members of byEvent.values())
    for (let i = 0; i < members.length; i += 1)
      for (let j = i + 1; j < members.length; j += 1)
        if (kind(members[i] as LabelledItem, members[j] as LabelledItem)) counts.truePairs += 1;
  for (const ids of stories) {
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const a = items.get(ids[i] as string);
        const b = items.get(ids[j] as string);
        if (!a || !b || !(scored(a.id) || scored(b.id)) || !kind(a, b)) continue;
        counts.predicted += 1;
        if (scored(a.id) && scored(b.id) && a.event === b.event) counts.correct += 1;
      }
    }
  }
  return counts;
}
