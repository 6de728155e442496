import type { TermStats } from "./clusterer.ts";
import type { ItemFeatures } from "./features.ts";
import { offerTop } from "./top.ts";

export { Interner } from "./intern.ts";

/** A sparse, L2-normalised vector: term ids ascending, with their weights. */
export type Sparse = { ids: Int32Array; weights: Float64Array };

/**
 * An item ready for comparison: only what scoring reads, packed in two arrays — a member of a story keeps nothing
 * else (no text, no entity list), and scoring a pair reads a few contiguous blocks of memory instead of two dozen
 * small arrays. Sections of `ids`, each from its `…At` offset to the next section's; the first three have their
 * weights at the same positions of `weights`:
 *
 * - `vectorAt`: TF-IDF of title and lead (the strongest terms, sub-linear term frequency, L2-normalised), ids
 *   ascending;
 * - `titleAt`: the same for the title alone;
 * - `entitiesAt`: entity ids ascending, weighted by rarity (capped);
 * - `titleEntitiesAt`, `amountsAt`, `moneyAt`, `productsAt`: ids ascending;
 * - `signatureAt`: the MinHash signature (as signed integers), to the end of `ids`.
 */
export type PreparedItem = {
  id: string;
  title: string;
  time: number;
  /** `ItemFeatures.fullness`: how much of a full lead the item gives. */
  fullness: number;
  ids: Int32Array;
  weights: Float64Array;
  vectorAt: number;
  titleAt: number;
  entitiesAt: number;
  titleEntitiesAt: number;
  amountsAt: number;
  moneyAt: number;
  productsAt: number;
  signatureAt: number;
  entityTotal: number;
  /** What the title section's weights were divided by, over the corpus's heaviest weight: title weights times this are rarities in 0..1. */
  titleScale: number;
  /** The strongest term ids, for the inverted index. */
  topTerms: Int32Array;
};

/** A weighted section of a prepared item as a sparse vector (copies): for tests and reports. */
export function sparseAt(item: PreparedItem, from: number, to: number): Sparse {
  return { ids: item.ids.slice(from, to), weights: item.weights.slice(from, to) };
}

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
  /**
   * Rarity (idf over the most a term can weigh) of the rarest word both titles use: a product name or a place few
   * items mention ("Grok", "Magdeburg") says more than a company every day's news names.
   */
  titleRareShared: number;
  /**
   * Time between the two, as a share of three days (capped at 1): a follow-up days later is less often the same
   * event than two reports of the same morning, whatever their words.
   */
  timeApart: number;
  /**
   * 1 when both titles name someone or something (a company, person, product, place) and no name is in both:
   * "Google signs a reactor deal" and "Amazon backs X-energy" are two events of one week's theme.
   */
  titleEntityConflict: number;
  /**
   * Share of the names in the two titles that the other item does not name at all (title or lead): one company's
   * two events of a week differ in who else they are about — "Snowflake and Anthropic sign a $200M deal" and
   * "Anthropic buys Bun" share Anthropic, but no report of the one names Snowflake — while reports of one event
   * name its parties, in the title or in the lead.
   */
  titleNamesMissing: number;
  /** The smaller fullness of the two (0..1): 1 when both are full texts rather than feed summaries. */
  bothFull: number;
  /**
   * `cosine` times `bothFull`: with a weight of its own, words in common count for more, and their absence against
   * more, when both items are full texts (two articles sharing only a company name are two events).
   */
  fullCosine: number;
};

/**
 * Weights of a logistic model over the signals, fitted by `scripts/train-cluster-model.ts --fit` on every pair
 * (within a week) of the two development corpora, test/eval/fixtures/corpus/{a,b} (1,123 items, 357 events).
 * Their quality is measured only on data they were not fitted on: 5-fold cross-validation grouped by event, each
 * corpus fitted alone and scored on the other, and the hand-written evaluation set and demo corpus, which the fit
 * never sees (docs/stories.md).
 */
export const defaultWeights = {
  bias: 1.77,
  cosine: 13.71,
  titleCosine: 2.22,
  entityOverlap: 2.44,
  sharedAmounts: 3.25,
  amountConflict: -0.89,
  titleEntityOverlap: -1.71,
  productConflict: 1.23,
  nearCopy: 0.25,
  titleRareShared: 2.83,
  timeApart: -3.2,
  titleEntityConflict: -1.03,
  titleNamesMissing: -1.78,
  bothFull: -2.78,
  fullCosine: 5.41,
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
  "titleRareShared",
  "timeApart",
  "titleEntityConflict",
  "titleNamesMissing",
  "bothFull",
  "fullCosine",
] as const;

