/**
 * Cross-validation of the semantic help for clustering (embeddings and the LLM judge) against the lexical model,
 * on labelled corpora, with the stand-in servers: k folds grouped by event; each fold's weights — lexical, and
 * lexical plus the embedding signal — are fitted on the other folds' pairs only, every item is clustered (the other
 * folds stay in as the confusers real feeds have) and the fold's own pairs are scored, a test item merged with a
 * training item counting as a wrong merge. Used by scripts/eval-semantic.ts and bench/clustering-semantic.ts.
 */

import { ChatClient } from "../../src/editions/llm/chat-client.ts";
import type { Entity } from "../../src/model/entity.ts";
import { assignStories, documentFrequencies, groupExactDuplicates } from "../../src/stories/cluster-items.ts";
import { defaultThreshold } from "../../src/stories/clusterer.ts";
import { itemFeatures } from "../../src/stories/features.ts";
import { createMinHasher } from "../../src/stories/minhash.ts";
import { embedItems, MemoryEmbeddingCache } from "../../src/stories/semantic/embed-items.ts";
import { EmbeddingsClient } from "../../src/stories/semantic/embeddings-client.ts";
import { PairJudge } from "../../src/stories/semantic/judge.ts";
import { assignStoriesJudged, type JudgeBand } from "../../src/stories/semantic/judged-clustering.ts";
import {
  backgroundOf,
  cosine,
  embeddingSignal,
  type SemanticWeights,
} from "../../src/stories/semantic/semantic-scoring.ts";
import { Interner, pairSignals, prepare, signalNames, type Weights } from "../../src/stories/similarity.ts";
import { extractEntities } from "../../src/text/entities/extract-entities.ts";
import type { LabelledItem } from "../cluster-eval.ts";
import { fitLogistic, type Row } from "./fit-logistic.ts";

export type Variant = "lexical" | "lexical+judge" | "embeddings" | "embeddings+judge";

export type VariantScore = {
  variant: Variant;
  precision: number;
  recall: number;
  f1: number;
  /** Clustering time over all folds (the judge's questions included), milliseconds. */
  clusterMs: number;
  /** Judge questions asked over all folds (each fold is one run with its own cache and cap). */
  judgeAsked: number;
  judgeOverCap: number;
};

export type SemanticCvOptions = {
  embeddingsUrl: string;
  judgeUrl: string;
  /** Model names and key for real endpoints; the stand-ins accept any name. */
  embeddingsModel?: string;
  judgeModel?: string;
  apiKey?: string | null;
  k?: number;
  threshold?: number;
  band: JudgeBand;
  maxPairs: number;
  variants?: Variant[];
  entities?: (text: string) => Entity[];
};

export type SemanticCvResult = {
  scores: VariantScore[];
  /** Fetching every item's vector from the stand-in once (cold cache), milliseconds. */
  embedMs: number;
  items: number;
  /** The embedding weight fitted in each fold. */
  embeddingWeights: number[];
};

/** Pairs further apart than this are never compared by the clusterer; they teach the model nothing. */
const pairSpanMs = 7 * 86_400_000;
const semanticNames = [...signalNames, "embedding"] as const;

/** The fold of an event: a hash of its id (as in train-cluster-model.ts), so an event is never split. */
export function foldOf(event: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < event.length; i += 1) h = Math.imul(h ^ event.charCodeAt(i), 0x01000193);
  return (h >>> 0) % k;
}

/** Every pair within the span with its signals (lexical, then the embedding signal), and both items' ids. */
export function labelledPairs(
  items: LabelledItem[],
  vectors: ReadonlyMap<string, Float32Array>,
  entities: (text: string) => Entity[],
): Array<Row & { a: string; b: string }> {
  const { representatives } = groupExactDuplicates(items);
  const hasher = createMinHasher();
  const interner = new Interner();
  const features = representatives.map((item) => itemFeatures(item, { hasher, entities, interner }));
  const stats = documentFrequencies(features);
  const prepared = features.map((f) => prepare(f, stats));
  const background = backgroundOf([...vectors.values()]);
  const event = new Map(items.map((i) => [i.id, i.event]));
  const out: Array<Row & { a: string; b: string }> = [];
  for (let i = 0; i < prepared.length; i += 1) {
    for (let j = i + 1; j < prepared.length; j += 1) {
      const a = prepared[i] as (typeof prepared)[number];
      const b = prepared[j] as (typeof prepared)[number];
      if (Math.abs(a.time - b.time) > pairSpanMs) continue;
      const signals = pairSignals(a, b);
      const x = vectors.get(a.id);
      const y = vectors.get(b.id);
      const embedding = x && y && background ? embeddingSignal(cosine(x, y), background) : 0;
      out.push({
        x: [...signalNames.map((n) => signals[n]), embedding],
        same: event.get(a.id) === event.get(b.id),
        a: a.id,
        b: b.id,
      });
    }
  }
  return out;
}

/** Lexical and semantic weights fitted on pairs. */
export function fitBoth(rows: Row[]): { lexical: Weights; semantic: SemanticWeights } {
  const lexical = fitLogistic(
    rows.map((r) => ({ x: r.x.slice(0, signalNames.length), same: r.same })),
    signalNames,
  ) as Weights;
  const semantic = fitLogistic(rows, semanticNames) as SemanticWeights;
  return { lexical, semantic };
}

