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

/** Rarity of an entity in the corpus, capped: a very rare name should not outweigh everything else. */
export function entityWeight(id: number, stats: TermStats): number {
  return Math.min(3, stats.idf(id));
}

const keep = 32;
const indexed = 12;

/** Prepares an item: TF-IDF weights (sub-linear term frequency), the strongest terms kept, L2-normalised. */
export function prepare(item: ItemFeatures, stats: TermStats): PreparedItem {
  const n = item.terms.length + item.entities.length;
  const ids = new Int32Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < item.terms.length; i += 1) {
    const id = item.terms[i] as number;
    ids[i] = id;
    weights[i] = (1 + Math.log(item.termCounts[i] as number)) * stats.idf(id);
  }
  for (let i = 0; i < item.entities.length; i += 1) {
    const id = item.entities[i] as number;
    ids[item.terms.length + i] = id;
    weights[item.terms.length + i] = stats.idf(id);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (weights[b] as number) - (weights[a] as number));
  const strongest = order.slice(0, keep);
  const entityWeights = Float64Array.from(item.entities, (id) => entityWeight(id, stats));
  let entityTotal = 0;
  for (const w of entityWeights) entityTotal += w;
  return {
    id: item.id,
    title: item.title,
    time: item.time,
    vector: sparse(
      strongest.map((i) => ids[i] as number),
      strongest.map((i) => weights[i] as number),
      true,
    ),
    titleVector: sparse(
      Array.from(item.titleTerms),
      Array.from(item.titleTerms, (id) => stats.idf(id)),
      true,
    ),
    entities: { ids: item.entities, weights: entityWeights },
    entityTotal,
    titleEntities: item.titleEntities,
    amounts: item.amounts,
    money: item.money,
    products: item.products,
    signature: item.signature,
    topTerms: Int32Array.from(strongest.slice(0, indexed), (i) => ids[i] as number),
  };
}

/** Ids sorted ascending with their weights (the larger weight where an id repeats), optionally L2-normalised. */
function sparse(ids: number[], weights: number[], normalise: boolean): Sparse {
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] as number) - (ids[b] as number));
  const outIds: number[] = [];
  const outWeights: number[] = [];
  for (const i of order) {
    const id = ids[i] as number;
    const w = weights[i] as number;
    if (outIds.length && outIds[outIds.length - 1] === id) {
      outWeights[outWeights.length - 1] = Math.max(outWeights[outWeights.length - 1] as number, w);
    } else {
      outIds.push(id);
      outWeights.push(w);
    }
  }
  let norm = 0;
  for (const w of outWeights) norm += w * w;
  norm = normalise ? Math.sqrt(norm) || 1 : 1;
  return { ids: Int32Array.from(outIds), weights: Float64Array.from(outWeights, (w) => w / norm) };
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
