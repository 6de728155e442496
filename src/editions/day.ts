import type { Entity, EntitySentiment, Sentiment } from "../model/entity.ts";
import type { SourceKind } from "../model/source.ts";
import type { Story, Topic } from "../model/story.ts";
import type { Trend } from "../stories/index.ts";

/** One source item as writers see it: its text and what analysis found in it. */
export type DayItem = {
  id: string;
  title: string;
  url: string | null;
  text: string;
  sourceId: string;
  sourceName: string;
  sourceKind: SourceKind;
  sourceWeight: number;
  publishedAt: string;
  entities: Entity[];
  sentiment: Sentiment;
  entitySentiments: EntitySentiment[];
  /** The image the item's page (og:image, when we fetched the page) or its feed entry names, else null. */
  image?: string | null;
  /** What the page or feed says `image` shows (og:image:alt, media:description), when it says. */
  imageAlt?: string | null;
};

export type DayStory = Story & {
  items: DayItem[];
  /**
   * Set when the story has coverage from before the window or was told in an earlier issue: `since` is
   * the moment from which coverage counts as new, `news` whether enough outlets wrote since (see follow-ups.ts).
   */
  followUp?: { since: string; news: boolean };
};

export type ArchiveLink = { title: string; url: string; date: string; edition: string };

export type TickerMood = {
  ticker: string;
  company: string;
  label: "Bullish" | "Bearish" | "Neutral";
  score: number;
  itemIds: string[];
};

/**
 * Everything an edition is written from, gathered by the pipeline: the day's ranked stories with their items,
 * the week's trends, the market mood per ticker, earlier issues, and which prompt tips were used lately.
 */
export type DayContext = {
  date: string;
  /** The IANA zone whose calendar `date` is a day of (the `timezone` setting); UTC when absent. */
  timeZone?: string;
  /** Ranked, best first; blocked stories already removed. */
  stories: DayStory[];
  /** Stories of the seven days before, for "third such deal this week" lines. */
  weekStories: Array<Pick<Story, "id" | "title" | "topic" | "firstItemAt"> & { entityKeys: string[] }>;
  trends: Trend[];
  tickers: TickerMood[];
  archive: ArchiveLink[];
  recentTips: string[];
  /** Stories this edition told in its issues of the week before, with the latest day each was told. */
  featured?: Array<{ storyId: string; date: string }>;
  topics: Topic[];
  siteUrl: string | null;
  tipsUrl: string | null;
};
