import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FakeRequest } from "../helpers/fake-llm.ts";
import { kindOf } from "./llm-model-script.ts";

/**
 * A stand-in for a capable model: it answers each section prompt from answers recorded for one demo day
 * (test/editions/recorded/*.json), written in the shapes the prompts ask. A story is recognised by the URL path of
 * any of its items, so the answer follows the story whatever id the prompt gives it; a story with no recorded
 * answer is left out of the reply, as a model that skipped it would, and the writer's checks decide what follows.
 */

type Story = { headline: string; paragraph?: string; paragraphs?: string[]; notes?: Record<string, string> };
export type Recorded = {
  "top-stories": Record<string, Story>;
  implications: Array<{ lead: string; text: string; stories: string[] }>;
  headlines: { theme: string; lines: Record<string, string> };
  market: Record<string, string>;
  "deep-dive": Record<string, Story>;
  "rapid-fire": { groups: Record<string, string>; items: Record<string, { text: string; insight: string }> };
  research: Record<string, { insight: string; useCase: string }>;
  podcast: Record<string, string[]>;
  quote: { speaker?: string };
};

export function loadRecorded(day: string): Recorded {
  return JSON.parse(readFileSync(join(import.meta.dirname, "recorded", `demo-${day}.json`), "utf8")) as Recorded;
}

/** The units of a prompt's sources: their id and the URL paths of their items. */
function unitsOf(prompt: string): Array<{ id: string; paths: string[] }> {
  const out: Array<{ id: string; paths: string[] }> = [];
  for (const block of prompt.split(/^(?=\[[A-Z]\d+\])/m)) {
    const id = /^\[([A-Z]\d+)\]/.exec(block)?.[1];
    const paths = [...block.matchAll(/<(https?:\/\/[^>]+)>/g)].map((m) => new URL(m[1] as string).pathname);
    if (id && paths.length) out.push({ id, paths });
  }
  return out;
}

/** The recorded entry for a unit: the one keyed by a path of its items. */
function entryFor<T>(table: Record<string, T>, paths: string[]): T | undefined {
  const key = Object.keys(table).find((k) => paths.includes(k));
  return key === undefined ? undefined : table[key];
}

/** The stand-in's reply to one request, as JSON text. */
export function recordedAnswer(recorded: Recorded, request: FakeRequest): string {
  const units = unitsOf(request.prompt);
  const each = <T, R>(table: Record<string, T>, build: (id: string, entry: T) => R): R[] =>
    units.flatMap(({ id, paths }) => {
      const entry = entryFor(table, paths);
      return entry === undefined ? [] : [build(id, entry)];
    });
  switch (kindOf(request)) {
    case "top-stories":
      return JSON.stringify({ stories: each(recorded["top-stories"], (id, s) => ({ id, ...s })) });
    case "deep-dive":
      return JSON.stringify({ stories: each(recorded["deep-dive"], (id, s) => ({ id, ...s })) });
    case "headlines":
      return JSON.stringify({
        theme: recorded.headlines.theme,
        headlines: each(recorded.headlines.lines, (id, headline) => ({ id, headline })),
      });
    case "implications": {
      // Bullets about stories the prompt shows, as many as it asks for.
      const count = Number(/: (\d+) bullets\./.exec(request.prompt)?.[1] ?? 4);
      const bullets = recorded.implications
        .map((b) => ({
          ...b,
          stories: units.filter((u) => b.stories.some((p) => u.paths.includes(p))).map((u) => u.id),
        }))
        .filter((b) => b.stories.length);
      return JSON.stringify({ bullets: bullets.slice(0, count) });
    }
    case "rapid-fire":
      return JSON.stringify({
        groups: Object.entries(recorded["rapid-fire"].groups).map(([id, label]) => ({ id, label })),
        items: each(recorded["rapid-fire"].items, (id, item) => ({ id, ...item })),
      });
    case "research":
      return JSON.stringify({ papers: each(recorded.research, (id, p) => ({ id, summary: "", ...p })) });
    case "podcast":
      return JSON.stringify({ bullets: each(recorded.podcast, (_, bullets) => bullets)[0] ?? [] });
    case "market": {
      const ticker = /Write Market Pulse for .+ \(([A-Z.]+)\)/.exec(request.prompt)?.[1] ?? "";
      return JSON.stringify({ paragraph: recorded.market[ticker] ?? "" });
    }
    case "quote": {
      const lines = [...request.prompt.matchAll(/^(\d+)\. .*— ([^(]+) \(/gm)];
      const chosen = lines.find(([, , speaker]) => speaker?.trim() === recorded.quote.speaker);
      return JSON.stringify({ choice: Number(chosen?.[1] ?? 1) });
    }
    case "claim-check": {
      const ids = [...request.prompt.matchAll(/^\[(C\d+)\] /gm)].map((m) => m[1]);
      return JSON.stringify({ claims: ids.map((id) => ({ id, supported: true, reason: null })) });
    }
  }
}
