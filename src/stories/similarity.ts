import type { TermStats } from "./clusterer.ts";
import type { ItemFeatures } from "./features.ts";
import { estimateJaccard } from "./minhash.ts";

/** Terms and keys as small integers, so comparisons are merges of sorted arrays instead of string look-ups. */
export class Interner {
  readonly #ids = new Map<string, number>();

  id(key: string): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(key, id);
    }
    return id;
  }

  has(key: string): number | undefined {
    return this.#ids.get(key);
  }
}

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
export function entityWeight(key: string, stats: TermStats): number {
  return Math.min(3, stats.idf(key));
}

const keep = 32;
const indexed = 12;

/** Prepares an item: TF-IDF weights (sub-linear term frequency), the strongest terms kept, everything interned. */
export function prepare(item: ItemFeatures, stats: TermStats, interner: Interner): PreparedItem {
  const weights: Array<[string, number]> = [];
  for (const [term, count] of item.counts) weights.push([term, (1 + Math.log(count)) * stats.idf(term)]);
  for (const key of item.entityKeys) weights.push([key, stats.idf(key)]);
  weights.sort((x, y) => y[1] - x[1]);
  const strongest = weights.slice(0, keep);
  const entityPairs: Array<[string, number]> = [...item.entityKeys].map((key) => [key, entityWeight(key, stats)]);
  let entityTotal = 0;
  for (const [, w] of entityPairs) entityTotal += w;
  const ids = (keys: Iterable<string>) => Int32Array.from([...keys].map((k) => interner.id(k))).sort();
  return {
    id: item.id,
    title: item.title,
    time: item.time,
    vector: sparse(strongest, interner, true),
    titleVector: sparse(
      item.titleTerms.map((term) => [term, stats.idf(term)]),
      interner,
      true,
    ),
    entities: sparse(entityPairs, interner, false),
    entityTotal,
    titleEntities: ids(item.titleEntityKeys),
    amounts: ids(item.amountKeys),
    money: ids([...item.amountKeys].filter((k) => k.startsWith("money:"))),
    products: ids([...item.entityKeys].filter((k) => k.startsWith("product:"))),
    signature: item.signature,
    topTerms: Int32Array.from(strongest.slice(0, indexed).map(([term]) => interner.id(term))),
  };
}

function sparse(pairs: Array<[string, number]>, interner: Interner, normalise: boolean): Sparse {
  const merged = new Map<number, number>();
  for (const [key, weight] of pairs) {
    const id = interner.id(key);
    merged.set(id, Math.max(merged.get(id) ?? 0, weight));
  }
  const entries = [...merged.entries()].sort((x, y) => x[0] - y[0]);
  let norm = 0;
  for (const [, w] of entries) norm += w * w;
  norm = normalise ? Math.sqrt(norm) || 1 : 1;
  return {
    ids: Int32Array.from(entries.map(([id]) => id)),
    weights: Float64Array.from(entries.map(([, w]) => w / norm)),
  };
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
