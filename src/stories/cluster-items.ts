import { createHash } from "node:crypto";
import { canonicalUrl } from "../ingest/index.ts";
import type { Entity } from "../model/entity.ts";
import { Clusterer, type JudgeHooks, type TermStats } from "./clusterer.ts";
import {
  type ClusterInput,
  type ItemFeatures,
  itemFeatures,
  type PackedFeatures,
  packedTermsAndEntities,
  packFeatures,
  unpackFeatures,
} from "./features.ts";
import { Interner } from "./intern.ts";
import { createMinHasher } from "./minhash.ts";
import { backgroundOf, type SemanticWeights, semanticWeights } from "./semantic/semantic-scoring.ts";
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
  /**
   * The stories items already belong to (a store's earlier runs): those items stay where they are and are replayed
   * as context; only the others are judged.
   */
  placed?: ReadonlyMap<string, string>;
  /**
   * Further items whose words count towards term rarity but are not clustered: a store's earlier days, so that a
   * day's run weighs words as a run over the whole period would.
   */
  context?: ClusterInput[];
  /**
   * Unit embedding vectors by item id (an embeddings endpoint's, see `embedItems`): embedding similarity joins the
   * pair model for the pairs whose two items have one. Absent or too few: the lexical model alone.
   */
  embeddings?: ReadonlyMap<string, Float32Array>;
  semanticWeights?: SemanticWeights;
  /** A judge's verdicts on uncertain pairs (see `assignStoriesJudged`). */
  judge?: JudgeHooks;
};

export type ClusteredStory = {
  storyId: string;
  title: string;
  itemIds: string[];
  /** Items that are the same text as another item of the story (same URL, GUID or content, or a near-copy). */
  duplicateIds: string[];
};

/** Why an item is in its story: placed earlier, one item in several feeds, a near-copy, judged similar, or first. */
export type AssignmentReason = "placed" | "duplicate" | "near-copy" | "similar" | "new";

export type ItemAssignment = { itemId: string; storyId: string; reason: AssignmentReason; score: number };

export type Clustering = { stories: ClusteredStory[]; assignments: ItemAssignment[] };

/**
 * Groups items into stories: exact duplicates first (same canonical URL, GUID or content), then incremental
 * clustering in time order, then editors' must-links. Term weights come from the items themselves, so the function
 * needs no store. `stories cluster --jsonl` and the store's runs (through `assignStories` with `placed`) are this
 * one function.
 *
 * @example
 * const stories = clusterItems(items, { entities: extractEntities });
 */
export function clusterItems(items: ClusterInput[], options: ClusterOptions): ClusteredStory[] {
  return assignStories(items, options).stories;
}

