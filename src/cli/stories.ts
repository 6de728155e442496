import { createInterface } from "node:readline";
import { loadConfig } from "../config/load.ts";
import { DaybriefError } from "../errors.ts";
import { createLogger } from "../log.ts";
import { endOfDay, formatInstant, resolveTimeZone } from "../model/day.ts";
import type { Story } from "../model/story.ts";
import { buildStories, type ClusterInput, clusterStandaloneWithHelp, storyTopics } from "../pipeline/build-stories.ts";
import { type EditDeps, mergeStories, setStoryFlag, setStoryTopic, splitStory } from "../pipeline/edit-stories.ts";
import { semanticNotices } from "../pipeline/semantic-help.ts";
import { StoriesRepo } from "../store/stories-repo.ts";
import { withContext } from "./context.ts";
import { onInterrupt } from "./interrupt.ts";
import { parseDay } from "./options.ts";
import { color, printJson, printJsonLine, printTable } from "./output.ts";

export type StoriesOptions = { since: string; date?: string; json?: boolean; limit?: number };

/** "24h", "3d", "90m" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(m|min|h|d|w)$/i.exec(text.trim());
  if (!match) throw new DaybriefError("E_USAGE", `"${text}" is not a duration; use e.g. 90m, 24h, 3d or 1w.`);
  const unit = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[
    (match[2] as string).toLowerCase()
  ] as number;
  return Number(match[1]) * unit;
}

/**
 * The moment "as of" which a past day is shown: the end of that day in the configured time zone (midnight there);
 * now without a date.
 */
export function asOfDate(date: string | undefined, zone: string): Date {
  if (!date) return new Date();
  return endOfDay(parseDay(date), zone);
}

/** `daybrief stories [--since 24h] [--date D] [--json]`: clusters what is new, then shows the ranked stories. */
export async function storiesList(opts: StoriesOptions): Promise<void> {
  const span = parseDuration(opts.since);
  await withContext({}, async (ctx) => {
    const zone = resolveTimeZone(ctx.config.timezone);
    const asOf = asOfDate(opts.date, zone);
    const since = new Date(asOf.getTime() - span).toISOString();
    onInterrupt("The stories clustered so far are saved; run `daybrief stories` again to finish and show them.");
    const repo = new StoriesRepo(ctx.db);
    const report = await buildStories({ ...ctx, stories: repo }, { asOf, topics: storyTopics(ctx.config) });
    for (const notice of semanticNotices(report.semantic)) process.stderr.write(`${notice}\n`);
    const stories = (await repo.list({ since, until: asOf.toISOString() })).slice(0, opts.limit ?? 50);
    if (opts.json) return printJson(stories);
    if (!stories.length) {
      process.stdout.write(
        `No stories since ${formatInstant(since, zone)} (${zone}). Run \`daybrief ingest\` first, or widen --since.\n`,
      );
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
  onInterrupt(
    "Nothing was clustered or stored: `stories cluster` writes its stories only after reading all its input.",
  );
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
  const { config } = loadConfig();
  const { stories, semantic } = await clusterStandaloneWithHelp(
    items,
    config,
    createLogger(config.logLevel, config.logFile),
    storyTopics(config),
  );
  for (const notice of semanticNotices(semantic)) process.stderr.write(`${notice}\n`);
  for (const story of stories) printJsonLine(story);
}

async function editStory(body: (deps: EditDeps, now: string) => Promise<string>): Promise<void> {
  await withContext({}, async (ctx) => {
    const message = await body({ ...ctx, stories: new StoriesRepo(ctx.db) }, new Date().toISOString());
    process.stdout.write(`${message}\n`);
  });
}

export const storiesMerge = (into: string, from: string) =>
  editStory(async (deps, now) => {
    const moved = await mergeStories(deps, into, from, now);
    return `Merged ${moved} items of ${from} into ${into}; later runs keep them together.`;
  });

export const storiesSplit = (id: string, itemIds: string[]) =>
  editStory(async (deps, now) => {
    const newId = await splitStory(deps, id, itemIds, now);
    return `Moved ${itemIds.length} items into new story ${newId}; later runs keep them apart.`;
  });

export const storiesFlag = (flag: "pin" | "unpin" | "block" | "unblock") => (id: string) =>
  editStory(async (deps, now) => {
    await setStoryFlag(deps, id, flag, now);
    return `${color.bold(id)}: ${flag === "pin" ? "pinned" : flag === "unpin" ? "unpinned" : flag === "block" ? "blocked" : "unblocked"}.`;
  });

export const storiesTopic = (id: string, topic: string) =>
  editStory(async (deps, now) => {
    await setStoryTopic(deps, id, topic, now);
    return `${id} is now filed under ${topic}.`;
  });
