import { writeIssue } from "../editions/build-issue.ts";
import type { DayContext, DayItem, DayStory } from "../editions/day.ts";
import type { EditionDefinition } from "../editions/definition.ts";
import { OfflineWriter } from "../editions/offline/offline-writer.ts";
import type { Writer } from "../editions/writer.ts";
import type { Issue } from "../model/issue.ts";
import type { SourceKind } from "../model/source.ts";
import { issueUrl } from "../render/options.ts";
import type { IssuesRepo } from "../store/issues-repo.ts";
import { aggregateTickerSentiment } from "../stories/sentiment/aggregate.ts";
import { configuredTopics } from "../stories/topics.ts";
import { computeTrends, type Mention } from "../stories/trends.ts";
import { analyzerVersion, buildStories, itemText, type StoryDeps } from "./build-stories.ts";

export type IssueDeps = StoryDeps & { issues: IssuesRepo };

export type BuildIssueOptions = {
  edition: EditionDefinition;
  date: string;
  writer?: Writer;
  now?: Date;
};

const dayMs = 86_400_000;

/**
 * Builds (or rebuilds) the draft issue of an edition for a day: brings stories up to date as of the end of that day,
 * gathers the day's context from the store, writes the issue and saves it as a draft.
 */
export async function buildIssue(deps: IssueDeps, options: BuildIssueOptions): Promise<Issue> {
  const asOf = new Date(Date.parse(`${options.date}T23:59:59.999Z`));
  const topics = configuredTopics(deps.config);
  await buildStories(deps, { asOf, topics });
  const day = await dayContext(deps, options.edition, options.date, asOf);
  const issue = await writeIssue(options.edition, day, {
    ...(options.writer ? { writer: options.writer } : {}),
    offline: new OfflineWriter(deps.config.promptTips ? { tipsPath: deps.config.promptTips } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const withUrl = {
    ...issue,
    url: deps.config.siteUrl ? issueUrl(issue, { siteUrl: deps.config.siteUrl }) : null,
  };
  await deps.issues.saveDraft(withUrl, new Date().toISOString());
  return withUrl;
}

async function dayContext(deps: IssueDeps, edition: EditionDefinition, date: string, asOf: Date): Promise<DayContext> {
  const windowStart = new Date(asOf.getTime() - edition.windowHours * 3_600_000);
  const weekStart = new Date(windowStart.getTime() - 7 * dayMs);
  const sources = new Map((await deps.sources.list()).map((s) => [s.id, s]));
  const dayStories = await deps.stories.list({ since: windowStart.toISOString(), until: asOf.toISOString() });
  const weekStories = (
    await deps.stories.list({ since: weekStart.toISOString(), until: windowStart.toISOString(), includeBlocked: true })
  ).filter((s) => !dayStories.some((d) => d.id === s.id));
  const itemIds = [...new Set([...dayStories, ...weekStories].flatMap((s) => s.itemIds))];
  const items = new Map((await deps.items.list({ ids: itemIds })).map((i) => [i.id, i]));
  const analyses = await deps.stories.analyses(itemIds, analyzerVersion);

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
      text: itemText(item),
      sourceId: item.sourceId,
      sourceName: source?.name ?? item.sourceId,
      sourceKind: (source?.kind ?? "news") as SourceKind,
      sourceWeight: source?.weight ?? 1,
      publishedAt: item.publishedAt ?? item.firstSeenAt,
      entities: analysis?.entities ?? [],
      sentiment: analysis?.sentiment ?? { label: "neutral", score: 0 },
      entitySentiments: analysis?.entitySentiments ?? [],
    };
  };
  const stories: DayStory[] = dayStories
    .map((story) => ({
      ...story,
      items: story.itemIds
        .map(toDayItem)
        .filter((i): i is DayItem => i !== null)
        .sort((a, b) => b.sourceWeight - a.sourceWeight),
    }))
    .filter((s) => s.items.length);
  const weekEntityKeys = (itemIdsOf: string[]) => [
    ...new Set(
      itemIdsOf.flatMap((id) =>
        (analyses.get(id)?.entities ?? [])
          .filter((e) => e.type === "org" || e.type === "product")
          .map((e) => `${e.type}:${e.normalized.toLowerCase()}`),
      ),
    ),
  ];

  const mentions: Mention[] = [];
  for (const story of [...dayStories, ...weekStories]) {
    const day = story.lastItemAt.slice(0, 10);
    for (const key of weekEntityKeys(story.itemIds)) mentions.push({ key, day, storyId: story.id });
    if (story.topic) mentions.push({ key: `topic:${story.topic}`, day, storyId: story.id });
  }
  const dayItems = stories.flatMap((s) => s.items);
  const tickers = aggregateTickerSentiment(
    dayItems.map((i) => ({
      id: i.id,
      sourceWeight: i.sourceWeight,
      publishedAt: i.publishedAt,
      entitySentiments: i.entitySentiments,
    })),
    { day: date },
  ).map((t) => ({ ticker: t.ticker, company: t.company, label: t.label, score: t.score, itemIds: t.itemIds }));

  const siteUrl = deps.config.siteUrl?.replace(/\/$/, "") ?? null;
  const archive = (await deps.issues.list({ edition: edition.id, before: date, limit: 10 })).map((issue) => ({
    title: issue.title,
    // Relative to the site root without a site URL; renderers resolve it from the page that shows it.
    url: issueUrl(issue, { siteUrl }),
    date: issue.date,
    edition: issue.edition,
  }));
  return {
    date,
    stories,
    weekStories: weekStories.map((s) => ({
      id: s.id,
      title: s.title,
      topic: s.topic,
      firstItemAt: s.firstItemAt,
      entityKeys: weekEntityKeys(s.itemIds),
    })),
    trends: computeTrends(mentions, date),
    tickers,
    archive,
    recentTips: await deps.issues.recentTips(date, 60),
    featured: await deps.issues.featuredStories(edition.id, date, 7),
    topics: configuredTopics(deps.config),
    siteUrl,
    tipsUrl: siteUrl ? `${siteUrl}/tips` : null,
  };
}