export function sameEventProbability(signals: Signals, weights: Weights = defaultWeights): number {
  let z = weights.bias;
  for (const name of signalNames) z += weights[name] * signals[name];
  return 1 / (1 + Math.exp(-z));
}

/** The signals of a pair of items; `compareShingles` false skips the near-copy estimate (it reads 0). */
export function pairSignals(a: PreparedItem, b: PreparedItem, compareShingles = true): Signals {
  return signalsInto(a, b, compareShingles, emptySignals());
}

/** A signals record of zeros, to fill with `signalsInto` (one per caller that reuses it). */
export const emptySignals = (): Signals => ({
  cosine: 0,
  titleCosine: 0,
  entityOverlap: 0,
  sharedAmounts: 0,
  amountConflict: 0,
  titleEntityOverlap: 0,
  productConflict: 0,
  nearCopy: 0,
  titleRareShared: 0,
  timeApart: 0,
  titleEntityConflict: 0,
  titleNamesMissing: 0,
  bothFull: 0,
  fullCosine: 0,
});

/** The one pair scorer: fills `out` with the signals of a pair and returns it (reuse `out`: no allocation). */
export function signalsInto(a: PreparedItem, b: PreparedItem, compareShingles: boolean, out: Signals): Signals {
  const x = a.ids;
  const y = b.ids;
  const xw = a.weights;
  const yw = b.weights;
  const denominator = Math.min(a.entityTotal, b.entityTotal);
  const titleMin = Math.min(a.amountsAt - a.titleEntitiesAt, b.amountsAt - b.titleEntitiesAt);
  const moneyBoth = a.productsAt > a.moneyAt && b.productsAt > b.moneyAt;
  const productsBoth = a.signatureAt > a.productsAt && b.signatureAt > b.productsAt;
  out.nearCopy = compareShingles ? sameShare(x, a.signatureAt, y, b.signatureAt) : 0;
  out.cosine = weightedShared(x, xw, a.vectorAt, a.titleAt, y, yw, b.vectorAt, b.titleAt, true);
  out.titleCosine = weightedShared(x, xw, a.titleAt, a.entitiesAt, y, yw, b.titleAt, b.entitiesAt, true);
  out.entityOverlap = denominator
    ? Math.min(
        1,
        weightedShared(x, xw, a.entitiesAt, a.titleEntitiesAt, y, yw, b.entitiesAt, b.titleEntitiesAt, false) /
          denominator,
      )
    : 0;
  out.sharedAmounts = Math.min(2, sharedCount(x, a.amountsAt, a.moneyAt, y, b.amountsAt, b.moneyAt));
  out.amountConflict = moneyBoth && !sharedCount(x, a.moneyAt, a.productsAt, y, b.moneyAt, b.productsAt) ? 1 : 0;
  const titleShared = titleMin ? sharedCount(x, a.titleEntitiesAt, a.amountsAt, y, b.titleEntitiesAt, b.amountsAt) : 0;
  out.titleEntityOverlap = titleMin ? titleShared / titleMin : 0;
  out.titleEntityConflict = titleMin && !titleShared ? 1 : 0;
  const titleNames = a.amountsAt - a.titleEntitiesAt + b.amountsAt - b.titleEntitiesAt;
  out.titleNamesMissing = titleNames
    ? 1 -
      (sharedCount(x, a.titleEntitiesAt, a.amountsAt, y, b.entitiesAt, b.titleEntitiesAt) +
        sharedCount(y, b.titleEntitiesAt, b.amountsAt, x, a.entitiesAt, a.titleEntitiesAt)) /
        titleNames
    : 0;
  out.productConflict =
    productsBoth && !sharedCount(x, a.productsAt, a.signatureAt, y, b.productsAt, b.signatureAt) ? 1 : 0;
  out.titleRareShared = heaviestShared(x, xw, a.titleAt, a.entitiesAt, y, b.titleAt, b.entitiesAt) * a.titleScale;
  out.bothFull = Math.min(a.fullness, b.fullness);
  out.fullCosine = out.cosine * out.bothFull;
  out.timeApart = a.time && b.time ? Math.min(1, Math.abs(a.time - b.time) / timeApartScale) : 0;
  return out;
}

