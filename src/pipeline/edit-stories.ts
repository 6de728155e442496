import type { Config } from "../config/schema.ts";
import { DaybriefError } from "../errors.ts";
import type { Story } from "../model/story.ts";
import type { ItemsRepo } from "../store/items-repo.ts";
import type { StoriesRepo } from "../store/stories-repo.ts";
import { configuredTopics, storyId } from "../stories/index.ts";

/**
 * Editors' decisions on stories — merge, split, pin, block, file under a topic — checked and recorded. Later runs
 * of the clustering honour them: merged items stay together, split ones apart, an editor's topic stays.
 */
export type EditDeps = { stories: StoriesRepo; items: ItemsRepo; config: Readonly<Config> };

async function mustFind(repo: StoriesRepo, id: string): Promise<Story> {
  const story = await repo.get(id);
  if (!story) throw new DaybriefError("E_STORY_NOT_FOUND", `No story "${id}".`);
  return story;
}

/** Moves every item of `from` into `into`; returns how many moved. */
export async function mergeStories(deps: EditDeps, into: string, from: string, now: string): Promise<number> {
  if (into === from) throw new DaybriefError("E_USAGE", "A story cannot be merged into itself.");
  await mustFind(deps.stories, into);
  const other = await mustFind(deps.stories, from);
  await deps.stories.merge(into, from, now);
  return other.itemIds.length;
}

/**
 * Moves some items of a story into a new story of their own and returns its id. Refuses to move none, items of
 * another story, or every item (that would leave an empty story behind).
 */
export async function splitStory(deps: EditDeps, id: string, itemIds: string[], now: string): Promise<string> {
  const story = await mustFind(deps.stories, id);
  const moving = [...new Set(itemIds)];
  if (!moving.length) throw new DaybriefError("E_USAGE", "Name at least one item to move out of the story.");
  const unknown = moving.filter((i) => !story.itemIds.includes(i));
  if (unknown.length) throw new DaybriefError("E_USAGE", `Not items of ${id}: ${unknown.join(", ")}.`);
  if (moving.length >= story.itemIds.length)
    throw new DaybriefError("E_USAGE", `Leave at least one item in ${id}: a split cannot empty a story.`);
  const first = await deps.items.get(moving[0] as string);
  const newId = storyId([`${moving[0]}:split:${now}`]);
  await deps.stories.split(id, moving, newId, first?.title ?? story.title, now);
  return newId;
}

export async function setStoryFlag(
  deps: EditDeps,
  id: string,
  flag: "pin" | "unpin" | "block" | "unblock",
  now: string,
): Promise<void> {
  await mustFind(deps.stories, id);
  await deps.stories.setFlags(
    id,
    flag === "pin" || flag === "unpin" ? { pinned: flag === "pin" } : { blocked: flag === "block" },
    now,
  );
}

/** Files a story under one of the configured topics; later runs keep it there. */
export async function setStoryTopic(deps: EditDeps, id: string, topic: string, now: string): Promise<void> {
  await mustFind(deps.stories, id);
  const topics = configuredTopics(deps.config);
  if (!topics.some((t) => t.id === topic)) {
    throw new DaybriefError("E_USAGE", `Unknown topic "${topic}"; use one of ${topics.map((t) => t.id).join(", ")}.`);
  }
  await deps.stories.setTopic(id, topic, true, now);
}
