import type { TermStats } from "./clusterer.ts";
import type { ItemFeatures } from "./features.ts";
import { estimateJaccard } from "./minhash.ts";

export { Interner } from "./intern.ts";

/** A sparse, L2-normalised vector: term ids ascending, with their weights. */
export type Sparse = { ids: Int32Array; weights: Float64Array };

/**
 * An item ready for comparison: only what scoring reads, in compact form — a member of a story keeps nothing else
 * (no text, no entity list), so 100,000 items fit in a few hundred megabytes.
 */
export type PreparedItem = {
  id: string;
  title: string;
  time: number;
  /** TF-IDF of title and lead: the strongest terms, sub-linear term frequency. */
  vector: Sparse;
  titleVector: Sparse;
  /** Entity ids ascending, with each entity's weight (its rarity, capped). */
  entities: Sparse;
  entityTotal: number;
  titleEntities: Int32Array;
  amounts: Int32Array;
  money: Int32Array;
  products: Int32Array;
  signature: Uint32Array;
  /** The strongest term ids, for the inverted index. */
  topTerms: Int32Array;
};

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

export function pairSignals(a: PreparedItem, b: PreparedItem, compareShingles = true): Signals {
  const sharedEntityWeight = sharedWeight(a.entities, b.entities);
  const denominator = Math.min(a.entityTotal, b.entityTotal);
  const titleMin = Math.min(a.titleEntities.length, b.titleEntities.length);
  return {
    cosine: dot(a.vector, b.vector),
    titleCosine: dot(a.titleVector, b.titleVector),
    entityOverlap: denominator ? Math.min(1, sharedEntityWeight / denominator) : 0,
    sharedAmounts: Math.min(2, sharedCount(a.amounts, b.amounts)),
    amountConflict: a.money.length && b.money.length && !sharedCount(a.money, b.money) ? 1 : 0,
    titleEntityOverlap: titleMin ? sharedCount(a.titleEntities, b.titleEntities) / titleMin : 0,
    productConflict: a.products.length && b.products.length && !sharedCount(a.products, b.products) ? 1 : 0,
    nearCopy: compareShingles ? estimateJaccard(a.signature, b.signature) : 0,
  };
}

/**
 * `sameEventProbability(pairSignals(a, b, compareShingles), weights)` without building the signals: what the
 * clusterer calls for every candidate pair. Returns `nearCopyScore` when the shingle estimate says "copy".
 */
export function pairProbability(a: PreparedItem, b: PreparedItem, compareShingles: boolean, weights: Weights): number {
  const nearCopy = compareShingles ? estimateJaccard(a.signature, b.signature) : 0;
  if (nearCopy >= nearCopyCutoff) return nearCopyScore;
  const denominator = Math.min(a.entityTotal, b.entityTotal);
  const titleMin = Math.min(a.titleEntities.length, b.titleEntities.length);
  let z = weights.bias;
  z += weights.cosine * dot(a.vector, b.vector);
  z += weights.titleCosine * dot(a.titleVector, b.titleVector);
  z += weights.entityOverlap * (denominator ? Math.min(1, sharedWeight(a.entities, b.entities) / denominator) : 0);
  z += weights.sharedAmounts * Math.min(2, sharedCount(a.amounts, b.amounts));
  z += weights.amountConflict * (a.money.length && b.money.length && !sharedCount(a.money, b.money) ? 1 : 0);
  z += weights.titleEntityOverlap * (titleMin ? sharedCount(a.titleEntities, b.titleEntities) / titleMin : 0);
  z +=
    weights.productConflict * (a.products.length && b.products.length && !sharedCount(a.products, b.products) ? 1 : 0);
  z += weights.nearCopy * nearCopy;
  return 1 / (1 + Math.exp(-z));
}

/** Estimated shingle Jaccard from which two items are copies of one text. */
export const nearCopyCutoff = 0.5;
/** What `pairProbability` returns for a near-copy: above any probability. */
export const nearCopyScore = 2;

/** Rarity of an entity in the corpus, capped: a very rare name should not outweigh everything else. */
export function entityWeight(id: number, stats: TermStats): number {
  return Math.min(3, stats.idf(id));
}

const keep = 32;
const indexed = 12;