export async function semanticCrossValidation(
  items: LabelledItem[],
  options: SemanticCvOptions,
): Promise<SemanticCvResult> {
  const k = options.k ?? 5;
  const entities = options.entities ?? extractEntities;
  const threshold = options.threshold ?? defaultThreshold;
  const variants = options.variants ?? ["lexical", "lexical+judge", "embeddings", "embeddings+judge"];
  const embedder = new EmbeddingsClient({
    url: options.embeddingsUrl,
    model: options.embeddingsModel ?? "standin",
    apiKey: options.apiKey ?? null,
    timeoutMs: 60_000,
  });
  const embedStarted = performance.now();
  const { vectors, report } = await embedItems(items, { embedder, cache: new MemoryEmbeddingCache(), batchSize: 64 });
  const embedMs = performance.now() - embedStarted;
  if (report.warning) throw report.warning;
  const rows = labelledPairs(items, vectors, entities);
  const foldOfItem = new Map(items.map((i) => [i.id, foldOf(i.event, k)]));
  // One untimed pass of each kind first, so that no variant's time includes compiling the clusterer.
  assignStories(items, { entities, threshold });
  assignStories(items, { entities, threshold, embeddings: vectors });
  const totals = new Map<Variant, { correct: number; predicted: number; truePairs: number } & VariantScore>();
  const embeddingWeights: number[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const train = rows.filter((r) => foldOfItem.get(r.a) !== fold && foldOfItem.get(r.b) !== fold);
    const weights = fitBoth(train);
    embeddingWeights.push(weights.semantic.embedding);
    const test = new Set(items.filter((i) => foldOfItem.get(i.id) === fold).map((i) => i.id));
    for (const variant of variants) {
      const started = performance.now();
      const base = {
        entities,
        threshold,
        weights: weights.lexical,
        ...(variant.startsWith("embeddings") ? { embeddings: vectors, semanticWeights: weights.semantic } : {}),
      };
      let stories: string[][];
      let asked = 0;
      let overCap = 0;
      if (variant.endsWith("+judge")) {
        const judge = new PairJudge({
          model: new ChatClient({
            baseUrl: options.judgeUrl,
            model: options.judgeModel ?? "standin-judge",
            apiKey: options.apiKey ?? null,
            timeoutMs: 60_000,
            maxTokens: 20,
            temperature: 0,
          }),
          cache: new MemoryJudgeCache(),
          maxPairs: options.maxPairs,
          maxCostUsd: null,
          prices: { inputCostPerMillion: null, outputCostPerMillion: null },
        });
        const result = await assignStoriesJudged(items, base, judge, options.band);
        if (result.judge.warning) throw result.judge.warning;
        stories = result.stories.map((s) => s.itemIds);
        asked = result.judge.asked;
        overCap = result.judge.overCap;
      } else stories = assignStories(items, base).stories.map((s) => s.itemIds);
      const clusterMs = performance.now() - started;
      const total = totals.get(variant) ?? {
        variant,
        correct: 0,
        predicted: 0,
        truePairs: 0,
        precision: 0,
        recall: 0,
        f1: 0,
        clusterMs: 0,
        judgeAsked: 0,
        judgeOverCap: 0,
      };
      const scored = scoreFold(items, stories, test);
      total.correct += scored.correct;
      total.predicted += scored.predicted;
      total.truePairs += scored.truePairs;
      total.clusterMs += clusterMs;
      total.judgeAsked += asked;
      total.judgeOverCap += overCap;
      totals.set(variant, total);
    }
  }
  const scores = [...totals.values()].map(({ correct, predicted, truePairs, ...rest }) => {
    const precision = predicted ? correct / predicted : 1;
    const recall = truePairs ? correct / truePairs : 1;
    return { ...rest, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  });
  return { scores, embedMs, items: items.length, embeddingWeights };
}

/** A fold's pairs: correct and predicted pairs among its items, wrong merges with other folds' items included. */
function scoreFold(items: LabelledItem[], stories: string[][], test: Set<string>) {
  const event = new Map(items.map((i) => [i.id, i.event]));
  let predicted = 0;
  let correct = 0;
  for (const story of stories) {
    const inTest = story.filter((id) => test.has(id));
    predicted += (inTest.length * (inTest.length - 1)) / 2 + inTest.length * (story.length - inTest.length);
    for (let i = 0; i < inTest.length; i += 1)
      for (let j = i + 1; j < inTest.length; j += 1)
        if (event.get(inTest[i] as string) === event.get(inTest[j] as string)) correct += 1;
  }
  const sizes = new Map<string, number>();
  for (const item of items) if (test.has(item.id)) sizes.set(item.event, (sizes.get(item.event) ?? 0) + 1);
  let truePairs = 0;
  for (const n of sizes.values()) truePairs += (n * (n - 1)) / 2;
  return { correct, predicted, truePairs };
}

/** The judge's answers for one fold (one run). */
class MemoryJudgeCache {
  readonly #entries = new Map<string, { response: string; promptTokens: number; completionTokens: number }>();
  async get(key: string) {
    return this.#entries.get(key) ?? null;
  }
  async set(key: string, _model: string, answer: { response: string; promptTokens: number; completionTokens: number }) {
    this.#entries.set(key, answer);
  }
}
