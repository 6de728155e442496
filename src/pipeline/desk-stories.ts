import type { Story, Topic } from "../model/story.ts";
import { ItemsRepo } from "../store/items-repo.ts";
import { SourcesRepo } from "../store/sources-repo.ts";
import { StoriesRepo } from "../store/stories-repo.ts";
import { configuredTopics } from "../stories/index.ts";
import { mergeStories, setStoryTopic, splitStory } from "./edit-stories.ts";
import type { SendContext } from "./send-issue.ts";

export type CoverageItem = { id: string; title: string; url: string | null; source: string; publishedAt: string };
export type StoryWithCoverage = Story & { coverage: CoverageItem[] };

/** The ranked stories active between two instants, each with its coverage, and the topics an editor may file under. */
export async function storiesView(
  ctx: SendContext,
  range: { since: string; until: string; limit?: number },
): Promise<{ stories: StoryWithCoverage[]; topics: Topic[] }> {
  const stories = await new StoriesRepo(ctx.db).list({
    since: range.since,
    until: range.until,
    includeBlocked: true,
    limit: range.limit ?? 100,
  });
  const items = new Map(
    (await new ItemsRepo(ctx.db).list({ ids: [...new Set(stories.flatMap((s) => s.itemIds))] })).map((i) => [i.id, i]),
  );
  const sources = new Map((await new SourcesRepo(ctx.db).list()).map((s) => [s.id, s.name]));
  return {
    stories: stories.map((story) => ({
      ...story,
      coverage: story.itemIds.flatMap((id) => {
        const item = items.get(id);
        return item
          ? [
              {
                id,
                title: item.title ?? "(untitled)",
                url: item.url,
                source: sources.get(item.sourceId) ?? item.sourceId,
                publishedAt: item.publishedAt ?? item.firstSeenAt,
              },
            ]
          : [];
      }),
    })),
    topics: configuredTopics(ctx.config),
  };
}

const editDeps = (ctx: SendContext) => ({
  stories: new StoriesRepo(ctx.db),
  items: new ItemsRepo(ctx.db),
  config: ctx.config,
});

/** The desk's merge, split and re-label: the same decisions `daybrief stories merge|split|topic` record. */
export const deskMerge = (ctx: SendContext, into: string, from: string) =>
  mergeStories(editDeps(ctx), into, from, new Date().toISOString());
export const deskSplit = (ctx: SendContext, id: string, itemIds: string[]) =>
  splitStory(editDeps(ctx), id, itemIds, new Date().toISOString());
export const deskTopic = (ctx: SendContext, id: string, topic: string) =>
  setStoryTopic(editDeps(ctx), id, topic, new Date().toISOString());
