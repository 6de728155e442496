import { createInterface } from "node:readline";
import { DaybriefError } from "../errors.ts";
import type { Story } from "../model/story.ts";
import { buildStories } from "../pipeline/build-stories.ts";
import { StoriesRepo } from "../store/stories-repo.ts";
import { clusterItems, storyId } from "../stories/cluster-items.ts";
import { extractEntities } from "../stories/entities/extract-entities.ts";
import type { ClusterInput } from "../stories/features.ts";
import { configuredTopics } from "../stories/topics.ts";
import { type Context, withContext } from "./context.ts";
import { color, printJson, printJsonLine, printTable } from "./output.ts";

export type StoriesOptions = { since: string; date?: string; json?: boolean; limit?: string };

/** "24h", "3d", "90m" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(m|min|h|d|w)$/i.exec(text.trim());
  if (!match) throw new DaybriefError("E_USAGE", `"${text}" is not a duration; use e.g. 90m, 24h, 3d or 1w.`);
  const unit = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[
    (match[2] as string).toLowerCase()
  ] as number;
  return Number(match[1]) * unit;
}

/** The end of a day (UTC) as the moment "as of" which a past day is built; `now` without a date. */
export function asOfDate(date: string | undefined): Date {
  if (!date) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new DaybriefError("E_USAGE", `"${date}" is not a date; use YYYY-MM-DD.`);
  return new Date(Date.parse(`${date}T23:59:59Z`));
}

/** `daybrief stories [--since 24h] [--date D] [--json]`: clusters what is new, then shows the ranked stories. */
export async function storiesList(opts: StoriesOptions): Promise<void> {
  const asOf = asOfDate(opts.date);
  const since = new Date(asOf.getTime() - parseDuration(opts.since)).toISOString();
  await withContext({}, async (ctx) => {
    const repo = new StoriesRepo(ctx.db);
    await buildStories({ ...ctx, stories: repo }, { asOf, topics: configuredTopics(ctx.config) });
    const stories = (await repo.list({ since, until: asOf.toISOString() })).slice(0, Number(opts.limit ?? 50));
    if (opts.json) return printJson(stories);
    if (!stories.length) {
      process.stdout.write(`No stories since ${since}. Run \`daybrief ingest\` first, or widen --since.\n`);
      return;
    }
    printTable(
      ["#", "score", "story", "topic", "outlets", "top factors", "id"],
      stories.map((s, i) => [i + 1, s.score.toFixed(2), s.title, s.topic, s.outletCount, topFactors(s), s.id]),
    );
  });
}

function topFactors(story: Story): string {
  return story.factors
    .slice(0, 3)
    .map((f) => `${f.name} ${f.detail}`)
    .join("; ");
}

/** `daybrief stories cluster --jsonl`: items in on stdin, stories out; the same algorithm, without the store. */
export async function storiesCluster(opts: { jsonl?: boolean }): Promise<void> {
  if (!opts.jsonl)
    throw new DaybriefError("E_USAGE", "stories cluster reads JSON Lines: pass --jsonl and items on stdin.");
  const items: ClusterInput[] = [];
  let line = 0;
  for await (const text of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    line += 1;
    if (!text.trim()) continue;
    let parsed: Partial<ClusterInput>;
    try {
      parsed = JSON.parse(text) as Partial<ClusterInput>;
    } catch {
      throw new DaybriefError("E_USAGE", `Line ${line} of the input is not JSON.`);
    }
    if (typeof parsed.id !== "string" || typeof parsed.title !== "string") {
      throw new DaybriefError("E_USAGE", `Line ${line} needs at least a string "id" and "title".`);
    }
    items.push({
      id: parsed.id,
      title: parsed.title,
      text: String(parsed.text ?? ""),
      url: parsed.url ?? null,
      source: parsed.source ?? null,
      published: parsed.published ?? null,
    });
  }
  for (const story of clusterItems(items, { entities: extractEntities })) {
    printJsonLine({ storyId: story.storyId, title: story.title, itemIds: story.itemIds });
  }
}

async function editStory(body: (ctx: Context, repo: StoriesRepo, now: string) => Promise<string>): Promise<void> {
  await withContext({}, async (ctx) => {
    const message = await body(ctx, new StoriesRepo(ctx.db), new Date().toISOString());
    process.stdout.write(`${message}\n`);
  });
}

async function mustFind(repo: StoriesRepo, id: string): Promise<Story> {
  const story = await repo.get(id);
  if (!story) throw new DaybriefError("E_STORY_NOT_FOUND", `No story "${id}".`);
  return story;
}

export const storiesMerge = (into: string, from: string) =>
  editStory(async (_ctx, repo, now) => {
    await mustFind(repo, into);
    const other = await mustFind(repo, from);
    await repo.merge(into, from, now);
    return `Merged ${other.itemIds.length} items of ${from} into ${into}; later runs keep them together.`;
  });

export const storiesSplit = (id: string, itemIds: string[]) =>
  editStory(async (ctx, repo, now) => {
    const story = await mustFind(repo, id);
    const unknown = itemIds.filter((i) => !story.itemIds.includes(i));
    if (unknown.length) throw new DaybriefError("E_USAGE", `Not items of ${id}: ${unknown.join(", ")}.`);
    if (unknown.length === story.itemIds.length)
      throw new DaybriefError("E_USAGE", "Leave at least one item in the story.");
    const first = await ctx.items.get(itemIds[0] as string);
    const newId = storyId([`${itemIds[0]}:split:${now}`]);
    await repo.split(id, itemIds, newId, first?.title ?? story.title, now);
    return `Moved ${itemIds.length} items into new story ${newId}; later runs keep them apart.`;
  });

export const storiesFlag = (flag: "pin" | "unpin" | "block" | "unblock") => (id: string) =>
  editStory(async (_ctx, repo, now) => {
    await mustFind(repo, id);
    await repo.setFlags(
      id,
      flag === "pin" || flag === "unpin" ? { pinned: flag === "pin" } : { blocked: flag === "block" },
      now,
    );
    return `${color.bold(id)}: ${flag === "pin" ? "pinned" : flag === "unpin" ? "unpinned" : flag === "block" ? "blocked" : "unblocked"}.`;
  });

export const storiesTopic = (id: string, topic: string) =>
  editStory(async (ctx, repo, now) => {
    await mustFind(repo, id);
    const topics = configuredTopics(ctx.config);
    if (!topics.some((t) => t.id === topic)) {
      throw new DaybriefError("E_USAGE", `Unknown topic "${topic}"; use one of ${topics.map((t) => t.id).join(", ")}.`);
    }
    await repo.setTopic(id, topic, true, now);
    return `${id} is now filed under ${topic}.`;
  });
