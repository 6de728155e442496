import type { IssueNote } from "../model/issue.ts";
import type { DayContext, DayStory } from "./day.ts";

/** Outlets that must have written about a story since it was told (or since the window opened) for it to be news. */
export const followUpOutlets = 2;

/**
 * A story is news once, and news is what is new. A story this edition told in an earlier issue, or one whose
 * coverage began before the previous issue's window (so an issue has already passed it over), counts as news again
 * only when at least two outlets have written about it since (since the day it was told, or since that window
 * opened): it is then ranked by that new coverage alone, and a story already told is written from the new items
 * only. A story without such coverage is held back from the news sections; its new items, and only those, stay
 * available to the sections that take items of a source kind (a podcast episode about it). A story that broke in the
 * previous window and was not told is still news: a late-evening story is the next morning's. Returns the day as the
 * edition sees it, and a note for the editor naming what was held back.
 *
 * @example
 * const { day: seen, note } = withoutRepeats(day, 24);
 */
export function withoutRepeats(day: DayContext, windowHours: number): { day: DayContext; note: IssueNote | null } {
  const toldOn = new Map((day.featured ?? []).map((f) => [f.storyId, f.date]));
  const window = windowHours * 3_600_000;
  // The previous issue's window: coverage from before it has had its chance.
  const previousStart = Date.parse(`${day.date}T23:59:59.999Z`) - 2 * window;
  const heldBack: string[] = [];
  const stories: DayStory[] = [];
  for (const story of day.stories) {
    const told = toldOn.get(story.id);
    const since = told ? Date.parse(`${told}T23:59:59.999Z`) : previousStart;
    const fresh = story.items.filter((item) => Date.parse(item.publishedAt) > since);
    if (!told && fresh.length === story.items.length) {
      stories.push(story);
      continue;
    }
    const outlets = new Set(fresh.map((item) => item.sourceId)).size;
    const news = outlets >= followUpOutlets;
    if (!news) heldBack.push(told ? `“${story.title}” (told ${told})` : `“${story.title}”`);
    if (!fresh.length) continue;
    // What the edition may write from: the new items, except that a story never told keeps its earlier coverage
    // as context when it is news again.
    const items = told || !news ? fresh : story.items;
    stories.push({
      ...story,
      items,
      itemIds: items.map((item) => item.id),
      outletCount: new Set(items.map((item) => item.sourceId)).size,
      // Ranked by what is new: the coverage since, as a share of all the story's coverage.
      score: story.score * (outlets / Math.max(1, story.outletCount)),
      followUp: { since: new Date(since).toISOString(), news },
    });
  }
  stories.sort((a, b) => b.score - a.score);
  const note: IssueNote | null = heldBack.length
    ? {
        level: "info",
        section: null,
        code: "selection",
        message: `Held back as old news (told before, or older than the last issue's window, and fewer than ${followUpOutlets} outlets have written since): ${heldBack.join(", ")}.`,
      }
    : null;
  return { day: { ...day, stories }, note };
}
