import { commentary } from "../text/commentary.ts";
import type { ItemFeatures } from "./features.ts";
import { keepInPlace, LshIndex } from "./minhash.ts";
import { type SemanticScoring, semanticPairProbability } from "./semantic/semantic-scoring.ts";
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
export type TermStats = {
  idf(id: number): number;
  /** The weight of a term no other item uses: the most any term can weigh (what rarity is measured against). */
  ceiling?: number;
};

export type ClustererOptions = {
  stats: TermStats;
  /** Items further apart in time than this are never the same story. */
  windowHours?: number;
  /** Least probability of "same event" for an item to join a story. */
  threshold?: number;
  weights?: Weights;
  /** Items that must never share a story with each other (editor splits). */
  cannotLink?: (a: string, b: string) => boolean;
  /** Embedding similarity as a further signal (items without a vector are scored lexically). */
  semantic?: SemanticScoring;
  /** A judge for the uncertain: its verdicts decide the items whose best story score falls in its band. */
  judge?: JudgeHooks;
};

/**
 * How the clusterer consults a judge it cannot wait for: a story score in `[low, high)` asks `verdict` about the
 * item and the story's best-matching member; a verdict decides (yes joins, no keeps apart), and without one the
 * score stands and the pair goes to `uncertain` for the judge to answer before the next pass.
 */
export type JudgeHooks = {
  low: number;
  high: number;
  verdict(itemId: string, memberId: string): boolean | undefined;
  uncertain(itemId: string, memberId: string, score: number): void;
};

/** A "yes" of the judge: above any threshold and below a near-copy, keeping the order of the scores it lifts. */
const judgedSame = (score: number) => 0.99 + 0.01 * score;

export type StoryState = {
  index: number;
  itemIds: string[];
  members: PreparedItem[];
  firstTime: number;
  lastTime: number;
  /** Holds items placed by an earlier run (`place`): such a story is never merged into another. */
  fixed: boolean;
  /** The story this one was merged into, or -1; a merged story keeps no items. */
  mergedInto: number;
};

export type Assignment = { storyIndex: number; reason: "near-copy" | "similar" | "new"; score: number };

/**
 * Probability of "same event" an item needs to join a story. Chosen by cross-validation on the development corpora
 * (`scripts/train-cluster-model.ts --fit`: the best pairwise F1 among thresholds whose held-out precision reaches
 * 0.93), never on the data it is reported on.
 */
export const defaultThreshold = 0.97;
/**
 * The least probability an item may have with any compared member of a story it joins: a story is one event, so
 * an item that one member matches and another plainly does not is a bridge between two events, not coverage of
 * one. Low on purpose (members of one event are often worded far apart); 0.1 raised held-out precision by two
 * points at the same F1 on the development corpora, 0.25 cost recall.
 */
export const coherenceFloor = 0.1;

/**
 * The strongest pair across two stories an item links (the item itself left out) must reach this for them to
 * become one. On the development corpora, fitted on one and scored on the other, merging at 0.99 raised recall by
 * one point at the same precision; at 0.9 it gained four points of recall and lost three of precision.
 */
