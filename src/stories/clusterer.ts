import type { ItemFeatures } from "./features.ts";
import { keepInPlace, LshIndex } from "./minhash.ts";
import {
  defaultWeights,
  nearCopyScore,
  type PreparedItem,
  pairProbability,
  prepare,
  type Weights,
} from "./similarity.ts";
import { offerTop } from "./top.ts";

/** How documents weigh terms: inverse document frequency from counts over a corpus. */
export type TermStats = { idf(id: number): number };

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
  firstTime: number;
  lastTime: number;
};

export type Assignment = { storyIndex: number; reason: "near-copy" | "similar" | "new"; score: number };

/** Probability of "same event" an item needs to join a story; chosen on both labelled sets (pairwise F1). */
export const defaultThreshold = 0.85;
/** The stricter threshold for commentary (explainers, podcast episodes, round-ups). */
export const commentaryThreshold = 0.98;

const commentaryTitle =
  /^(?:explainer|analysis|opinion|comment|column|podcast|ep\.?\s*\d+|episode\s*\d+|week in review|the week|weekly|recap|round-?up|reading notes|notes on|how|why|what)\b|^[^:]{1,40}:\s+(?:how|why|what)\b|\b(?:explained|what it means|what we know|week in review|in five deals)\b/i;

export function commentary(title: string): boolean {
  return commentaryTitle.test(title.trim());
}

/** Members of a story compared with a new item: its first items and its latest ones. */
const membersCompared = 4;
/**
 * Most candidate stories scored per item: those sharing the most distinctive terms, amounts or an LSH band. Six
 * scores the same as eight on both labelled sets, with better precision on the synthetic benchmark corpus.
 */
const maxCandidates = 6;
/** Stories out of the time window are dropped from the indexes this often (items). */
const pruneEvery = 5000;
/**
 * LSH shape over the 64 MinHash bins: 21 bands of 3 rows make a pair at Jaccard 0.5 a candidate with probability
 * 0.94, at 0.3 with 0.44; the shingle estimate then decides.
 */
export const lshBands = 21;
export const lshRows = 3;
/** Longest a story may run, first item to last. */
const maxSpan = 5 * 86_400_000;
/** Stories kept per posting list (the most recent). */
const postingsKept = 24;

/**
 * Incremental story clustering: each item (in time order) joins the recent story whose members most probably
 * report the same event — judged by a logistic model over text similarity, shared entities and amounts, and
 * near-copy evidence — or starts a new story. Candidates come from an inverted index of distinctive terms and
 * amounts and from LSH buckets; only the few stories sharing the most with the item are scored, and stories that
 * fall out of the time window leave the indexes — so the cost per item stays flat as the corpus grows.
 */
export class Clusterer {
  readonly stories: StoryState[] = [];
  readonly #stats: TermStats;
  readonly #window: number;
  readonly #threshold: number;
  readonly #weights: Weights;
  readonly #cannotLink: ClustererOptions["cannotLink"];
  readonly #postings = new Map<number, number[]>();
  readonly #lsh = new LshIndex<number>(lshBands, lshRows);
  /** Per-story scratch counters for candidate selection, reset by a stamp instead of clearing. */
  readonly #hits: number[] = [];
  readonly #stamp: number[] = [];
  readonly #lshStamp: number[] = [];
  /** Stories credited by the current query, and how many. */
  #touched = new Int32Array(256);
  #touchedCount = 0;
  /** The item being placed, for the callbacks below (bound once: no closure per item). */
  #current: PreparedItem | null = null;
  readonly #onBand = (index: number): void => {
    if (this.#lshStamp[index] === this.#query) return;
    this.#lshStamp[index] = this.#query;
    this.#credit(index, 2, this.#query);
  };
  readonly #isOpen = (index: number): boolean => this.#recent(this.#current as PreparedItem, index);
  readonly #best = new Int32Array(maxCandidates);
  #query = 0;
  readonly #scratch = new Float64Array(membersCompared);
  #added = 0;
  #latest = 0;

