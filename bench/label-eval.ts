import type { Topic } from "../src/model/story.ts";
import { describeStory } from "../src/stories/index.ts";
import { findCompany } from "../src/text/entities/companies.ts";
import { type Corpus, type CorpusEvent, subjectMatches } from "./corpus.ts";

/** A story as label scoring reads it: the labelled items it holds and the labels it was given. */
export type LabelledStory = {
  itemIds: string[];
  subject?: { name: string; ticker?: string } | null;
  topic?: string | null;
};

/** One story's label against its event's, for the report. */
export type LabelMiss = { event: string; expected: string; got: string; title: string };

export type LabelScore = { right: number; total: number; misses: LabelMiss[] };

/** Same company in the company table: a unit and its parent (AWS and Amazon) are one. */
export function sameCompany(a: string, b: string): boolean {
  const x = findCompany(a);
  const y = findCompany(b);
  if (!x || !y) return false;
  const root = (c: NonNullable<typeof x>) => findCompany(c.parent ?? c.name)?.name ?? c.name;
  return x.name === y.name || root(x) === root(y);
}

/** The event most of a story's items belong to: the event the story's labels are scored against. */
export function majorityEvent(corpus: Corpus, itemIds: string[]): CorpusEvent | undefined {
  const eventOf = new Map(corpus.items.map((i) => [i.id, i.event]));
  const counts = new Map<string, number>();
  for (const id of itemIds) {
    const event = eventOf.get(id);
    if (event) counts.set(event, (counts.get(event) ?? 0) + 1);
  }
  const majority = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return majority ? corpus.events.get(majority) : undefined;
}

/** Subject accuracy: a story's subject against the labelled subject of its majority event. */
export function scoreSubjects(corpus: Corpus, stories: LabelledStory[]): LabelScore {
  const titles = new Map(corpus.items.map((i) => [i.id, i.title]));
  const score: LabelScore = { right: 0, total: 0, misses: [] };
  for (const story of stories) {
    const event = majorityEvent(corpus, story.itemIds);
    if (!event || event.subject === undefined) continue;
    score.total += 1;
    if (subjectMatches(story.subject, event.subject, sameCompany)) score.right += 1;
    else
      score.misses.push({
        event: event.event,
        expected: event.subject?.name ?? "null",
        got: story.subject?.name ?? "null",
        title: titles.get(story.itemIds[0] ?? "") ?? "",
      });
  }
  return score;
}

/**
 * Topic accuracy: a story's topic, mapped to the labels' ids by `mapping` (identity when absent), against the
 * labelled topic of its majority event.
 */
export function scoreTopics(
  corpus: Corpus,
  stories: LabelledStory[],
  mapping: Record<string, string> = {},
): LabelScore {
  const titles = new Map(corpus.items.map((i) => [i.id, i.title]));
  const score: LabelScore = { right: 0, total: 0, misses: [] };
  for (const story of stories) {
    const event = majorityEvent(corpus, story.itemIds);
    if (!event?.topic) continue;
    score.total += 1;
    const got = story.topic ? (mapping[story.topic] ?? story.topic) : "null";
    if (got === event.topic) score.right += 1;
    else
      score.misses.push({
        event: event.event,
        expected: event.topic,
        got,
        title: titles.get(story.itemIds[0] ?? "") ?? "",
      });
  }
  return score;
}

/**
 * The labelled events themselves as stories (every item of an event in one story), described by the code the
 * store and `stories cluster` use: labels scored apart from clustering's mistakes.
 */
export function describeEvents(corpus: Corpus, topics?: Topic[]): LabelledStory[] {
  const byEvent = new Map<string, Corpus["items"]>();
  for (const item of corpus.items) byEvent.set(item.event, [...(byEvent.get(item.event) ?? []), item]);
  return [...byEvent.values()].map((items) => ({
    itemIds: items.map((i) => i.id),
    ...describeStory(
      items.map((i) => ({ title: i.title, text: i.text, ...(i.source ? { source: i.source } : {}) })),
      topics,
    ),
  }));
}

/** "95.2% (160/168)", or "n/a" for nothing scored. */
export function percent(score: LabelScore): string {
  return score.total ? `${((100 * score.right) / score.total).toFixed(1)}% (${score.right}/${score.total})` : "n/a";
}

/** The misses, one line each, for `--verbose`. */
export function missLines(score: LabelScore): string[] {
  return score.misses.map(
    (m) => `  ${m.event}: ${JSON.stringify(m.got)} for ${JSON.stringify(m.expected)} — ${m.title}`,
  );
}
