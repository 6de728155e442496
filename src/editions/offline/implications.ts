import type { Line } from "../../model/issue.ts";
import type { DayContext, DayStory } from "../day.ts";
import { leadClause } from "../lead-clause.ts";
import { headlineOf } from "./story-text.ts";
import { whyItMatters } from "./why.ts";

export type Implication = Line & { derived: string[]; storyIds: string[] };

export type ImplicationOptions = {
  /** Sentences the issue printed already. */
  exclude?: Iterable<string>;
  /** Stories told earlier in the issue: their implications come first. */
  told?: string[];
};

/**
 * "What It Means for Developers, Creators & Prompt-Based Platforms" without a model: one bullet per named story, led
 * by its short headline, saying what its sources say it changes (a consequence for customers and developers first,
 * then a stated reason or a named person's judgement). A story whose sources say nothing of the kind gets no
 * bullet; fewer bullets, or none, is the honest answer on such a day.
 */
export function implications(day: DayContext, count: number, options: ImplicationOptions = {}): Implication[] {
  const out: Implication[] = [];
  const told = options.told ?? [];
  const news = day.stories.filter(
    (s) =>
      (!s.followUp || s.followUp.news) && s.items.some((i) => i.sourceKind !== "arxiv" && i.sourceKind !== "podcast"),
  );
  const ordered: DayStory[] = [
    ...told.map((id) => news.find((s) => s.id === id)).filter((s): s is DayStory => !!s),
    ...news.filter((s) => !told.includes(s.id)).slice(0, 12),
  ];
  const printed = [...(options.exclude ?? [])];
  for (const story of ordered) {
    if (out.length >= count) break;
    // The bold lead is a clause that stands alone; a headline with none ("Huang's Washington day") gets no bullet.
    const clause = leadClause(headlineOf(story, 40));
    if (!clause) continue;
    const why =
      whyItMatters(story, { exclude: printed, kinds: ["consequence", "reason"], forBuilders: true }) ??
      whyItMatters(story, { exclude: printed, kinds: ["consequence", "voice", "reason"] });
    if (!why) continue;
    printed.push(why.text);
    // A lead taken from a headline's second clause starts a line: capitalise it.
    const lead = clause.charAt(0).toUpperCase() + clause.slice(1);
    out.push({ lead, text: why.text, derived: [], storyIds: [story.id] });
  }
  return out;
}