/** `clusterItems`, with each item's story and the reason it is there (what a store records). */
export function assignStories(items: ClusterInput[], options: ClusterOptions): Clustering {
  const placed = options.placed ?? new Map<string, string>();
  const { representatives, duplicatesOf } = groupExactDuplicates(items);
  const hasher = createMinHasher();
  const interner = new Interner();
  const features = representatives.map((item) =>
    packFeatures(itemFeatures(item, { hasher, entities: options.entities, interner })),
  );
  const counted = features.map(packedTermsAndEntities);
  for (const item of options.context ?? [])
    counted.push(itemFeatures(item, { hasher, entities: options.entities, interner }));
  const stats = documentFrequencies(counted);
  counted.length = 0;
  const cannot = pairSet(options.cannotLink ?? []);
  const vectors = options.embeddings;
  const background = vectors ? backgroundOf([...vectors.values()]) : null;
  const clusterer = new Clusterer({
    stats,
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.windowHours === undefined ? {} : { windowHours: options.windowHours }),
    ...(vectors && background
      ? { semantic: { vectors, background, weights: options.semanticWeights ?? semanticWeights } }
      : {}),
    ...(options.judge ? { judge: options.judge } : {}),
    // Only with editors' splits to respect: the check runs for every member of every candidate.
    ...(cannot.size
      ? { cannotLink: (a: string, b: string) => cannot.has(`${a}\u0000${b}`) || cannot.has(`${b}\u0000${a}`) }
      : {}),
  });
  // A group of exact duplicates that a store placed already stays in that story (its representative's, else the
  // first placed copy's).
  const fixedStory = (id: string): string | undefined =>
    placed.get(id) ?? (duplicatesOf.get(id) ?? []).map((d) => placed.get(d)).find((s) => s !== undefined);
  // Time order, ties by id: the stories do not depend on the order items come in (a store lists them its own way).
  const order = features
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.time - b.f.time || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0));
  const judged = new Map<string, { reason: AssignmentReason; score: number }>();
  const indexOfStory = new Map<string, number>();
  const storyOfIndex = new Map<number, string>();
  for (const entry of order) {
    const { id } = entry.f;
    const fixed = fixedStory(id);
    if (fixed !== undefined) {
      const index = clusterer.place(unpackFeatures(entry.f), indexOfStory.get(fixed) ?? null);
      indexOfStory.set(fixed, index);
      storyOfIndex.set(index, fixed);
    } else {
      const assignment = clusterer.add(unpackFeatures(entry.f));
      judged.set(id, { reason: assignment.reason, score: assignment.score });
    }
    // The clusterer keeps its own compact copy; the features can go.
    features[entry.i] = undefined as unknown as PackedFeatures;
    entry.f = undefined as unknown as PackedFeatures;
  }
  const byTitle = new Map(items.map((item) => [item.id, item.title]));
  const groups = applyMustLink(
    clusterer.stories
      .filter((story) => story.itemIds.length)
      .map((story) => ({ ids: story.itemIds, storyId: storyOfIndex.get(story.index) })),
    options.mustLink ?? [],
  );
  const stories: ClusteredStory[] = [];
  const assignments: ItemAssignment[] = [];
  for (const group of groups) {
    const expanded = group.ids.flatMap((id) => [id, ...(duplicatesOf.get(id) ?? [])]);
    const id = group.storyId ?? storyId(expanded);
    const duplicates = expanded.filter((item) => !group.ids.includes(item) || judged.get(item)?.reason === "near-copy");
    stories.push({
      storyId: id,
      title: byTitle.get(group.ids[0] as string) ?? "",
      itemIds: expanded,
      duplicateIds: duplicates,
    });
    for (const item of expanded) {
      if (placed.has(item)) continue;
      const verdict = judged.get(item) ?? { reason: "duplicate" as const, score: 1 };
      assignments.push({ itemId: item, storyId: id, ...verdict });
    }
  }
  return { stories, assignments };
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
  // Same text needs the same title: the text is hashed only when a title comes again.
  const byTitle = new Map<string, TextEntry[]>();
  const duplicatesOf = new Map<string, string[]>();
  const representatives: ClusterInput[] = [];
  for (const item of items) {
    const urlKey = item.url ? `url:${canonicalUrl(item.url) ?? item.url}` : null;
    const guidKey = item.guid ? `guid:${item.guid}` : null;
    const titleKey = textKey(item.title);
    const entry: TextEntry = { item, original: item.id, key: null };
    const original =
      (urlKey === null ? undefined : seen.get(urlKey)) ??
      (guidKey === null ? undefined : seen.get(guidKey)) ??
      sameText(byTitle.get(titleKey), entry);
    if (original !== undefined) {
      const list = duplicatesOf.get(original);
      if (list) list.push(item.id);
      else duplicatesOf.set(original, [item.id]);
      entry.original = original;
    } else representatives.push(item);
    for (const key of [urlKey, guidKey]) if (key !== null && !seen.has(key)) seen.set(key, entry.original);
    const list = byTitle.get(titleKey);
    if (!list) byTitle.set(titleKey, [entry]);
    else if (!list.some((other) => other.original === entry.original && sameKey(other, entry))) list.push(entry);
  }
  return { representatives, duplicatesOf };
}

