import type { Config } from "../config/schema.ts";
import { plainText } from "../ingest/html/sanitize.ts";
import type { Logger } from "../log.ts";
import type { Analysis, Entity } from "../model/entity.ts";
import type { ItemWithArticle } from "../model/item.ts";
import type { Source } from "../model/source.ts";
import type { Topic } from "../model/story.ts";
import type { ItemsRepo } from "../store/items-repo.ts";
import type { SourcesRepo } from "../store/sources-repo.ts";
import type { StoriesRepo } from "../store/stories-repo.ts";
import { analyzeText } from "../stories/analyze.ts";
import { documentFrequencies, storyId } from "../stories/cluster-items.ts";
import { Clusterer } from "../stories/clusterer.ts";
import { findCompany } from "../stories/entities/companies.ts";
import { extractEntities } from "../stories/entities/extract-entities.ts";
import { type ClusterInput, type ItemFeatures, itemFeatures } from "../stories/features.ts";
import { Interner } from "../stories/intern.ts";
import { createMinHasher } from "../stories/minhash.ts";
import { rankStory } from "../stories/rank.ts";
import { contentTokens } from "../stories/tokens.ts";
import { classifyTopic, defaultTopics } from "../stories/topics.ts";

/** Bumped when analysis changes, so stored analyses are redone. */
export const analyzerVersion = 2;

export type StoryDeps = {
  items: ItemsRepo;
  stories: StoriesRepo;
  sources: SourcesRepo;
  config: Readonly<Config>;
  log: Logger;
};

export type BuildStoriesOptions = {
  /** The moment the run happens "at": now, or the end of a past day when building for it. */
  asOf: Date;
  /** Hours an item may be apart from a story's latest item and still join it. */
  windowHours?: number;
  topics?: Topic[];
};

export type BuildStoriesReport = {
  itemsClustered: number;
  storiesCreated: number;
  storiesUpdated: number;
  storiesRanked: number;
};

const dayMs = 86_400_000;

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
  const { cannot } = await deps.stories.links();
  const cannotSet = new Set(cannot.map(([a, b]) => `${a}|${b}`));

  // Only items that new items could join need replaying: those within a window before the earliest new item.
  const unassigned = items.filter((i) => !assigned.has(i.id));
  let firstNew = Number.POSITIVE_INFINITY;
  for (const item of unassigned) firstNew = Math.min(firstNew, Date.parse(itemTime(item)));
  const replay = items.filter((i) => Date.parse(itemTime(i)) >= firstNew - windowHours * 3_600_000);
  const hasher = createMinHasher();
  const interner = new Interner();
  // The features `clusterItems` uses, entities included: the ones named in the title and lead, not the stored
  // analysis of the whole article (the model was fitted on these; a whole article names far more).
  const features = new Map<string, ItemFeatures>();
  for (const item of replay) {
    features.set(item.id, itemFeatures(toInput(item), { hasher, entities: extractEntities, interner }));
  }
  const stats = documentFrequencies([...features.values()]);
  const clusterer = new Clusterer({
    stats,
    windowHours,
    cannotLink: (a, b) => cannotSet.has(`${a}|${b}`) || cannotSet.has(`${b}|${a}`),
  });
  const indexOfStory = new Map<string, number>();
  const storyOfIndex = new Map<number, string>();
  const touched = new Set<string>();
  let created = 0;
  let clustered = 0;
  for (const item of replay) {
    const f = features.get(item.id) as ItemFeatures;
    const existing = assigned.get(item.id);
    if (existing) {
      const index = clusterer.place(f, indexOfStory.get(existing) ?? null);
      indexOfStory.set(existing, index);
      storyOfIndex.set(index, existing);
      continue;
    }
    const assignment = clusterer.add(f);
    let id = storyOfIndex.get(assignment.storyIndex);
    if (!id) {
      id = storyId([item.id]);
      storyOfIndex.set(assignment.storyIndex, id);
      indexOfStory.set(id, assignment.storyIndex);
      await deps.stories.create(id, item.title ?? "(untitled)", itemTime(item), now);
      created += 1;
    }
    await deps.stories.addItem(id, item.id, assignment.reason, assignment.score, now);
    touched.add(id);
    clustered += 1;
  }

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
  const stories = (
    await deps.stories.list({ since, until: new Date(context.asOf).toISOString(), includeBlocked: true })
  ).sort((a, b) => a.firstItemAt.localeCompare(b.firstItemAt));
  const keysOf = new Map<string, Set<string>>();
  const firstOf = new Map<string, number>();
  // Which earlier stories share a key with a story: novelty compares only with those.
  const byKey = new Map<string, string[]>();
  let ranked = 0;
  for (const story of stories) {
    const members = story.itemIds.map((id) => byId.get(id)).filter((i): i is ItemWithArticle => i !== undefined);
    if (!members.length) continue;
    const times = members.map((m) => Date.parse(itemTime(m)));
    const first = new Date(Math.min(...times)).toISOString();
    const last = new Date(Math.max(...times)).toISOString();
    const entities = (id: string): Entity[] => context.analyses.get(id)?.entities ?? [];
    const keys = storyKeys(members, entities);
    const firstTime = Date.parse(first);
    let similarity = 0;
    const compared = new Set<string>();
    for (const key of keys) {
      for (const other of byKey.get(key) ?? []) {
        if (compared.has(other)) continue;
        compared.add(other);
        const otherFirst = firstOf.get(other) as number;
        if (otherFirst < firstTime && firstTime - otherFirst <= 7 * dayMs) {
          similarity = Math.max(similarity, jaccard(keys, keysOf.get(other) as Set<string>));
        }
      }
    }
    const novelty = 1 - similarity;
    keysOf.set(story.id, keys);
    firstOf.set(story.id, firstTime);
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(story.id);
      else byKey.set(key, [story.id]);
    }
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
      novelty,
      prominence: (company) => findCompany(company)?.prominence ?? 0.3,
      now: context.asOf,
    });
    const lead = [...members].sort(
      (a, b) => (source(b)?.weight ?? 1) - (source(a)?.weight ?? 1) || itemTime(a).localeCompare(itemTime(b)),
    )[0] as ItemWithArticle;
    const topic = story.topicByEditor
      ? story.topic
      : classifyTopic(
          members.map((m) => ({ title: m.title ?? "", text: itemText(m), sourceKinds: [source(m)?.kind ?? "news"] })),
          context.topics,
        ).topic;
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
      },
      context.now,
    );
    ranked += 1;
  }
  return ranked;
}

/** What a story is about, for novelty: entities most of its items name, and its title's words. */
function storyKeys(members: ItemWithArticle[], entities: (id: string) => Entity[]): Set<string> {
  const counts = new Map<string, number>();
  for (const m of members) {
    for (const key of new Set(
      entities(m.id)
        .filter((e) => e.type !== "money" && e.type !== "quantity")
        .map((e) => `${e.type}:${e.normalized}`),
    )) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const keys = new Set([...counts].filter(([, n]) => n * 2 >= members.length).map(([k]) => k));
  for (const token of contentTokens(members[0]?.title ?? "")) keys.add(`t:${token}`);
  return keys;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const key of a) if (b.has(key)) shared += 1;
  return a.size + b.size - shared ? shared / (a.size + b.size - shared) : 0;
}
