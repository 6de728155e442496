import { dayOf } from "../model/day.ts";
import type { Analysis } from "../model/entity.ts";
import type { Source } from "../model/source.ts";
import type { Story, Topic } from "../model/story.ts";
import { aggregateTickerSentiment, computeTrends, type Mention } from "../stories/index.ts";
import type { ArchiveLink, DayContext, DayItem, DayStory } from "./day.ts";

/** An item as the store keeps it, with its text already taken from the article, content or summary. */
export type DaySourceItem = {
  id: string;
  title: string | null;
  url: string | null;
  text: string;
  sourceId: string;
  publishedAt: string | null;
  firstSeenAt: string;
  /** The image the item's page (og:image, when we fetched the page) or its feed entry names. */
  image?: string | null;
  /** What that page or feed says the image shows (og:image:alt, media:description). */
  imageAlt?: string | null;
};

/**
 * What an edition's day is assembled from: plain records the pipeline read from the store, nothing computed yet.
 * `dayStories` are the stories active in the edition's window; `weekStories` those of the seven days before it.
 */
export type DayInput = {
  date: string;
  timeZone: string;
  /** The end of the day being built: an item published later is not part of it. */
  asOf: Date;
  dayStories: Story[];
  weekStories: Story[];
  items: DaySourceItem[];
  sources: Source[];
  analyses: Map<string, Analysis>;
  archive: ArchiveLink[];
  recentTips: string[];
  featured: Array<{ storyId: string; date: string }>;
  topics: Topic[];
  siteUrl: string | null;
};

/**
 * The day an edition is written from: the day's stories with their items (a story's later items left out, the
 * most trusted outlet first), the week before for comparisons, trends against it, and the market mood per ticker.
 *
 * @example
 * const day = assembleDay({ date: "2025-12-02", timeZone: "UTC", asOf, dayStories, weekStories, items, … });
 * const issue = await writeIssue(loadEdition("digest"), day);
 */
export function assembleDay(input: DayInput): DayContext {
  const { analyses, asOf, timeZone, date } = input;
  const dayIds = new Set(input.dayStories.map((s) => s.id));
  const weekStories = input.weekStories.filter((s) => !dayIds.has(s.id));
  const items = new Map(input.items.map((i) => [i.id, i]));
  const sources = new Map(input.sources.map((s) => [s.id, s]));

  const toDayItem = (id: string): DayItem | null => {
    const item = items.get(id);
    // A story may have grown after the day being built; its later items are not part of that day's issue.
    if (!item || Date.parse(item.publishedAt ?? item.firstSeenAt) > asOf.getTime()) return null;
    const source = sources.get(item.sourceId);
    const analysis = analyses.get(id);
    return {
      id,
      title: item.title ?? "(untitled)",
      url: item.url,
      text: item.text,
      sourceId: item.sourceId,
      sourceName: source?.name ?? item.sourceId,
      sourceKind: source?.kind ?? "news",
      sourceWeight: source?.weight ?? 1,
      publishedAt: item.publishedAt ?? item.firstSeenAt,
      entities: analysis?.entities ?? [],
      sentiment: analysis?.sentiment ?? { label: "neutral", score: 0 },
      entitySentiments: analysis?.entitySentiments ?? [],
      image: item.image ?? null,
      imageAlt: item.imageAlt ?? null,
    };
  };
  const stories: DayStory[] = input.dayStories
    .map((story) => ({
      ...story,
      items: story.itemIds
        .map(toDayItem)
        .filter((i): i is DayItem => i !== null)
        .sort((a, b) => b.sourceWeight - a.sourceWeight),
    }))
    .filter((s) => s.items.length);
  const entityKeys = (itemIds: string[]) => [
    ...new Set(
      itemIds.flatMap((id) =>
        (analyses.get(id)?.entities ?? [])
          .filter((e) => e.type === "org" || e.type === "product")
          .map((e) => `${e.type}:${e.normalized.toLowerCase()}`),
      ),
    ),
  ];

  const mentions: Mention[] = [];
  for (const story of [...input.dayStories, ...weekStories]) {
    const day = dayOf(story.lastItemAt, timeZone);
    for (const key of entityKeys(story.itemIds)) mentions.push({ key, day, storyId: story.id });
    if (story.topic) mentions.push({ key: `topic:${story.topic}`, day, storyId: story.id });
  }
  const tickers = aggregateTickerSentiment(
    stories
      .flatMap((s) => s.items)
      .map((i) => ({
        id: i.id,
        sourceWeight: i.sourceWeight,
        publishedAt: i.publishedAt,
        entitySentiments: i.entitySentiments,
      })),
    { day: date, timeZone },
  ).map((t) => ({ ticker: t.ticker, company: t.company, label: t.label, score: t.score, itemIds: t.itemIds }));

  const siteUrl = input.siteUrl?.replace(/\/$/, "") ?? null;
  return {
    date,
    timeZone,
    stories,
    weekStories: weekStories.map((s) => ({
      id: s.id,
      title: s.title,
      topic: s.topic,
      firstItemAt: s.firstItemAt,
      entityKeys: entityKeys(s.itemIds),
    })),
    trends: computeTrends(mentions, date),
    tickers,
    archive: input.archive,
    recentTips: input.recentTips,
    featured: input.featured,
    topics: input.topics,
    siteUrl,
    tipsUrl: siteUrl ? `${siteUrl}/tips` : null,
  };
}