/** Reused by `pairProbability`: the clusterer scores pairs one at a time. */
const scratchSignals = emptySignals();

/**
 * The probability that two items report the same event (`sameEventProbability` of their signals): what the
 * clusterer calls for every candidate pair. Returns `nearCopyScore` when the shingle estimate says "copy".
 */
export function pairProbability(a: PreparedItem, b: PreparedItem, compareShingles: boolean, weights: Weights): number {
  const signals = signalsInto(a, b, compareShingles, scratchSignals);
  if (signals.nearCopy >= nearCopyCutoff) return nearCopyScore;
  return sameEventProbability(signals, weights);
}

/** Three days: the clusterer's window, over which `timeApart` goes from 0 to 1. */
const timeApartScale = 72 * 3_600_000;

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
  if (scratchIds.length < n) {
    scratchIds = new Int32Array(n * 2);
    scratchWeights = new Float64Array(n * 2);
  }
  const ids = scratchIds;
  const weights = scratchWeights;
  for (let i = 0; i < termCount; i += 1) {
    const id = item.terms[i] as number;
    ids[i] = id;
    weights[i] = (1 + Math.log(item.termCounts[i] as number)) * stats.idf(id);
  }
  for (let i = 0; i < item.entities.length; i += 1) {
    const id = item.entities[i] as number;
    ids[termCount + i] = id;
    weights[termCount + i] = stats.idf(id);
  }
  // The strongest terms, heaviest first (ties in input order).
  const kept = Math.min(keep, n);
  const strongest = scratchStrongest.subarray(0, kept);
  let size = 0;
  for (let i = 0; i < n; i += 1) size = offerTop(strongest, size, i, weights);
  const topTerms = new Int32Array(Math.min(indexed, kept));
  for (let i = 0; i < topTerms.length; i += 1) topTerms[i] = ids[strongest[i] as number] as number;

  const titleCount = item.titleTerms.length;
  const entityCount = item.entities.length;
  const vectorAt = 0;
  const titleAt = vectorAt + kept;
  const entitiesAt = titleAt + titleCount;
  const titleEntitiesAt = entitiesAt + entityCount;
  const amountsAt = titleEntitiesAt + item.titleEntities.length;
  const moneyAt = amountsAt + item.amounts.length;
  const productsAt = moneyAt + item.money.length;
  const signatureAt = productsAt + item.products.length;
  const outIds = new Int32Array(signatureAt + item.signature.length);
  const outWeights = new Float64Array(titleEntitiesAt);
  for (let i = 0; i < kept; i += 1) {
    outIds[vectorAt + i] = ids[strongest[i] as number] as number;
    outWeights[vectorAt + i] = weights[strongest[i] as number] as number;
  }
  const vectorSize = sortSparse(outIds, outWeights, vectorAt, kept, true);
  for (let i = 0; i < titleCount; i += 1) {
    outIds[titleAt + i] = item.titleTerms[i] as number;
    outWeights[titleAt + i] = stats.idf(item.titleTerms[i] as number);
  }
  const titleSize = sortSparse(outIds, outWeights, titleAt, titleCount, false);
  let titleNorm = 0;
  for (let i = 0; i < titleSize; i += 1) titleNorm += (outWeights[titleAt + i] as number) ** 2;
  titleNorm = Math.sqrt(titleNorm) || 1;
  for (let i = 0; i < titleSize; i += 1) outWeights[titleAt + i] = (outWeights[titleAt + i] as number) / titleNorm;
  let entityTotal = 0;
  for (let i = 0; i < entityCount; i += 1) {
    const id = item.entities[i] as number;
    const weight = entityWeight(id, stats);
    outIds[entitiesAt + i] = id;
    outWeights[entitiesAt + i] = weight;
    entityTotal += weight;
  }
  outIds.set(item.titleEntities, titleEntitiesAt);
  outIds.set(item.amounts, amountsAt);
  outIds.set(item.money, moneyAt);
  outIds.set(item.products, productsAt);
  outIds.set(item.signature, signatureAt);
  // Repeated ids (none in practice: terms and entity keys never meet) leave the vector shorter; its section keeps
  // its place, padded with id -1 at weight 0 at the front, so every offset stays put.
  if (vectorSize < kept) padSparse(outIds, outWeights, vectorAt, kept, vectorSize);
  return {
    id: item.id,
    title: item.title,
    time: item.time,
    fullness: item.fullness,
    ids: outIds,
    weights: outWeights,
    vectorAt,
    titleAt,
    entitiesAt,
    titleEntitiesAt,
    amountsAt,
    moneyAt,
    productsAt,
    signatureAt,
    entityTotal,
    titleScale: titleNorm / (stats.ceiling ?? titleNorm),
    topTerms,
  };
}

