import { createHash } from "node:crypto";
import { canonicalUrl } from "../ingest/url.ts";
import type { Entity } from "../model/entity.ts";
import { Clusterer, type TermStats } from "./clusterer.ts";
import { type ClusterInput, type ItemFeatures, itemFeatures } from "./features.ts";
import { Interner } from "./intern.ts";
import { createMinHasher } from "./minhash.ts";
import type { Weights } from "./similarity.ts";

export type ClusterOptions = {
  /** Entity extractor (the stories stage's own by default). */
  entities: (text: string) => Entity[];
  threshold?: number;
  windowHours?: number;
  weights?: Weights;
  /** Editor decisions that stick: pairs of item ids that must share a story, or must not. */
  mustLink?: Array<[string, string]>;
  cannotLink?: Array<[string, string]>;
};

export type ClusteredStory = {
  storyId: string;
  title: string;
  itemIds: string[];
  /** Items that are the same text as another item of the story (same URL, GUID or content, or a near-copy). */
  duplicateIds: string[];
};

/**
 * Groups items into stories: exact duplicates first (same canonical URL, GUID or content), then incremental
 * clustering in time order. Term weights come from the items themselves, so the function needs no store; the
 * pipeline runs the same algorithm with its stored history.
 *
 * @example
 * const stories = clusterItems(items, { entities: extractEntities });
 */
export function clusterItems(items: ClusterInput[], options: ClusterOptions): ClusteredStory[] {
  const { representatives, duplicatesOf } = groupExactDuplicates(items);
  const hasher = createMinHasher();
  const interner = new Interner();
  const features = representatives.map((item) => itemFeatures(item, { hasher, entities: options.entities, interner }));
  const stats = documentFrequencies(features);
  const cannot = pairSet(options.cannotLink ?? []);
  const clusterer = new Clusterer({
    stats,
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.windowHours === undefined ? {} : { windowHours: options.windowHours }),
    // Only with editors' splits to respect: the check runs for every member of every candidate.
    ...(cannot.size
      ? { cannotLink: (a: string, b: string) => cannot.has(`${a}\u0000${b}`) || cannot.has(`${b}\u0000${a}`) }
      : {}),
  });
  const order = features.map((f, i) => ({ f, i })).sort((a, b) => a.f.time - b.f.time || a.i - b.i);
  const nearCopies = new Set<string>();
  for (const entry of order) {
    const assignment = clusterer.add(entry.f);
    if (assignment.reason === "near-copy") nearCopies.add(entry.f.id);
    // The clusterer keeps its own compact copy; the full features can go.
    features[entry.i] = undefined as unknown as ItemFeatures;
    entry.f = undefined as unknown as ItemFeatures;
  }
  const byTitle = new Map(items.map((item) => [item.id, item.title]));
  let groups = clusterer.stories.map((story) => story.itemIds);
  groups = applyMustLink(groups, options.mustLink ?? []);
  return groups.map((ids) => {
    const expanded = ids.flatMap((id) => [id, ...(duplicatesOf.get(id) ?? [])]);
    const duplicates = expanded.filter((id) => !ids.includes(id) || nearCopies.has(id));
    return {
      storyId: storyId(expanded),
      title: byTitle.get(ids[0] as string) ?? "",
      itemIds: expanded,
      duplicateIds: duplicates,
    };
  });
}

/** Stable story ids: a hash of the story's earliest item. */
export function storyId(itemIds: string[]): string {
  return `st_${createHash("sha256")
    .update(itemIds[0] ?? "")
    .digest("hex")
    .slice(0, 16)}`;
}

/** Items with the same canonical URL, GUID, or normalised title and text are one item in several feeds. */
export function groupExactDuplicates(items: ClusterInput[]): {
  representatives: ClusterInput[];
  duplicatesOf: Map<string, string[]>;
} {
  const seen = new Map<string, string>();
  const duplicatesOf = new Map<string, string[]>();
  const representatives: ClusterInput[] = [];
  for (const item of items) {
    const keys = [
      item.url ? `url:${canonicalUrl(item.url) ?? item.url}` : null,
      item.guid ? `guid:${item.guid}` : null,
      `text:${textKey(`${item.title}\n${item.text}`)}`,
    ].filter((k): k is string => k !== null);
    const original = keys.map((k) => seen.get(k)).find((v) => v !== undefined);
    if (original) {
      duplicatesOf.set(original, [...(duplicatesOf.get(original) ?? []), item.id]);
      for (const key of keys) if (!seen.has(key)) seen.set(key, original);
      continue;
    }
    for (const key of keys) seen.set(key, item.id);
    representatives.push(item);
  }
  return { representatives, duplicatesOf };
}

/**
 * A key for "the same title and text": a 64-bit FNV-1a hash (two 32-bit lanes) of the lower-cased characters,
 * whitespace runs counted once. One pass, no intermediate strings.
 */
export function textKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let space = true;
  for (let i = 0; i < text.length; i += 1) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 160) {
      if (space) continue;
      space = true;
      c = 32;
    } else {
      space = false;
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = text[i]?.toLowerCase().charCodeAt(0) ?? c;
    }
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** IDF over the items being clustered: log((N + 1) / (df + 1)) + 1. */
export function documentFrequencies(features: ItemFeatures[]): TermStats {
  const df = new Map<number, number>();
  for (const f of features) {
    for (const id of f.terms) df.set(id, (df.get(id) ?? 0) + 1);
    for (const id of f.entities) df.set(id, (df.get(id) ?? 0) + 1);
  }
  const n = features.length;
  const size = Math.max(0, ...df.keys()) + 1;
  const unseen = Math.log(n + 1) + 1;
  const idf = new Float64Array(size).fill(unseen);
  for (const [id, count] of df) idf[id] = Math.log((n + 1) / (count + 1)) + 1;
  return { idf: (id) => (id < size ? (idf[id] as number) : unseen) };
}

function pairSet(pairs: Array<[string, string]>): Set<string> {
  return new Set(pairs.map(([a, b]) => `${a}\u0000${b}`));
}

function applyMustLink(groups: string[][], pairs: Array<[string, string]>): string[][] {
  if (!pairs.length) return groups;
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => {
    const up = parent[i] as number;
    if (up === i) return i;
    const root = find(up);
    parent[i] = root;
    return root;
  };
  const where = new Map<string, number>();
  groups.forEach((ids, i) => {
    for (const id of ids) where.set(id, i);
  });
  for (const [a, b] of pairs) {
    const ga = where.get(a);
    const gb = where.get(b);
    if (ga !== undefined && gb !== undefined) parent[find(ga)] = find(gb);
  }
  const merged = new Map<number, string[]>();
  groups.forEach((ids, i) => {
    const root = find(i);
    merged.set(root, [...(merged.get(root) ?? []), ...ids]);
  });
  return [...merged.values()];
}