export const mergeLevel = 0.99;

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
/** The `k`th member compared of a story (k < `membersCompared`): all of a small story, else its first and latest. */
function comparedMember(members: PreparedItem[], k: number): PreparedItem {
  const half = membersCompared / 2;
  return (
    members.length <= membersCompared || k < half ? members[k] : members[members.length - membersCompared + k]
  ) as PreparedItem;
}

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
  readonly #semantic: SemanticScoring | undefined;
  readonly #judge: JudgeHooks | undefined;
  /** The member of the last story scored whose pair probability was highest. */
  #bestMember: PreparedItem | null = null;
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
  readonly #onBand = (story: number): void => {
    const index = this.#root(story);
    if (this.#lshStamp[index] === this.#query) return;
    this.#lshStamp[index] = this.#query;
    this.#credit(index, 2, this.#query);
  };
  readonly #isOpen = (index: number): boolean => this.#recent(this.#current as PreparedItem, index);
  readonly #best = new Int32Array(maxCandidates);
  #query = 0;
  #added = 0;
  /** Other stories the current item could join (their indexes), `#alsoCount` of them. */
  readonly #also = new Int32Array(maxCandidates);
  #alsoCount = 0;
  #latest = 0;

  constructor(options: ClustererOptions) {
    this.#stats = options.stats;
    this.#window = (options.windowHours ?? 72) * 3_600_000;
    this.#threshold = options.threshold ?? defaultThreshold;
    this.#weights = options.weights ?? defaultWeights;
    this.#cannotLink = options.cannotLink;
    this.#semantic = options.semantic;
    this.#judge = options.judge;
  }

  add(features: ItemFeatures): Assignment {
    const item = prepare(features, this.#stats);
    // Explainers, podcasts and round-ups are judged like any item: on the development corpora a stricter bar for
    // them lost more of their own event's coverage (recall −3 points) than it saved wrong merges.
    const threshold = this.#threshold;
    let bestIndex = -1;
    let bestScore = 0;
    this.#alsoCount = 0;
    const count = this.#candidates(item, features);
    const candidates = this.#best;
    for (let c = 0; c < count; c += 1) {
      const index = candidates[c] as number;
      const story = this.stories[index] as StoryState;
      if (this.#cannotLink && story.itemIds.some((id) => this.#cannotLink?.(id, item.id))) continue;
      let score = this.#storyScore(item, story, this.#lshStamp[index] === this.#query);
      if (score === nearCopyScore)
        return this.#join(story, item, features, { storyIndex: index, reason: "near-copy", score: 1 });
      if (this.#judge) score = this.#judged(item, score);
      if (score < threshold) continue;
      if (bestIndex >= 0) this.#also[this.#alsoCount++] = score > bestScore ? bestIndex : index;
      if (bestIndex < 0 || score > bestScore) {
        bestIndex = index;
        bestScore = score;
      }
    }
    if (bestIndex >= 0) {
      const story = this.stories[bestIndex] as StoryState;
      const assignment = this.#join(story, item, features, {
        storyIndex: bestIndex,
        reason: "similar",
        score: bestScore,
      });
      for (let a = 0; a < this.#alsoCount; a += 1)
        this.#mergeIfCoherent(this.#root(bestIndex), this.#root(this.#also[a] as number), item);
      return assignment;
    }
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
    story.fixed = true;
    this.#join(story, item, features, { storyIndex: story.index, reason: "similar", score: 1 });
    return story.index;
  }

  /** A story score in the judge's band, as its verdict on the item and the best member has it. */
  #judged(item: PreparedItem, score: number): number {
    const judge = this.#judge as JudgeHooks;
    const member = this.#bestMember;
    if (!member || score < judge.low || score >= judge.high) return score;
    const verdict = judge.verdict(item.id, member.id);
    if (verdict === undefined) judge.uncertain(item.id, member.id, score);
    return verdict === undefined ? score : verdict ? judgedSame(score) : 0;
  }

  /**
   * An item that reports the event of two stories makes them one, when the two agree with each other as well: the
   * strongest pair of their other members across them (neither of the two commentary) reaches `mergeLevel` and none
   * falls below `coherenceFloor`. Coverage that came in before the item that links it (a summary, then an article in
   * other words, then the report that matches both) ends up together; a bridge item alone cannot chain two events,
   * nor can a podcast episode or round-up among the members, which agrees with every event it discusses. A story an earlier run stored keeps its items
   * and its id: the other joins it, and two stored stories stay as they are.
   */
  #mergeIfCoherent(first: number, second: number, bridge: PreparedItem): void {
    if (first === second) return;
    let into = this.stories[first] as StoryState;
    let other = this.stories[second] as StoryState;
    if (other.fixed) {
      if (into.fixed) return;
      [into, other] = [other, into];
    }
    if (!other.itemIds.length || !into.itemIds.length) return;
    if (this.#cannotLink && other.itemIds.some((a) => into.itemIds.some((b) => this.#cannotLink?.(a, b)))) return;
    let best = 0;
    let weakest = 1;
    const intoCount = Math.min(membersCompared, into.members.length);
    const otherCount = Math.min(membersCompared, other.members.length);
    for (let i = 0; i < intoCount; i += 1)
      for (let j = 0; j < otherCount; j += 1) {
        const a = comparedMember(into.members, i);
        const b = comparedMember(other.members, j);
        // The item that links them already matched both: the evidence must come from the stories' own members.
        if (a === bridge || b === bridge) continue;
        const p = pairProbability(a, b, false, this.#weights);
        // A podcast episode, round-up or explainer discusses several events: it may agree with both stories, but
        // it is not the evidence that they are one ("Ep. 216: Anthropic buys Bun; plus, the Snowflake deal").
        if (p > best && !commentary(a.title) && !commentary(b.title)) best = p;
        if (p < weakest) weakest = p;
      }
    if (best < mergeLevel || weakest < coherenceFloor) return;
    into.itemIds.push(...other.itemIds);
    into.members = [...into.members, ...other.members].sort((x, y) => x.time - y.time);
    into.firstTime = Math.min(into.firstTime || other.firstTime, other.firstTime || into.firstTime);
    into.lastTime = Math.max(into.lastTime, other.lastTime);
    other.itemIds = [];
    other.members = [];
    other.mergedInto = into.index;
  }

  /** The story a story index now stands for (itself, or the one it was merged into). */
  #root(index: number): number {
    let at = index;
    while ((this.stories[at] as StoryState).mergedInto >= 0) at = (this.stories[at] as StoryState).mergedInto;
    return at;
  }

  #newStory(): StoryState {
    const story: StoryState = {
      index: this.stories.length,
      itemIds: [],
      members: [],
      firstTime: 0,
      lastTime: 0,
      fixed: false,
      mergedInto: -1,
    };
    this.stories.push(story);
    this.#hits.push(0);
    this.#stamp.push(-1);
    this.#lshStamp.push(-1);
    return story;
  }

  /**
   * The best member probability, provided no compared member is below `coherenceFloor` (then 0): one member that
   * matches well is how follow-ups and short summaries join, and the floor keeps a bridge item from chaining two
   * events. Returns `nearCopyScore` when a member is a copy of the item's text.
   */
  #storyScore(item: PreparedItem, story: StoryState, lshHit: boolean): number {
    const all = story.members;
    const half = membersCompared / 2;
    let best = 0;
    let weakest = 1;
    this.#bestMember = null;
    for (let m = 0; m < all.length; m += 1) {
      if (all.length > membersCompared && m >= half && m < all.length - half) continue;
      const member = all[m] as PreparedItem;
      // Only a story sharing an LSH band can hold a copy; for the others the shingle estimate is not worth computing.
      const p = this.#semantic
        ? semanticPairProbability(item, member, lshHit, this.#weights, this.#semantic)
        : pairProbability(item, member, lshHit, this.#weights);
      if (p === nearCopyScore) return nearCopyScore;
      if (p > best) {
        best = p;
        this.#bestMember = member;
      }
      if (p < weakest) weakest = p;
    }
    return weakest < coherenceFloor ? 0 : best;
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

  #credit(story: number, by: number, query: number): void {
    const index = this.#root(story);
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
      const story = this.stories[this.#root(index)] as StoryState;
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
