import type { Sentiment } from "./entity.ts";

/** One real-world event with all its coverage, as editions select from. */

export type RankFactor = {
  /** "coverage", "sources", "recency", "money", "prominence", "novelty", "reporting", "editor". */
  name: string;
  /** The measured value, 0..1 for most factors. */
  value: number;
  /** How much it added to the score (value × weight). */
  contribution: number;
  /** What a person reads: "4 outlets", "$2.0B", "pinned by an editor". */
  detail: string;
};

export type Story = {
  id: string;
  title: string;
  topic: string | null;
  topicByEditor: boolean;
  firstItemAt: string;
  lastItemAt: string;
  pinned: boolean;
  blocked: boolean;
  score: number;
  factors: RankFactor[];
  itemIds: string[];
  itemCount: number;
  outletCount: number;
  /** The organisation or person the story is about, with its ticker when listed; null when none is named. */
  subject?: StorySubject | null;
  /** The story's tone: the mean of its items'; null until a run has analysed it. */
  sentiment?: Sentiment | null;
};

/** What a story is about: an organisation or a person, and the ticker of its listing. */
export type StorySubject = { name: string; ticker?: string };

/** A topic of the taxonomy editions select by: an id, the label editors and readers see, and matching rules. */
export type Topic = {
  id: string;
  label: string;
  keywords: string[];
  sourceKinds?: string[];
  /** The briefing's themed header when the day is about this topic ("THE COMPUTE MOAT"). */
  theme?: string;
  /**
   * Patterns (regular-expression sources, case-insensitive) that say in a title what happened: "raises $300M" is
   * Money, "hires Apple's design chief" People. The built-in topics have them; a configured taxonomy may not.
   */
  cues?: string[];
};
