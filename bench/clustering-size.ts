/**
 * One size of the clustering scale benchmark, in a process of its own (started by `clustering.ts`, pinned to one
 * core where `taskset` exists): generates the corpus, clusters a small warm-up corpus, then times
 * `clusterItems(items, { entities: extractEntities })` once and sends the figures to the parent over IPC.
 *
 *   node --import tsx --expose-gc bench/clustering-size.ts ITEMS
 */
import { getHeapStatistics } from "node:v8";
import type { Entity } from "../src/model/entity.ts";
import { type ClusteredStory, clusterItems } from "../src/stories/cluster-items.ts";
import { extractEntities } from "../src/text/entities/extract-entities.ts";
import { maxRssBytes } from "./lib/memory.ts";
import { type CorpusItem, newsCorpus } from "./lib/news-corpus.ts";

export type SizeRun = {
  items: number;
  days: number;
  events: number;
  nearCopies: number;
  stories: number;
  generateMs: number;
  wallMs: number;
  cpuMs: number;
  /** Wall time split: exact-duplicate grouping, then features (to the last entity extraction), then the rest. */
  phasesMs: { duplicates: number; features: number; clustering: number };
  rssBefore: number;
  /** The process's RSS high-water mark before clustering (corpus generation) and after it. */
  maxRssBefore: number;
  maxRss: number;
  heapBefore: number;
  heapPeak: number;
  /** Pairwise agreement with the generated events (a sanity check of the corpus, not a target). */
  pairwise: { precision: number; recall: number; f1: number };
};

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const collect = () => (globalThis as { gc?: () => void }).gc?.();

/** Pairwise precision and recall of the stories against the events the corpus was generated from. */
function pairwise(items: CorpusItem[], stories: ClusteredStory[]): SizeRun["pairwise"] {
  const eventOf = new Map(items.map((i) => [i.id, i.event]));
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const eventSizes = new Map<string, number>();
  for (const item of items) eventSizes.set(item.event, (eventSizes.get(item.event) ?? 0) + 1);
  let together = 0;
  let inStories = 0;
  for (const story of stories) {
    inStories += pairs(story.itemIds.length);
    const perEvent = new Map<string, number>();
    for (const id of story.itemIds) perEvent.set(eventOf.get(id) ?? id, (perEvent.get(eventOf.get(id) ?? id) ?? 0) + 1);
    for (const n of perEvent.values()) together += pairs(n);
  }
  const inEvents = [...eventSizes.values()].reduce((sum, n) => sum + pairs(n), 0);
  const precision = inStories ? together / inStories : 1;
  const recall = inEvents ? together / inEvents : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function measureSize(size: number): SizeRun {
  const generated = performance.now();
  const items = newsCorpus({ items: size });
  const generateMs = performance.now() - generated;
  // Warm-up on other items (another seed): the JIT settles, so small sizes are not charged for it.
  clusterItems(newsCorpus({ items: 500, seed: 99 }), { entities: extractEntities });
  collect();
  const rssBefore = process.memoryUsage().rss;
  const maxRssBefore = maxRssBytes();
  const heapBefore = getHeapStatistics().used_heap_size;
  let heapPeak = heapBefore;
  let calls = 0;
  let firstEntities = 0;
  let lastEntities = 0;
  // Features are extracted item by item before clustering starts: sample the heap there, and at the end.
  const entities = (text: string): Entity[] => {
    lastEntities = performance.now();
    if (calls === 0) firstEntities = lastEntities;
    calls += 1;
    if (calls % 100 === 0) heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
    return extractEntities(text);
  };
  const wall = performance.now();
  const cpu = cpuNow();
  const stories = clusterItems(items, { entities });
  const cpuMs = cpuNow() - cpu;
  const end = performance.now();
  heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
  const maxRss = maxRssBytes();
  const first = items[0]?.published ?? "";
  const last = items.at(-1)?.published ?? "";
  return {
    items: size,
    days: (Date.parse(last) - Date.parse(first)) / 86_400_000,
    events: new Set(items.map((i) => i.event)).size,
    nearCopies: items.filter((i) => i.copyOf).length,
    stories: stories.length,
    generateMs,
    wallMs: end - wall,
    cpuMs,
    phasesMs: {
      duplicates: firstEntities - wall,
      features: lastEntities - firstEntities,
      clustering: end - lastEntities,
    },
    rssBefore,
    maxRssBefore,
    maxRss,
    heapBefore,
    heapPeak,
    pairwise: pairwise(items, stories),
  };
}

if (process.argv[1] === import.meta.filename) {
  const size = Number(process.argv[2]);
  const run = measureSize(size);
  await new Promise<void>((resolve, reject) =>
    process.send?.(run, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}