/** An item met under a title, the item it is one of, and its title-and-text key (made when first needed). */
type TextEntry = { item: ClusterInput; original: string; key: string | null };

const keyOf = (entry: TextEntry) => {
  entry.key ??= textKey(entry.item.title, entry.item.text);
  return entry.key;
};
const sameKey = (a: TextEntry, b: TextEntry) => keyOf(a) === keyOf(b);

/** The original of the first earlier item with the same title and text. */
function sameText(earlier: TextEntry[] | undefined, entry: TextEntry): string | undefined {
  return earlier?.find((other) => sameKey(other, entry))?.original;
}

/**
 * A key for "the same title and text": a 64-bit FNV-1a hash (two 32-bit lanes) of the lower-cased title, a line
 * break and the text, whitespace runs counted once. Lower-casing is native; the hash is one pass with no copies.
 */
export function textKey(title: string, text = ""): string {
  const lanes = [0x811c9dc5, 0x01000193, 1] as [number, number, number];
  hashInto(lanes, title.toLowerCase());
  hashInto(lanes, "\n");
  hashInto(lanes, text.toLowerCase());
  return `${(lanes[0] >>> 0).toString(36)}${(lanes[1] >>> 0).toString(36)}`;
}

/** Folds a lower-cased string into the lanes of `textKey` (the third lane: "in white space"). */
function hashInto(lanes: [number, number, number], text: string): void {
  let a = lanes[0];
  let b = lanes[1];
  let space = lanes[2];
  for (let i = 0; i < text.length; i += 1) {
    let c = text.charCodeAt(i);
    if (c <= 32 || c === 160) {
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 160) {
        space = 0;
      } else {
        if (space) continue;
        space = 1;
        c = 32;
      }
    } else space = 0;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  lanes[0] = a;
  lanes[1] = b;
  lanes[2] = space;
}

/** IDF over the items being clustered: log((N + 1) / (df + 1)) + 1. */
export function documentFrequencies(features: Array<Pick<ItemFeatures, "terms" | "entities">>): TermStats {
  const df = new Map<number, number>();
  for (const f of features) {
    for (const id of f.terms) df.set(id, (df.get(id) ?? 0) + 1);
    for (const id of f.entities) df.set(id, (df.get(id) ?? 0) + 1);
  }
  const n = features.length;
  let size = 0;
  for (const id of df.keys()) if (id >= size) size = id + 1;
  const unseen = Math.log(n + 1) + 1;
  const idf = new Float64Array(size).fill(unseen);
  for (const [id, count] of df) idf[id] = Math.log((n + 1) / (count + 1)) + 1;
  return { idf: (id) => (id < size ? (idf[id] as number) : unseen), ceiling: unseen };
}

function pairSet(pairs: Array<[string, string]>): Set<string> {
  return new Set(pairs.map(([a, b]) => `${a}\u0000${b}`));
}

type Group = { ids: string[]; storyId: string | undefined };

/** Joins the groups editors linked; a joined group keeps the stored story id of its earliest stored group. */
function applyMustLink(groups: Group[], pairs: Array<[string, string]>): Group[] {
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
  groups.forEach((group, i) => {
    for (const id of group.ids) where.set(id, i);
  });
  for (const [a, b] of pairs) {
    const ga = where.get(a);
    const gb = where.get(b);
    if (ga === undefined || gb === undefined) continue;
    const [ra, rb] = [find(ga), find(gb)];
    // The earlier group is the root: its first item names the joined story.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const merged = new Map<number, Group>();
  groups.forEach((group, i) => {
    const root = find(i);
    const into = merged.get(root);
    if (!into) merged.set(root, { ids: [...group.ids], storyId: group.storyId });
    else {
      into.ids.push(...group.ids);
      into.storyId ??= group.storyId;
    }
  });
  return [...merged.values()];
}
