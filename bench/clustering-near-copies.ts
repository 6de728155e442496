/**
 * Near-copy detection two ways on the same items: the exact baseline (every pair's Jaccard similarity of word
 * shingles) and ours (MinHash signatures, LSH buckets, estimated Jaccard), with how far the two agree.
 */
import { clusterItems } from "../src/stories/cluster-items.ts";
import { lshBands, lshRows } from "../src/stories/clusterer.ts";
import type { ClusterInput } from "../src/stories/features.ts";
import { createMinHasher, estimateJaccard, LshIndex } from "../src/stories/minhash.ts";
import { extractEntities } from "../src/text/entities/extract-entities.ts";
import { newsCorpus } from "./lib/news-corpus.ts";

/** The near-copy threshold: `Clusterer` joins an item to a story when a member's estimated Jaccard reaches it. */
export const nearCopyThreshold = 0.5;
/** `Clusterer`'s LSH index shape, over the 64 bins of `createMinHasher()`. */
const bands = lshBands;
const rows = lshRows;
const shingle = 3;

export type Pair = { a: number; b: number };
export type Timed<T> = { value: T; cpuMs: number; wallMs: number };

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

export function timed<T>(run: () => T): Timed<T> {
  const wall = performance.now();
  const cpu = cpuNow();
  const value = run();
  return { value, cpuMs: cpuNow() - cpu, wallMs: performance.now() - wall };
}

/** The words `itemFeatures` gives the MinHasher: the text's first 400 words, or title and text when that is short. */
export function signatureWords(item: ClusterInput): string[] {
  const words = (item.text ?? "").toLowerCase().split(/\s+/).slice(0, 400);
  return words.length >= 8 ? words : `${item.title} ${item.text}`.toLowerCase().split(/\s+/);
}

/**
 * The set MinHash estimates the Jaccard similarity of: every run of three words, hashed with the same FNV-1a as
 * `createMinHasher`, sorted and deduplicated. Comparing these sets is exact for MinHash's purposes (it never sees
 * the words, only these hashes), and much faster than comparing sets of strings.
 */
export function shingleSet(words: string[]): Uint32Array {
  const count = Math.max(1, words.length - shingle + 1);
  const hashes = new Uint32Array(count);
  for (let s = 0; s < count; s += 1) {
    let h = 0x811c9dc5;
    for (let w = s; w < Math.min(words.length, s + shingle); w += 1) {
      const word = words[w] as string;
      for (let c = 0; c < word.length; c += 1) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193) >>> 0;
      h = Math.imul(h ^ 32, 0x01000193) >>> 0;
    }
    hashes[s] = h;
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i += 1)
    if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i] as number;
  return hashes.slice(0, unique);
}

/** Exact Jaccard similarity of two sorted sets, by one merge. */
export function jaccard(x: Uint32Array, y: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
  return shared / (x.length + y.length - shared);
}

export type Exact = { sets: Uint32Array[]; similar: Map<string, number>; comparisons: number };

/** The baseline: shingle every item, then compare every pair exactly; keeps the pairs at or above the threshold. */
export function allPairs(words: string[][]): Exact {
  const sets = words.map(shingleSet);
  const similar = new Map<string, number>();
  for (let a = 0; a < sets.length; a += 1) {
    const x = sets[a] as Uint32Array;
    for (let b = a + 1; b < sets.length; b += 1) {
      const value = jaccard(x, sets[b] as Uint32Array);
      if (value >= nearCopyThreshold) similar.set(`${a}:${b}`, value);
    }
  }
  return { sets, similar, comparisons: (sets.length * (sets.length - 1)) / 2 };
}

/** Ours: signatures, LSH candidates among the earlier items, then the estimate checked against the threshold. */
export function lshPairs(words: string[][]): { found: Set<string>; candidates: Set<string>; signaturesCpuMs: number } {
  const hasher = createMinHasher();
  const index = new LshIndex<number>(bands, rows);
  const { value: signatures, cpuMs: signaturesCpuMs } = timed(() => words.map((w) => hasher.signature(w)));
  const found = new Set<string>();
  const candidates = new Set<string>();
  signatures.forEach((signature, b) => {
    for (const a of index.query(signature)) {
      candidates.add(`${a}:${b}`);
      if (estimateJaccard(signatures[a] as Uint32Array, signature) >= nearCopyThreshold) found.add(`${a}:${b}`);
    }
    index.add(signature, b);
  });
  return { found, candidates, signaturesCpuMs };
}

