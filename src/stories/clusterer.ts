import type { ItemFeatures } from "./features.ts";
import { LshIndex } from "./minhash.ts";
import {
  defaultWeights,
  type PreparedItem,
  pairSignals,
  prepare,
  sameEventProbability,
  type Weights,
} from "./similarity.ts";

/** How documents weigh terms: inverse document frequency from counts over a corpus. */
export type TermStats = { idf(term: string): number };

export type ClustererOptions = {
  stats: TermStats;
  /** Items further apart in time than this are never the same story. */
  windowHours?: number;
  /** Least probability of "same event" for an item to join a story. */
  threshold?: number;
  weights?: Weights;
  /** Items that must never share a story with each other (editor splits). */
  cannotLink?: (a: string, b: string) => boolean;
};

export type StoryState = {
  index: number;
  itemIds: string[];
  members: PreparedItem[];
  lastTime: number;
};

export type Assignment = { storyIndex: number; reason: "near-copy" | "similar" | "new"; score: number };

/** Probability of "same event" an item needs to join a story; chosen on both labelled sets (pairwise F1). */
export const defaultThreshold = 0.85;
/** The stricter threshold for commentary (explainers, podcast episodes, round-ups). */
export const commentaryThreshold = 0.98;

const commentaryTitle =
  /^(?:explainer|analysis|opinion|comment|column|podcast|ep\.?\s*\d+|episode\s*\d+|week in review|the week|weekly|recap|round-?up|reading notes|notes on|how|why|what)\b|\b(?:explained|what it means|what we know|week in review|in five deals)\b/i;

export function commentary(title: string): boolean {
  return commentaryTitle.test(title.trim());
}

/** Members of a story compared with a new item: its first items and its latest ones. */
const membersCompared = 8;
const postingsPerTerm = 48;
const termsIndexed = 12;

/**
 * Incremental story clustering: each item (in time order) joins the recent story whose members most probably
 * report the same event — judged by a logistic model over text similarity, shared entities and amounts, time and
 * near-copy evidence — or starts a new story. Candidates come from an inverted index of distinctive terms and from
 * LSH buckets, so the cost per item does not grow with the number of stories.
 */
export class Clusterer {
  readonly stories: StoryState[] = [];
  readonly #stats: TermStats;
  readonly #window: number;
  readonly #threshold: number;
  readonly #weights: Weights;
  readonly #cannotLink: ClustererOptions["cannotLink"];
  readonly #postings = new Map<string, number[]>();
  readonly #lsh = new LshIndex<number>(16, 4);

  constructor(options: ClustererOptions) {
    this.#stats = options.stats;
    this.#window = (options.windowHours ?? 72) * 3_600_000;
    this.#threshold = options.threshold ?? defaultThreshold;
    this.#weights = options.weights ?? defaultWeights;
    this.#cannotLink = options.cannotLink;
  }

  add(features: ItemFeatures): Assignment {
    const item = prepare(features, features.titleTerms, this.#stats);
    // Explainers, podcasts and round-ups discuss news rather than report it: they join a story only when they
    // are unmistakably about it.
    const threshold = commentary(features.title) ? Math.max(this.#threshold, commentaryThreshold) : this.#threshold;
    let best: Assignment | null = null;
    for (const index of this.#candidates(item)) {
      const story = this.stories[index] as StoryState;
      if (item.time && story.lastTime && Math.abs(item.time - story.lastTime) > this.#window) continue;
      if (this.#cannotLink && story.itemIds.some((id) => this.#cannotLink?.(id, item.id))) continue;
      const { score, nearCopy } = this.#storyScore(item, story);
      if (nearCopy) return this.#join(story, item, { storyIndex: index, reason: "near-copy", score: 1 });
      if (score >= threshold && (!best || score > best.score)) best = { storyIndex: index, reason: "similar", score };
    }
    if (best) return this.#join(this.stories[best.storyIndex] as StoryState, item, best);
    const story: StoryState = { index: this.stories.length, itemIds: [], members: [], lastTime: 0 };
    this.stories.push(story);
    return this.#join(story, item, { storyIndex: story.index, reason: "new", score: 0 });
  }

  /** Puts an item into a known story (or a new one) without judging: how stored assignments are replayed. */
  place(features: ItemFeatures, storyIndex: number | null): number {
    const item = prepare(features, features.titleTerms, this.#stats);
    let story = storyIndex === null ? undefined : this.stories[storyIndex];
    if (!story) {
      story = { index: this.stories.length, itemIds: [], members: [], lastTime: 0 };
      this.stories.push(story);
    }
    this.#join(story, item, { storyIndex: story.index, reason: "similar", score: 1 });
    return story.index;
  }

  /** Average of the best half of the member probabilities: one off-topic member cannot pull an item in. */
  #storyScore(item: PreparedItem, story: StoryState): { score: number; nearCopy: boolean } {
    const members =
      story.members.length <= membersCompared
        ? story.members
        : [...story.members.slice(0, membersCompared / 2), ...story.members.slice(-membersCompared / 2)];
    const probabilities: number[] = [];
    for (const member of members) {
      const signals = pairSignals(item, member, this.#stats);
      if (signals.nearCopy >= 0.5) return { score: 1, nearCopy: true };
      probabilities.push(sameEventProbability(signals, this.#weights));
    }
    probabilities.sort((a, b) => b - a);
    const top = probabilities.slice(0, Math.max(1, Math.ceil(probabilities.length / 2)));
    return { score: top.reduce((sum, p) => sum + p, 0) / top.length, nearCopy: false };
  }

  #candidates(item: PreparedItem): Set<number> {
    const found = this.#lsh.query(item.signature);
    let taken = 0;
    for (const term of item.vector.keys()) {
      for (const index of this.#postings.get(term) ?? []) found.add(index);
      if (++taken >= termsIndexed) break;
    }
    for (const key of item.amountKeys) for (const index of this.#postings.get(key) ?? []) found.add(index);
    return found;
  }

  #join(story: StoryState, item: PreparedItem, assignment: Assignment): Assignment {
    story.itemIds.push(item.id);
    story.members.push(item);
    story.lastTime = Math.max(story.lastTime, item.time);
    const keys = [...item.vector.keys()].slice(0, termsIndexed);
    for (const key of [...keys, ...item.amountKeys]) {
      const list = this.#postings.get(key);
      if (!list) this.#postings.set(key, [story.index]);
      else if (!list.includes(story.index)) {
        list.push(story.index);
        if (list.length > postingsPerTerm * 2) list.splice(0, list.length - postingsPerTerm);
      }
    }
    this.#lsh.add(item.signature, story.index);
    return assignment;
  }
}