  constructor(options: ClustererOptions) {
    this.#stats = options.stats;
    this.#window = (options.windowHours ?? 72) * 3_600_000;
    this.#threshold = options.threshold ?? defaultThreshold;
    this.#weights = options.weights ?? defaultWeights;
    this.#cannotLink = options.cannotLink;
  }

  add(features: ItemFeatures): Assignment {
    const item = prepare(features, this.#stats);
    // Explainers, podcasts and round-ups discuss news rather than report it: they join a story only when they
    // are unmistakably about it.
    const threshold = commentary(features.title) ? Math.max(this.#threshold, commentaryThreshold) : this.#threshold;
    let bestIndex = -1;
    let bestScore = 0;
    const count = this.#candidates(item, features);
    const candidates = this.#best;
    for (let c = 0; c < count; c += 1) {
      const index = candidates[c] as number;
      const story = this.stories[index] as StoryState;
      if (this.#cannotLink && story.itemIds.some((id) => this.#cannotLink?.(id, item.id))) continue;
      const score = this.#storyScore(item, story, this.#lshStamp[index] === this.#query);
      if (score === nearCopyScore)
        return this.#join(story, item, features, { storyIndex: index, reason: "near-copy", score: 1 });
      if (score >= threshold && (bestIndex < 0 || score > bestScore)) {
        bestIndex = index;
        bestScore = score;
      }
    }
    if (bestIndex >= 0)
      return this.#join(this.stories[bestIndex] as StoryState, item, features, {
        storyIndex: bestIndex,
        reason: "similar",
        score: bestScore,
      });
    return this.#join(this.#newStory(), item, features, {
      storyIndex: this.stories.length - 1,
      reason: "new",
      score: 0,
    });
  }

  /** Puts an item into a known story (or a new one) without judging: how stored assignments are replayed. */
  place(features: ItemFeatures, storyIndex: number | null): number {
    const item = prepare(features, this.#stats);
    const story = (storyIndex === null ? undefined : this.stories[storyIndex]) ?? this.#newStory();
    this.#join(story, item, features, { storyIndex: story.index, reason: "similar", score: 1 });
    return story.index;
  }

  #newStory(): StoryState {
    const story: StoryState = { index: this.stories.length, itemIds: [], members: [], firstTime: 0, lastTime: 0 };
    this.stories.push(story);
    this.#hits.push(0);
    this.#stamp.push(-1);
    this.#lshStamp.push(-1);
    return story;
  }

  /**
   * Average of the best half of the member probabilities: one off-topic member cannot pull an item in. Returns
   * `nearCopyScore` when a member is a copy of the item's text.
   */
  #storyScore(item: PreparedItem, story: StoryState, lshHit: boolean): number {
    const all = story.members;
    const half = membersCompared / 2;
    const probabilities = this.#scratch;
    let count = 0;
    for (let m = 0; m < all.length; m += 1) {
      if (all.length > membersCompared && m >= half && m < all.length - half) continue;
      // Only a story sharing an LSH band can hold a copy; for the others the shingle estimate is not worth computing.
      const p = pairProbability(item, all[m] as PreparedItem, lshHit, this.#weights);
      if (p === nearCopyScore) return nearCopyScore;
      // Kept in descending order as they come (at most four).
      let at = count++;
      while (at > 0 && (probabilities[at - 1] as number) < p) {
        probabilities[at] = probabilities[at - 1] as number;
        at -= 1;
      }
      probabilities[at] = p;
    }
    const top = Math.max(1, Math.ceil(count / 2));
    let sum = 0;
    for (let i = 0; i < top; i += 1) sum += probabilities[i] as number;
    return count ? sum / top : 0;
  }

  /**
   * Recent stories sharing an LSH band, an amount or distinctive terms with the item; the `maxCandidates` with the
   * most shared evidence, best first (ties in the order they were met), in `#best`; returns how many. Stories met
   * through an LSH band are marked in `#lshStamp` with the query number.
   */
  #candidates(item: PreparedItem, features: ItemFeatures): number {
    const query = ++this.#query;
    this.#touchedCount = 0;
    this.#current = item;
    // A shared LSH band counts as much as a shared amount: loose bands catch copies, and unrelated collisions must
    // not crowd out stories that share the item's distinctive terms.
    this.#lsh.forEachMatch(features.signature, this.#onBand);
    for (let i = 0; i < features.amounts.length; i += 1) {
      const list = this.#postings.get(-1 - (features.amounts[i] as number));
      if (list) for (let j = 0; j < list.length; j += 1) this.#credit(list[j] as number, 2, query);
    }
    for (let i = 0; i < item.topTerms.length; i += 1) {
      const list = this.#postings.get(item.topTerms[i] as number);
      if (list) for (let j = 0; j < list.length; j += 1) this.#credit(list[j] as number, 1, query);
    }
    const best = this.#best;
    const touched = this.#touched;
    let size = 0;
    for (let t = 0; t < this.#touchedCount; t += 1)
      size = offerTop(best, size, touched[t] as number, this.#hits, this.#isOpen);
    this.#current = null;
    return size;
  }

  #credit(index: number, by: number, query: number): void {
    if (this.#stamp[index] !== query) {
      this.#stamp[index] = query;
      this.#hits[index] = 0;
      if (this.#touchedCount === this.#touched.length) {
        const grown = new Int32Array(this.#touched.length * 2);
        grown.set(this.#touched);
        this.#touched = grown;
      }
      this.#touched[this.#touchedCount++] = index;
    }
    this.#hits[index] = (this.#hits[index] as number) + by;
  }

  /** Whether a story is still open for the item: recent enough, and not an event of more than `maxSpan`. */
  #recent(item: PreparedItem, index: number): boolean {
    const story = this.stories[index] as StoryState;
    if (item.time && story.lastTime && Math.abs(item.time - story.lastTime) > this.#window) return false;
    // A story is an event of a few days: coverage a week on is a new story, however similar.
    return !(item.time && story.firstTime && item.time - story.firstTime > maxSpan);
  }

  #join(story: StoryState, item: PreparedItem, features: ItemFeatures, assignment: Assignment): Assignment {
    story.itemIds.push(item.id);
    story.members.push(item);
    story.lastTime = Math.max(story.lastTime, item.time);
    if (item.time && (!story.firstTime || item.time < story.firstTime)) story.firstTime = item.time;
    // Terms are posted under their id, amounts under a negative key, so one map serves both.
    const { amounts } = features;
    for (let k = 0; k < item.topTerms.length + amounts.length; k += 1) {
      const key =
        k < item.topTerms.length ? (item.topTerms[k] as number) : -1 - (amounts[k - item.topTerms.length] as number);
      const list = this.#postings.get(key);
      if (!list) this.#postings.set(key, [story.index]);
      else if (list[list.length - 1] !== story.index) {
        list.push(story.index);
        // A very common term would make every story a candidate; its most recent stories are enough.
        if (list.length > postingsKept * 2) list.splice(0, list.length - postingsKept);
      }
    }
    this.#lsh.add(features.signature, story.index);
    this.#latest = Math.max(this.#latest, item.time);
    if (++this.#added % pruneEvery === 0) this.#prune();
    return assignment;
  }

  /** Drops stories that ended more than a window ago from the indexes, and their members from memory. */
  #prune(): void {
    const horizon = this.#latest - this.#window;
    const live = (index: number) => {
      const story = this.stories[index] as StoryState;
      return !story.lastTime || story.lastTime >= horizon;
    };
    for (let i = 0; i < this.stories.length; i += 1) {
      const story = this.stories[i] as StoryState;
      if (story.members.length && !live(story.index)) story.members = [];
    }
    // In place: rebuilding the maps every few thousand items would make their memory churn.
    this.#postings.forEach((list, key, postings) => {
      if (keepInPlace(list, live) === 0) postings.delete(key);
    });
    this.#lsh.prune(live);
  }
}