export type Agreement = {
  exactPairs: number;
  found: number;
  recall: number;
  /** Recall among LSH candidates alone, before the estimate is checked. */
  candidateRecall: number;
  candidates: number;
  /** Found pairs whose exact similarity is below the threshold, and the lowest such similarity. */
  falsePositives: number;
  lowestFalsePositive: number | null;
  /** Recall per band of exact similarity: [0.5, 0.6), [0.6, 0.8), [0.8, 1]. */
  bands: Array<{ label: string; pairs: number; found: number }>;
};

/** How far ours agrees with the exact baseline on the pairs at or above the near-copy threshold. */
export function agreement(exact: Exact, ours: { found: Set<string>; candidates: Set<string> }): Agreement {
  const truth = [...exact.similar];
  const hit = truth.filter(([key]) => ours.found.has(key)).length;
  const exactOf = (key: string) => {
    const [a, b] = key.split(":").map(Number) as [number, number];
    return jaccard(exact.sets[a] as Uint32Array, exact.sets[b] as Uint32Array);
  };
  const lows = [...ours.found].filter((key) => !exact.similar.has(key)).map(exactOf);
  const band = (label: string, low: number, high: number) => {
    const pairs = truth.filter(([, j]) => j >= low && j < high);
    return { label, pairs: pairs.length, found: pairs.filter(([key]) => ours.found.has(key)).length };
  };
  return {
    exactPairs: truth.length,
    found: ours.found.size,
    recall: truth.length ? hit / truth.length : 1,
    candidateRecall: truth.length ? truth.filter(([key]) => ours.candidates.has(key)).length / truth.length : 1,
    candidates: ours.candidates.size,
    falsePositives: lows.length,
    lowestFalsePositive: lows.length ? Math.min(...lows) : null,
    bands: [band("0.5–0.6", 0.5, 0.6), band("0.6–0.8", 0.6, 0.8), band("0.8–1", 0.8, 1.01)],
  };
}

export type Baseline = {
  items: number;
  exact: { cpuMs: number; wallMs: number; comparisons: number };
  lsh: { cpuMs: number; wallMs: number; signaturesCpuMs: number };
  clustering: { cpuMs: number; wallMs: number; sameStory: number };
  agreement: Agreement;
};

/** The exact all-pairs baseline, ours, and full clustering, on the same items in this process. */
export function nearCopyBaseline(items: number): Baseline {
  const corpus = newsCorpus({ items });
  const words = corpus.map(signatureWords);
  const warm = words.slice(0, 200);
  allPairs(warm);
  lshPairs(warm);
  const exact = timed(() => allPairs(words));
  const ours = timed(() => lshPairs(words));
  const stories = timed(() => clusterItems(corpus, { entities: extractEntities }));
  const storyOf = new Map<string, number>();
  stories.value.forEach((story, index) => {
    for (const id of story.itemIds) storyOf.set(id, index);
  });
  const pairs = [...exact.value.similar.keys()].map((key) => key.split(":").map(Number) as [number, number]);
  const together = pairs.filter(([a, b]) => storyOf.get(corpus[a]?.id ?? "") === storyOf.get(corpus[b]?.id ?? ""));
  return {
    items,
    exact: { cpuMs: exact.cpuMs, wallMs: exact.wallMs, comparisons: exact.value.comparisons },
    lsh: { cpuMs: ours.cpuMs, wallMs: ours.wallMs, signaturesCpuMs: ours.value.signaturesCpuMs },
    clustering: {
      cpuMs: stories.cpuMs,
      wallMs: stories.wallMs,
      sameStory: pairs.length ? together.length / pairs.length : 1,
    },
    agreement: agreement(exact.value, ours.value),
  };
}