let scratchIds = new Int32Array(256);
let scratchWeights = new Float64Array(256);
const scratchStrongest = new Int32Array(keep);

/**
 * Sorts the `length` entries of a section at `from` by id, in place, keeping the larger weight of a repeated id,
 * and L2-normalises the weights; returns the number of distinct ids, which come first. Sections are short (at most
 * 32 terms) and often sorted already: an insertion sort.
 */
function sortSparse(ids: Int32Array, weights: Float64Array, from: number, length: number, normalise: boolean): number {
  let size = 0;
  for (let i = 0; i < length; i += 1) {
    const id = ids[from + i] as number;
    const weight = weights[from + i] as number;
    let at = size;
    while (at > 0 && (ids[from + at - 1] as number) > id) at -= 1;
    if (at > 0 && ids[from + at - 1] === id) {
      if (weight > (weights[from + at - 1] as number)) weights[from + at - 1] = weight;
      continue;
    }
    ids.copyWithin(from + at + 1, from + at, from + size);
    weights.copyWithin(from + at + 1, from + at, from + size);
    ids[from + at] = id;
    weights[from + at] = weight;
    size += 1;
  }
  let norm = 0;
  for (let i = 0; i < size; i += 1) norm += (weights[from + i] as number) ** 2;
  norm = normalise ? Math.sqrt(norm) || 1 : 1;
  for (let i = 0; i < size; i += 1) weights[from + i] = (weights[from + i] as number) / norm;
  return size;
}

/** Moves `size` sorted entries of a section of `length` to its end, with id -1 and weight 0 before them. */
function padSparse(ids: Int32Array, weights: Float64Array, from: number, length: number, size: number): void {
  const pad = length - size;
  ids.copyWithin(from + pad, from, from + size);
  weights.copyWithin(from + pad, from, from + size);
  ids.fill(-1, from, from + pad);
  weights.fill(0, from, from + pad);
}

/**
 * Over the ids two weighted sections have in common (`[from, to)` of each item's ids and weights): the sum of the
 * products of their weights (`both`), or of the first item's weights alone.
 */
function weightedShared(
  x: Int32Array,
  xw: Float64Array,
  xFrom: number,
  xTo: number,
  y: Int32Array,
  yw: Float64Array,
  yFrom: number,
  yTo: number,
  both: boolean,
): number {
  let i = xFrom;
  let j = yFrom;
  let sum = 0;
  while (i < xTo && j < yTo) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      sum += both ? (xw[i] as number) * (yw[j] as number) : (xw[i] as number);
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
  return sum;
}

/** The largest weight (of the first item's section) over the ids two sections have in common; 0 when none. */
function heaviestShared(
  x: Int32Array,
  xw: Float64Array,
  xFrom: number,
  xTo: number,
  y: Int32Array,
  yFrom: number,
  yTo: number,
): number {
  let i = xFrom;
  let j = yFrom;
  let most = 0;
  while (i < xTo && j < yTo) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      if ((xw[i] as number) > most) most = xw[i] as number;
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
  return most;
}

/** How many ids two sorted sections `[from, to)` have in common. */
function sharedCount(x: Int32Array, xFrom: number, xTo: number, y: Int32Array, yFrom: number, yTo: number): number {
  let i = xFrom;
  let j = yFrom;
  let n = 0;
  while (i < xTo && j < yTo) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      n += 1;
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
  return n;
}

/** Share of equal values in two signatures stored from `xFrom` and `yFrom` to the ends of their arrays. */
function sameShare(x: Int32Array, xFrom: number, y: Int32Array, yFrom: number): number {
  const length = x.length - xFrom;
  let same = 0;
  for (let k = 0; k < length; k += 1) if (x[xFrom + k] === y[yFrom + k]) same += 1;
  return length ? same / length : 0;
}
