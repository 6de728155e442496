import type { DayContext, DayItem, DayStory } from "./day.ts";
import type { EditionDefinition, SelectRules } from "./definition.ts";

/** The stories a section got, and for source-kind sections the items of that kind to write from. */
export type Selection = {
  stories: DayStory[];
  items: DayItem[];
  groups: Array<{ topic: string; stories: DayStory[] }>;
};

const empty: Selection = { stories: [], items: [], groups: [] };

/**
 * Fills an edition's sections with stories, in section order, best-ranked first: a story appears in one section
 * only (the briefing's themed header tells its three stories in a line each; the Deep Dive takes the next).
 * Sections restricted to a source kind (arXiv, podcasts) take items of that kind directly.
 */
export function selectStories(edition: EditionDefinition, day: DayContext): Map<string, Selection> {
  const used = new Set<string>();
  const usedItems = new Set<string>();
  const out = new Map<string, Selection>();
  for (const section of edition.sections) {
    if (!section.select || !["stories", "groups", "bullets", "market", "quote"].includes(section.kind)) {
      out.set(section.id, empty);
      continue;
    }
    const rules = section.select;
    if (rules.sourceKinds.length) {
      const items = pickItems(day, rules, usedItems);
      for (const item of items) usedItems.add(item.id);
      const stories = items
        .map((item) => day.stories.find((s) => s.items.some((i) => i.id === item.id)))
        .filter((s): s is DayStory => !!s);
      out.set(section.id, { stories, items, groups: [] });
      continue;
    }
    const candidates = day.stories.filter((story) => !used.has(story.id) && eligible(story, rules));
    if (section.kind === "groups" && rules.groups) {
      const groups = groupByTopic(candidates, rules);
      for (const group of groups) for (const story of group.stories) used.add(story.id);
      out.set(section.id, { stories: groups.flatMap((g) => g.stories), items: [], groups });
      continue;
    }
    const stories = candidates.slice(0, rules.count);
    for (const story of stories) used.add(story.id);
    out.set(section.id, { stories, items: stories.flatMap((s) => s.items), groups: [] });
  }
  return out;
}

export function eligible(story: DayStory, rules: SelectRules): boolean {
  // Old news (told before, or from before the window, with little written since) is not news.
  if (story.followUp && !story.followUp.news) return false;
  if (rules.topics.length && !rules.topics.includes(story.topic ?? "")) return false;
  if (story.outletCount < rules.minOutlets) return false;
  // Research and podcast items are written in their own sections; a story made only of them is not news.
  return story.items.some((item) => item.sourceKind !== "arxiv" && item.sourceKind !== "podcast");
}

/** Items of the wanted source kinds, from the best-ranked stories first. */
function pickItems(day: DayContext, rules: SelectRules, usedItems: Set<string>): DayItem[] {
  const out: DayItem[] = [];
  for (const story of day.stories) {
    for (const item of story.items) {
      if (out.length >= rules.count) return out;
      if (usedItems.has(item.id) || !rules.sourceKinds.includes(item.sourceKind)) continue;
      if (rules.topics.length && !rules.topics.includes(story.topic ?? "")) continue;
      out.push(item);
    }
  }
  return out;
}

/** Rapid Fire: the topics with most stories (at least `min`, at most `max`), each with its best stories. */
function groupByTopic(stories: DayStory[], rules: SelectRules): Array<{ topic: string; stories: DayStory[] }> {
  const groups = rules.groups ?? { min: 2, max: 4, perGroup: 4 };
  const byTopic = new Map<string, DayStory[]>();
  for (const story of stories) {
    const topic = story.topic ?? "other";
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), story]);
  }
  const ranked = [...byTopic.entries()]
    .map(([topic, list]) => ({ topic, stories: list.slice(0, groups.perGroup) }))
    .sort((a, b) => b.stories.length - a.stories.length || (b.stories[0]?.score ?? 0) - (a.stories[0]?.score ?? 0));
  let chosen = ranked.slice(0, groups.max);
  let total = chosen.reduce((n, g) => n + g.stories.length, 0);
  while (total > rules.count && chosen.length > groups.min) {
    chosen = chosen.slice(0, -1);
    total = chosen.reduce((n, g) => n + g.stories.length, 0);
  }
  // A group of one story is kept only when there is nothing else: a thin day is shown as thin.
  return chosen.filter((g, i) => g.stories.length > 1 || i < groups.min);
}