/** Prepares an item: TF-IDF weights (sub-linear term frequency), the strongest terms kept, L2-normalised. */
export function prepare(item: ItemFeatures, stats: TermStats): PreparedItem {
  const termCount = item.terms.length;
  const n = termCount + item.entities.length;
  const ids = new Int32Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < termCount; i += 1) {
    const id = item.terms[i] as number;
    ids[i] = id;
    weights[i] = (1 + Math.log(item.termCounts[i] as number)) * stats.idf(id);
  }
  const entityWeights = new Float64Array(item.entities.length);
  let entityTotal = 0;
  for (let i = 0; i < item.entities.length; i += 1) {
    const id = item.entities[i] as number;
    ids[termCount + i] = id;
    weights[termCount + i] = stats.idf(id);
    const weight = entityWeight(id, stats);
    entityWeights[i] = weight;
    entityTotal += weight;
  }
  // The strongest terms, heaviest first (ties in input order): a stable insertion into a short list.
  const kept = Math.min(keep, n);
  const strongest = new Int32Array(kept);
  let size = 0;
  for (let i = 0; i < n; i += 1) {
    const w = weights[i] as number;
    if (size === kept && w <= (weights[strongest[size - 1] as number] as number)) continue;
    let at = size < kept ? size++ : size - 1;
    while (at > 0 && (weights[strongest[at - 1] as number] as number) < w) {
      strongest[at] = strongest[at - 1] as number;
      at -= 1;
    }
    strongest[at] = i;
  }
  const topTerms = new Int32Array(Math.min(indexed, kept));
  for (let i = 0; i < topTerms.length; i += 1) topTerms[i] = ids[strongest[i] as number] as number;
  const vectorIds = new Int32Array(kept);
  const vectorWeights = new Float64Array(kept);
  for (let i = 0; i < kept; i += 1) {
    vectorIds[i] = ids[strongest[i] as number] as number;
    vectorWeights[i] = weights[strongest[i] as number] as number;
  }
  const titleWeights = new Float64Array(item.titleTerms.length);
  for (let i = 0; i < titleWeights.length; i += 1) titleWeights[i] = stats.idf(item.titleTerms[i] as number);
  return {
    id: item.id,
    title: item.title,
    time: item.time,
    vector: sparse(vectorIds, vectorWeights, true),
    titleVector: sparse(item.titleTerms, titleWeights, true),
    entities: { ids: item.entities, weights: entityWeights },
    entityTotal,
    titleEntities: item.titleEntities,
    amounts: item.amounts,
    money: item.money,
    products: item.products,
    signature: item.signature,
    topTerms,
  };
}

/**
 * Ids sorted ascending with their weights (the larger weight where an id repeats), optionally L2-normalised. The
 * inputs are short (at most 32 terms) and often sorted already, so an insertion sort in place does it.
 */
function sparse(ids: Int32Array, weights: Float64Array, normalise: boolean): Sparse {
  const length = ids.length;
  const outIds = new Int32Array(length);
  const outWeights = new Float64Array(length);
  let size = 0;
  for (let i = 0; i < length; i += 1) {
    const id = ids[i] as number;
    const w = weights[i] as number;
    let at = size;
    while (at > 0 && (outIds[at - 1] as number) > id) at -= 1;
    if (at > 0 && outIds[at - 1] === id) {
      if (w > (outWeights[at - 1] as number)) outWeights[at - 1] = w;
      continue;
    }
    outIds.copyWithin(at + 1, at, size);
    outWeights.copyWithin(at + 1, at, size);
    outIds[at] = id;
    outWeights[at] = w;
    size += 1;
  }
  let norm = 0;
  for (let i = 0; i < size; i += 1) norm += (outWeights[i] as number) ** 2;
  norm = normalise ? Math.sqrt(norm) || 1 : 1;
  for (let i = 0; i < size; i += 1) outWeights[i] = (outWeights[i] as number) / norm;
  return size === length
    ? { ids: outIds, weights: outWeights }
    : { ids: outIds.slice(0, size), weights: outWeights.slice(0, size) };
}

/** Dot product of two sparse vectors: a merge of their sorted ids. */
export function dot(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

/** Sum of a's weights over the ids both have. */
function sharedWeight(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      sum += a.weights[i] as number;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n += 1;
      i += 1;
      j += 1;
    } else if ((a[i] as number) < (b[j] as number)) i += 1;
    else j += 1;
  }
  return n;
}
