import type { Config } from "../config/schema.ts";
import { plainText } from "../ingest/index.ts";
import type { Logger } from "../log.ts";
import type { Analysis, Entity, Sentiment } from "../model/entity.ts";
import type { ItemWithArticle } from "../model/item.ts";
import type { Source } from "../model/source.ts";
import type { StorySubject, Topic } from "../model/story.ts";
import type { Db } from "../store/db.ts";
import type { ItemsRepo } from "../store/items-repo.ts";
import type { SourcesRepo } from "../store/sources-repo.ts";
import type { StoriesRepo } from "../store/stories-repo.ts";
import {
  analyzeText,
  type ClusterInput,
  type ClusterOptions,
  clusterItems,
  configuredTopics,
  defaultTopics,
  describeStory,
  leadItem,
  NoveltyTracker,
  rankStory,
} from "../stories/index.ts";
import { findCompany } from "../text/entities/companies.ts";
import { extractEntities } from "../text/entities/extract-entities.ts";
import { assignWithSemanticHelp, type SemanticReport, semanticCaches } from "./semantic-help.ts";

/** Bumped when analysis changes, so stored analyses are redone. */
export const analyzerVersion = 2;

export type StoryDeps = {
  items: ItemsRepo;
  stories: StoriesRepo;
  sources: SourcesRepo;
  config: Readonly<Config>;
  log: Logger;
  /** The store itself, for the caches of the semantic help (embeddings, judge answers); in memory without it. */
  db?: Db;
};

export type BuildStoriesOptions = {
  /** The moment the run happens "at": now, or the end of a past day when building for it. */
  asOf: Date;
  /** Hours an item may be apart from a story's latest item and still join it. */
  windowHours?: number;
  topics?: Topic[];
  /** The pair model's weights and threshold, when not the fitted defaults: how cross-set evaluation runs the store path. */
  model?: Pick<ClusterOptions, "weights" | "threshold">;
};

export type BuildStoriesReport = {
  itemsClustered: number;
  storiesCreated: number;
  storiesUpdated: number;
  storiesRanked: number;
  /** What embeddings and the judge did, when configured; their failures as warnings. */
  semantic: SemanticReport;
};

const dayMs = 86_400_000;
/**
 * Term rarity is counted over at least this many items: when the fortnight before a run holds fewer (a new or a
 * quiet installation), the newest items before it count too. A word's weight depends on how much else is in the
 * batch, and the pair model was fitted on batches of about a thousand items; counted over a fortnight of 35 items,
 * held-out recall fell from 0.76 to 0.62 on the development corpora. Only their words are read: they are never
 * clustered.
 */
const rarityItems = 1000;

/** The text an item is judged by: its extracted article, else its feed content or summary. */
export function itemText(item: ItemWithArticle): string {
  return item.article?.text ?? plainText(item.contentHtml ?? item.summary ?? "") ?? "";
}

/**
 * Brings stories up to date: analyses new items (entities, sentiment), clusters every item not yet in a story
 * into the recent stories (items already placed never move; editors' merges and splits are respected), then
 * re-titles, re-classifies and re-ranks every story active in the last week as of `asOf`.
 */
