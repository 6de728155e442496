import {
  assembleDay,
  type DayContext,
  type EditionDefinition,
  EVENING_HOURS,
  builtinEditions as editionNames,
  type ImageProbe,
  loadEdition,
  OfflineWriter,
  type Writer,
  writeEditionIssue,
} from "../editions/index.ts";
import { endOfDay, resolveTimeZone } from "../model/day.ts";
import type { Issue } from "../model/issue.ts";
import { issueUrl } from "../render/index.ts";
import type { IssuesRepo } from "../store/issues-repo.ts";
import { configuredTopics } from "../stories/index.ts";
import { analyzerVersion, buildStories, itemText, type StoryDeps } from "./build-stories.ts";
import { createImageProbe } from "./image-probe.ts";

export type IssueDeps = StoryDeps & { issues: IssuesRepo };

export type BuildIssueOptions = {
  /** An edition definition, or the name of a built-in one or a path to a YAML file of one. */
  edition: EditionDefinition | string;
  date: string;
  writer?: Writer;
  now?: Date;
  /** How the lead image is measured; default: fetched under the config's network policy. null: no lead image. */
  images?: ImageProbe | null;
};

const dayMs = 86_400_000;

/** The built-in editions' names (digest, briefing), for commands that build them all. */
export const builtinEditions: readonly string[] = editionNames;

/** An edition by name or file (E_EDITION_* when it is not one), for commands to check before they start work. */
export function resolveEdition(nameOrPath: string): EditionDefinition {
  return loadEdition(nameOrPath);
}

/**
 * Builds (or rebuilds) the draft issue of an edition for a day: brings stories up to date as of the end of that day
 * (midnight in the configured time zone), reads the day's stories, items, analyses and earlier issues from the
 * store, has the editions stage write the issue, and saves it as a draft.
 */
export async function buildIssue(deps: IssueDeps, options: BuildIssueOptions): Promise<Issue> {
  const edition = typeof options.edition === "string" ? loadEdition(options.edition) : options.edition;
  const timeZone = resolveTimeZone(deps.config.timezone);
  const asOf = endOfDay(options.date, timeZone);
  const topics = configuredTopics(deps.config);
  await buildStories(deps, { asOf, topics });
  const input = await readDay(deps, edition, options.date, asOf);
  const own = options.images === undefined ? createImageProbe(deps.config) : null;
  const images = options.images === undefined ? own : options.images;
  let issue: Issue;
  try {
    issue = await writeEditionIssue(edition, input, {
      ...(options.writer ? { writer: options.writer } : {}),
      offline: new OfflineWriter(deps.config.promptTips ? { tipsPath: deps.config.promptTips } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(images ? { images } : {}),
    });
  } finally {
    await own?.close();
  }
  const withUrl = {
    ...issue,
    url: deps.config.siteUrl ? issueUrl(issue, { siteUrl: deps.config.siteUrl }) : null,
  };
  await deps.issues.saveDraft(withUrl, new Date().toISOString());
  return withUrl;
}

/** The day's context an edition is written from (also what the desk checks an edited text against). */
export async function dayContext(
  deps: IssueDeps,
  edition: EditionDefinition,
  date: string,
  asOf: Date,
): Promise<DayContext> {
  return assembleDay(await readDay(deps, edition, date, asOf));
}

/** The store reads an edition's day is assembled from; the assembling itself is the editions stage's. */
async function readDay(deps: IssueDeps, edition: EditionDefinition, date: string, asOf: Date) {
  const windowStart = new Date(asOf.getTime() - edition.windowHours * 3_600_000);
  const weekStart = new Date(windowStart.getTime() - 7 * dayMs);
  // The evening before the window is the day's news too (a late story is the next morning's).
  const newsFrom = new Date(windowStart.getTime() - EVENING_HOURS * 3_600_000);
  const dayStories = await deps.stories.list({ since: newsFrom.toISOString(), until: asOf.toISOString() });
  const weekStories = (
    await deps.stories.list({ since: weekStart.toISOString(), until: windowStart.toISOString(), includeBlocked: true })
  ).filter((s) => !dayStories.some((d) => d.id === s.id));
  const itemIds = [...new Set([...dayStories, ...weekStories].flatMap((s) => s.itemIds))];
  const items = await deps.items.list({ ids: itemIds });
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
    timeZone: resolveTimeZone(deps.config.timezone),
    asOf,
    dayStories,
    weekStories,
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      url: item.url,
      text: itemText(item),
      sourceId: item.sourceId,
      publishedAt: item.publishedAt,
      firstSeenAt: item.firstSeenAt,
      // The page's own image only when we fetched the page; else what the feed named. Its alt text goes with it.
      image: item.article?.image ?? item.image,
      imageAlt: item.article?.image ? (item.article.imageAlt ?? null) : (item.imageAlt ?? null),
    })),
    sources: await deps.sources.list(),
    analyses: await deps.stories.analyses(itemIds, analyzerVersion),
    archive,
    recentTips: await deps.issues.recentTips(date, 60),
    featured: await deps.issues.featuredStories(edition.id, date, 7),
    topics: configuredTopics(deps.config),
    siteUrl,
  };
}
