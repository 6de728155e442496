import { daysBefore, endOfDay } from "../model/day.ts";
import type { IssueNote } from "../model/issue.ts";
import type { DayContext, DayStory } from "./day.ts";

/** Outlets that must have written about a story since it was told (or since the window opened) for it to be news. */
export const followUpOutlets = 2;

/**
 * Hours before an issue's window that still count as its news when no issue of the day before was written: a
 * story first reported in the evening before the day (from 18:00 for a day's window) is the next morning's news;
 * one from earlier in that day was the day before's. When the day before has its issue, that issue's window saw
 * the evening, and the evening's stories were its news.
 */
export const EVENING_HOURS = 6;

/**
 * A story is news once, and news is what is new: the issue for day D leads with events first reported on D or the
 * evening before (EVENING_HOURS before the window opens). A story this edition told in an earlier issue, or one
 * whose coverage began before that (so it was the news of an earlier day), counts as news again only as a follow-up:
 * when at least two outlets have written about it since (since the day it was told, or since the evening before):
 * it is then ranked by that new coverage alone, never leads while a story first reported today is there to lead,
 * and a story already told is written from the new items only. A story without such coverage is held back from the
 * news sections; its new items, and only those, stay available to the sections that take items of a source kind (a
 * podcast episode about it). An editor's pin wins over all of this: a pinned story is news as it is. Every edition
 * of a day sees the same order of the day's new stories, so they agree on the biggest. Returns the day as the
 * edition sees it, and a note for the editor naming what was held back.
 *
 * @example
 * const { day: seen, note } = withoutRepeats(day, 24);
 */
export function withoutRepeats(day: DayContext, windowHours: number): { day: DayContext; note: IssueNote | null } {
  const toldOn = new Map((day.featured ?? []).map((f) => [f.storyId, f.date]));
  const window = windowHours * 3_600_000;
  // The evening before the window: coverage from before it was an earlier day's news and has had its chance.
  const zone = day.timeZone ?? "UTC";
  const dayBefore = daysBefore(day.date, 1);
  const evening = (day.archive ?? []).some((issue) => issue.date === dayBefore) ? 0 : EVENING_HOURS * 3_600_000;
  const newsFrom = endOfDay(day.date, zone).getTime() + 1 - window - evening;
  const heldBack: string[] = [];
  const stories: DayStory[] = [];
  for (const story of day.stories) {
    if (story.pinned) {
      stories.push(story);
      continue;
    }
    const told = toldOn.get(story.id);
    const since = told ? Math.max(endOfDay(told, zone).getTime(), newsFrom) : newsFrom;
    const fresh = story.items.filter((item) => Date.parse(item.publishedAt) >= since);
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
  leadWithNews(stories);
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

/**
 * The day's lead is a story first reported that day: when a follow-up ranks first, the best new story goes before
 * it (an editor's pin still leads). Sorts in place.
 */
function leadWithNews(stories: DayStory[]): void {
  const first = stories[0];
  if (!first || first.pinned || !first.followUp) return;
  const news = stories.findIndex(
    (s) => !s.followUp && s.items.some((item) => item.sourceKind !== "arxiv" && item.sourceKind !== "podcast"),
  );
  if (news > 0) stories.unshift(...stories.splice(news, 1));
}