export async function buildStories(deps: StoryDeps, options: BuildStoriesOptions): Promise<BuildStoriesReport> {
  const asOf = options.asOf.getTime();
  const windowHours = options.windowHours ?? 72;
  const now = new Date().toISOString();
  const until = new Date(asOf).toISOString();
  // Everything a story active this week could contain, plus a window before it for context and novelty.
  const items = (await deps.items.list({ since: new Date(asOf - 14 * dayMs).toISOString(), until })).reverse();
  const analyses = await analyseAll(deps, items, now);
  const assigned = await deps.stories.assignments(items.map((i) => i.id));
  const sources = new Map((await deps.sources.list()).map((s) => [s.id, s]));
  const links = await deps.stories.links();

  // Only items that new items could join need replaying: those within a window before the earliest new item.
  const unassigned = items.filter((i) => !assigned.has(i.id));
  let firstNew = Number.POSITIVE_INFINITY;
  for (const item of unassigned) firstNew = Math.min(firstNew, Date.parse(itemTime(item)));
  const replay = items.filter((i) => Date.parse(itemTime(i)) >= firstNew - windowHours * 3_600_000);
  // The clustering `stories cluster --jsonl` runs, with the store's assignments and the editors' links. Entities
  // are the ones named in the title and lead, not the stored analysis of the whole article (the model was fitted
  // on these; a whole article names far more).
  const replayed = new Set(replay.map((i) => i.id));
  const earlier =
    items.length < rarityItems
      ? await deps.items.list({ until: new Date(asOf - 14 * dayMs).toISOString(), limit: rarityItems - items.length })
      : [];
  const context = [...items.filter((i) => !replayed.has(i.id)), ...earlier].map(toInput);
  const replayInputs = replay.map(toInput);
  const { assignments, semantic } = await assignWithSemanticHelp(
    replayInputs,
    {
      context,
      entities: extractEntities,
      windowHours,
      ...options.model,
      placed: assigned,
      mustLink: links.must,
      cannotLink: links.cannot,
      // The context's vectors set the background embedding similarity is measured against.
      embedFor: [...replayInputs, ...context],
    },
    deps.config,
    semanticCaches(deps.db),
    deps.log,
  );
  const byId = new Map(items.map((i) => [i.id, i]));
  const touched = new Set<string>();
  let created = 0;
  const known = new Set(assigned.values());
  for (const assignment of assignments) {
    const item = byId.get(assignment.itemId) as ItemWithArticle;
    if (!known.has(assignment.storyId)) {
      known.add(assignment.storyId);
      await deps.stories.create(assignment.storyId, item.title ?? "(untitled)", itemTime(item), now);
      created += 1;
    }
  }
  for (const assignment of assignments) {
    await deps.stories.addItem(assignment.storyId, assignment.itemId, assignment.reason, assignment.score, now);
    touched.add(assignment.storyId);
  }
  const clustered = assignments.length;

  const ranked = await rankActive(deps, {
    items,
    analyses,
    sources,
    asOf,
    topics: options.topics ?? defaultTopics,
    now,
  });
  deps.log.info({ items_clustered: clustered, stories_created: created, stories_ranked: ranked }, "stories built");
  return {
    itemsClustered: clustered,
    storiesCreated: created,
    storiesUpdated: touched.size - created,
    storiesRanked: ranked,
    semantic,
  };
}

async function analyseAll(deps: StoryDeps, items: ItemWithArticle[], now: string): Promise<Map<string, Analysis>> {
  const stored = await deps.stories.analyses(
    items.map((i) => i.id),
    analyzerVersion,
  );
  for (const item of items) {
    if (stored.has(item.id)) continue;
    const analysis = analyzeText(`${item.title ?? ""}\n\n${itemText(item)}`);
    await deps.stories.saveAnalysis(item.id, analysis, analyzerVersion, now);
    stored.set(item.id, analysis);
  }
  return stored;
}

function toInput(item: ItemWithArticle): ClusterInput {
  return {
    id: item.id,
    title: item.title ?? "",
    text: itemText(item),
    url: item.url,
    source: item.sourceId,
    published: itemTime(item),
    guid: item.guid,
  };
}

function itemTime(item: ItemWithArticle): string {
  return item.publishedAt ?? item.firstSeenAt;
}

type RankContext = {
  items: ItemWithArticle[];
  analyses: Map<string, Analysis>;
  sources: Map<string, Source>;
  asOf: number;
  topics: Topic[];
  now: string;
};

