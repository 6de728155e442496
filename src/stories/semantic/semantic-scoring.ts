import {
  emptySignals,
  nearCopyCutoff,
  nearCopyScore,
  type PreparedItem,
  type Signals,
  sameEventProbability,
  signalNames,
  signalsInto,
  type Weights,
} from "../similarity.ts";

/** The pair model with embedding similarity as one more signal: every weight refitted with it. */
export type SemanticWeights = Weights & { embedding: number };

/**
 * Weights of the pair model over the lexical signals and `embedding`, fitted by `scripts/eval-semantic.ts --fit` on
 * the pairs of both development corpora (test/eval/fixtures/corpus/a and b) with the embeddings stand-in
 * (bench/lib/embeddings-standin.ts). The embedding signal is standardised against each run's background (below), so
 * its weight carries over to a real model whose cosines sit in another range; a real model separates events better
 * than the stand-in, so it earns more from the same weight. Refitted with every lexical signal of `defaultWeights`
 * (the same script's cross-validation fits both sets per fold: docs/stories.md).
 */
export const semanticWeights: SemanticWeights = {
  bias: 2.05,
  cosine: 11.08,
  titleCosine: 2.02,
  entityOverlap: 2.47,
  sharedAmounts: 2.98,
  amountConflict: -0.9,
  titleEntityOverlap: -1.96,
  productConflict: 1.22,
  nearCopy: 0.09,
  titleRareShared: 2.5,
  timeApart: -3.23,
  titleEntityConflict: -1.19,
  titleNamesMissing: -1.76,
  bothFull: -3.51,
  fullCosine: 4.24,
  embedding: 0.87,
};

/**
 * How a run's embeddings compare when items are unrelated: the mean and spread of the cosines of a fixed sample of
 * item pairs (nearly all pairs of a day's coverage are different events). Models differ in where their cosines sit
 * (one gives unrelated texts 0.1, another 0.7); measured against this, a pair's cosine means the same for any model.
 */
export type Background = { mean: number; spread: number };

/** Fewest vectors a background is measured on; with fewer, the run clusters lexically. */
export const minBackgroundItems = 8;
/** Pairs sampled for the background: enough for a stable mean and spread, cheap at any batch size. */
const backgroundPairs = 4000;
/** Least spread: a batch of near-identical texts must not turn every small difference into strong evidence. */
const minSpread = 0.02;
/** The standardised signal is clamped: a pair far above the background is a match, however far. */
const signalRange = [-4, 12] as const;

/** Cosine of two L2-normalised vectors of one length. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += (a[i] as number) * (b[i] as number);
  return dot;
}

/** The background of a set of vectors (deterministic sample), or null when there are too few of one length. */
export function backgroundOf(vectors: Float32Array[]): Background | null {
  const length = vectors[0]?.length ?? 0;
  const usable = vectors.filter((v) => v.length === length && length > 0);
  const n = usable.length;
  if (n < minBackgroundItems) return null;
  // Pairs (i, i + step·k mod n): every item takes part, none twice with the same partner.
  const perItem = Math.max(1, Math.min(n - 1, Math.ceil(backgroundPairs / n)));
  const step = Math.max(1, Math.floor((n - 1) / perItem));
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let i = 0; i < n; i += 1) {
    for (let k = 1; k <= perItem; k += 1) {
      const j = (i + k * step) % n;
      if (j === i) continue;
      const c = cosine(usable[i] as Float32Array, usable[j] as Float32Array);
      sum += c;
      squares += c * c;
      count += 1;
    }
  }
  const mean = sum / count;
  const spread = Math.max(minSpread, Math.sqrt(Math.max(0, squares / count - mean * mean)));
  return { mean, spread };
}

/** A pair's embedding signal: its cosine in background spreads above the background mean, clamped. */
export function embeddingSignal(similarity: number, background: Background): number {
  const z = (similarity - background.mean) / background.spread;
  return Math.min(signalRange[1], Math.max(signalRange[0], z));
}

/** What the clusterer needs to score pairs with embeddings: unit vectors by item id, their background, weights. */
export type SemanticScoring = {
  vectors: ReadonlyMap<string, Float32Array>;
  background: Background;
  weights: SemanticWeights;
};

const scratch: Signals = emptySignals();

/**
 * `pairProbability` with embeddings: when both items have a vector, the semantic model (lexical signals plus the
 * embedding signal); otherwise exactly the lexical model with its own weights.
 */
export function semanticPairProbability(
  a: PreparedItem,
  b: PreparedItem,
  compareShingles: boolean,
  lexical: Weights,
  semantic: SemanticScoring,
): number {
  const signals = signalsInto(a, b, compareShingles, scratch);
  if (signals.nearCopy >= nearCopyCutoff) return nearCopyScore;
  const x = semantic.vectors.get(a.id);
  const y = semantic.vectors.get(b.id);
  if (!x || !y || x.length !== y.length) return sameEventProbability(signals, lexical);
  const w = semantic.weights;
  let z = w.bias + w.embedding * embeddingSignal(cosine(x, y), semantic.background);
  for (const name of signalNames) z += w[name] * signals[name];
  return 1 / (1 + Math.exp(-z));
}
