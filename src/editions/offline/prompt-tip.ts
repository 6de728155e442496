import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DaybriefError } from "../../errors.ts";
import { packageRoot } from "../../paths.ts";

const tipSchema = z.object({
  id: z.string(),
  topic: z.string(),
  title: z.string(),
  role: z.string(),
  task: z.string(),
  constraints: z.array(z.string()).default([]),
  output: z.string(),
  use: z.string(),
});

export type PromptTip = z.infer<typeof tipSchema>;

let cache: { path: string; tips: PromptTip[] } | null = null;

/** The prompt-tip library: editions/prompt-tips.yaml, or the file named by the `promptTips` config key. */
export function loadTips(path = join(packageRoot(), "editions", "prompt-tips.yaml")): PromptTip[] {
  if (cache?.path === path) return cache.tips;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DaybriefError(
      "E_EDITION_INVALID",
      `Cannot read the prompt tips in ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const parsed = z.object({ tips: z.array(tipSchema).min(1) }).safeParse(raw);
  if (!parsed.success)
    throw new DaybriefError(
      "E_EDITION_INVALID",
      `Prompt tips in ${path} are invalid: ${parsed.error.issues[0]?.message}`,
    );
  cache = { path, tips: parsed.data.tips };
  return parsed.data.tips;
}

/** The full prompt a reader copies: role, task, constraints and output format, one block. */
export function promptText(tip: PromptTip): string {
  const constraints = tip.constraints.map((c) => `- ${c}`).join("\n");
  return `${tip.role}\n\n${tip.task}\n\n${constraints ? `Constraints:\n${constraints}\n\n` : ""}Output: ${tip.output}`;
}

/**
 * Today's tip: one matching the day's main topic that has not run in the last 60 days (`recent` holds the ids of
 * those that have), else a general one, else the least recently used. The choice among equals depends only on the
 * date, so rebuilding an issue gives the same tip.
 */
export function chooseTip(tips: PromptTip[], topic: string | null, recent: string[], date: string): PromptTip {
  const used = new Set(recent);
  const fresh = tips.filter((t) => !used.has(t.id));
  const pools = [fresh.filter((t) => t.topic === topic), fresh.filter((t) => t.topic === "general"), fresh];
  const pool =
    pools.find((p) => p.length) ??
    [...tips].sort((a, b) => recent.lastIndexOf(a.id) - recent.lastIndexOf(b.id)).slice(0, 1);
  const index = Number.parseInt(createHash("sha1").update(date).digest("hex").slice(0, 8), 16) % pool.length;
  return pool[index] as PromptTip;
}
