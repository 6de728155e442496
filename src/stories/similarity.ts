import type { TermStats } from "./clusterer.ts";
import type { ItemFeatures } from "./features.ts";
import { estimateJaccard } from "./minhash.ts";

export type Vector = Map<string, number>;

/** An item ready for comparison: its features plus normalised TF-IDF vectors of the whole lead and of the title. */
export type PreparedItem = ItemFeatures & { vector: Vector; titleVector: Vector; entityWeight: number };

/** The evidence that two items report the same event. */
export type Signals = {
  /** TF-IDF cosine of title + lead. */
  cosine: number;
  /** TF-IDF cosine of the titles alone. */
  titleCosine: number;
  /** Share of the named entities (weighted by rarity) the two have in common. */
  entityOverlap: number;
  /** Amounts (money, quantities) both state, capped at 2. */
  sharedAmounts: number;
  /** 1 when both state money amounts and none agree: usually a different deal or quarter. */
  amountConflict: number;
  /** Share of the entities named in the titles that the two titles have in common. */
  titleEntityOverlap: number;
  /** 1 when both name products or models and none agree: usually a different launch. */
  productConflict: number;
  /** Estimated Jaccard of word shingles: near 1 for syndicated copies. */
  nearCopy: number;
};

/**
 * Weights of a logistic model over the signals, fitted by `scripts/train-cluster-model.ts --both` on the pairs of
 * both labelled sets (test/fixtures/eval/cluster-eval.jsonl and the demo corpus). Fitted on either set alone, the
 * weights score within a point or two of these on the other set, so they are not tuned to one of them.
 */
export const defaultWeights = {
  bias: -4.18,
  cosine: 12.85,
  titleCosine: 6.34,
  entityOverlap: 4.52,
  sharedAmounts: 2.48,
  amountConflict: -0.6,
  titleEntityOverlap: 1.23,
  productConflict: 0.04,
  nearCopy: 1.32,
};

export type Weights = typeof defaultWeights;

export const signalNames = [
  "cosine",
  "titleCosine",
  "entityOverlap",
  "sharedAmounts",
  "amountConflict",
  "titleEntityOverlap",
  "productConflict",
  "nearCopy",
] as const;

export function sameEventProbability(signals: Signals, weights: Weights = defaultWeights): number {
  let z = weights.bias;
  for (const name of signalNames) z += weights[name] * signals[name];
  return 1 / (1 + Math.exp(-z));
}

export function pairSignals(a: PreparedItem, b: PreparedItem, stats: TermStats): Signals {
  let shared = 0;
  for (const key of a.entityKeys) if (b.entityKeys.has(key)) shared += entityWeight(key, stats);
  const denominator = Math.min(a.entityWeight, b.entityWeight);
  let sharedAmounts = 0;
  for (const key of a.amountKeys) if (b.amountKeys.has(key)) sharedAmounts += 1;
  const aMoney = [...a.amountKeys].some((k) => k.startsWith("money:"));
  const bMoney = [...b.amountKeys].some((k) => k.startsWith("money:"));
  const moneyShared = [...a.amountKeys].some((k) => k.startsWith("money:") && b.amountKeys.has(k));
  let titleShared = 0;
  for (const key of a.titleEntityKeys) if (b.titleEntityKeys.has(key)) titleShared += 1;
  const titleMin = Math.min(a.titleEntityKeys.size, b.titleEntityKeys.size);
  const aProducts = [...a.entityKeys].filter((k) => k.startsWith("product:"));
  const bHasProduct = [...b.entityKeys].some((k) => k.startsWith("product:"));
  return {
    cosine: dot(a.vector, b.vector),
    titleCosine: dot(a.titleVector, b.titleVector),
    entityOverlap: denominator ? Math.min(1, shared / denominator) : 0,
    sharedAmounts: Math.min(2, sharedAmounts),
    amountConflict: aMoney && bMoney && !moneyShared ? 1 : 0,
    titleEntityOverlap: titleMin ? titleShared / titleMin : 0,
    productConflict: aProducts.length && bHasProduct && !aProducts.some((k) => b.entityKeys.has(k)) ? 1 : 0,
    nearCopy: estimateJaccard(a.signature, b.signature),
  };
}

export function entityWeight(key: string, stats: TermStats): number {
  return Math.min(3, stats.idf(key));
}

/** Prepares an item: TF-IDF weights (sub-linear term frequency), the strongest terms kept, L2-normalised. */
export function prepare(item: ItemFeatures, titleTerms: string[], stats: TermStats, keep = 32): PreparedItem {
  const weights: Array<[string, number]> = [];
  for (const [term, count] of item.counts) weights.push([term, (1 + Math.log(count)) * stats.idf(term)]);
  for (const key of item.entityKeys) weights.push([key, stats.idf(key)]);
  weights.sort((x, y) => y[1] - x[1]);
  let entityTotal = 0;
  for (const key of item.entityKeys) entityTotal += entityWeight(key, stats);
  return {
    ...item,
    vector: normalise(weights.slice(0, keep)),
    titleVector: normalise(titleTerms.map((term) => [term, stats.idf(term)])),
    entityWeight: entityTotal,
  };
}

function normalise(weights: Array<[string, number]>): Vector {
  const merged = new Map<string, number>();
  for (const [term, weight] of weights) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
  let norm = 0;
  for (const weight of merged.values()) norm += weight * weight;
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of merged) merged.set(term, weight / norm);
  return merged;
}

export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}