/** Re-titles, classifies and ranks the stories active in the week before `asOf`. */
async function rankActive(deps: StoryDeps, context: RankContext): Promise<number> {
  const byId = new Map(context.items.map((i) => [i.id, i]));
  const since = new Date(context.asOf - 14 * dayMs).toISOString();
  // Novelty depends on the stories ranked before, so the order is a function of the members alone (their first
  // time, then the id): never of the scores or times a previous ranking stored, or ranking twice could differ.
  const stories = (
    await deps.stories.list({ since, until: new Date(context.asOf).toISOString(), includeBlocked: true })
  )
    .map((story) => {
      const members = story.itemIds.map((id) => byId.get(id)).filter((i): i is ItemWithArticle => i !== undefined);
      const times = members.map((m) => Date.parse(itemTime(m)));
      return { story, members, first: Math.min(...times), last: Math.max(...times) };
    })
    .filter((s) => s.members.length > 0)
    .sort((a, b) => a.first - b.first || (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0));
  const novelty = new NoveltyTracker();
  let ranked = 0;
  for (const { story, members, first: firstMs, last: lastMs } of stories) {
    const first = new Date(firstMs).toISOString();
    const last = new Date(lastMs).toISOString();
    const entities = (id: string): Entity[] => context.analyses.get(id)?.entities ?? [];
    const storyNovelty = novelty.add(
      story.id,
      Date.parse(first),
      members.map((m) => ({ id: m.id, title: m.title ?? "", entities: entities(m.id) })),
    );
    const source = (m: ItemWithArticle) => context.sources.get(m.sourceId);
    const { score, factors } = rankStory({
      items: members.map((m) => ({
        sourceId: m.sourceId,
        sourceName: source(m)?.name ?? m.sourceId,
        sourceWeight: source(m)?.weight ?? 1,
        time: Date.parse(itemTime(m)),
        entities: entities(m.id),
        title: m.title ?? "",
      })),
      pinned: story.pinned,
      novelty: storyNovelty,
      prominence: (company) => findCompany(company)?.prominence ?? 0.3,
      now: context.asOf,
    });
    const lead = leadItem(
      members.map((m) => ({ item: m, sourceWeight: source(m)?.weight ?? 1, time: itemTime(m) })),
    ).item;
    const description = describeStory(
      members.map((m) => {
        const analysis = context.analyses.get(m.id);
        return {
          title: m.title ?? "",
          text: itemText(m),
          sourceKind: source(m)?.kind ?? "news",
          source: source(m)?.name ?? m.sourceId,
          ...(analysis ? { analysis } : {}),
        };
      }),
      context.topics,
    );
    const topic = story.topicByEditor ? story.topic : description.topic;
    await deps.stories.update(
      story.id,
      {
        title: lead.title ?? story.title,
        topic,
        score,
        factors,
        firstItemAt: first,
        lastItemAt: last,
        itemCount: members.length,
        outletCount: new Set(members.map((m) => m.sourceId)).size,
        subject: description.subject,
        sentiment: description.sentiment,
      },
      context.now,
    );
    ranked += 1;
  }
  return ranked;
}

/** A story as `stories cluster --jsonl` prints it. */
export type StandaloneStory = {
  storyId: string;
  title: string;
  itemIds: string[];
  subject: StorySubject | null;
  topic: string;
  sentiment: Sentiment;
};

/**
 * `stories cluster --jsonl` without a store: the same clustering a store's run does (`assignStories` there), then
 * each story's subject, topic and tone.
 */
export function clusterStandalone(items: ClusterInput[], topics: Topic[] = defaultTopics): StandaloneStory[] {
  return describeClusters(items, clusterItems(items, { entities: extractEntities }), topics);
}

/**
 * `stories cluster --jsonl` with the semantic help the configuration provides (embeddings, the judge), as a store's
 * run has it; caches in memory, as there is no store. Without either configured, exactly `clusterStandalone`.
 */
export async function clusterStandaloneWithHelp(
  items: ClusterInput[],
  config: Readonly<Config>,
  log: Logger,
  topics: Topic[] = defaultTopics,
): Promise<{ stories: StandaloneStory[]; semantic: SemanticReport }> {
  const { stories, semantic } = await assignWithSemanticHelp(
    items,
    { entities: extractEntities },
    config,
    semanticCaches(),
    log,
  );
  return { stories: describeClusters(items, stories, topics), semantic };
}

function describeClusters(
  items: ClusterInput[],
  clustered: Array<{ storyId: string; title: string; itemIds: string[] }>,
  topics: Topic[],
): StandaloneStory[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return clustered.map((story) => {
    const members = story.itemIds.map((id) => byId.get(id) as ClusterInput);
    const { subject, topic, sentiment } = describeStory(
      members.map((m) => ({ title: m.title, text: m.text, ...(m.source ? { source: m.source } : {}) })),
      topics,
    );
    return { storyId: story.storyId, title: story.title, itemIds: story.itemIds, subject, topic, sentiment };
  });
}

export type { ClusterInput };

/** The topics stories are filed under: the config's, else the built-in taxonomy. */
export function storyTopics(config: Readonly<Config>): Topic[] {
  return configuredTopics(config);
}
