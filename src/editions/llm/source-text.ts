import { splitSentences } from "../../text/sentences.ts";
import type { DayItem } from "../day.ts";

/** One unit the model writes about (a story, a paper, an episode), under the id it answers with. */
export type SourceUnit = { id: string; items: DayItem[]; facts?: string[]; label?: string };

const maxItemsPerUnit = 4;

/**
 * The source material of a prompt: for each unit its id, then each source's outlet, title, URL, date and opening
 * text, cut at a sentence end so the whole stays within `budgetChars`. The most trusted outlets come first; facts
 * our own data establishes (counts, the market's read) are listed after the sources as "Data".
 *
 * @example
 * renderSources([{ id: "S1", items }], 6000)
 * // [S1]
 * // - Wirebeat: "Nvidia buys $2 billion of Synopsys stock…" <https://…> (2025-12-01)
 * //   SAN FRANCISCO, Dec 1 (Wirebeat) — Nvidia has bought…
 */
export function renderSources(units: SourceUnit[], budgetChars: number): string {
  const perUnit = Math.max(400, Math.floor(budgetChars / Math.max(1, units.length)));
  return units.map((unit) => renderUnit(unit, perUnit)).join("\n\n");
}

function renderUnit(unit: SourceUnit, budget: number): string {
  const items = [...unit.items].sort((a, b) => b.sourceWeight - a.sourceWeight).slice(0, maxItemsPerUnit);
  const lines = [`[${unit.id}]${unit.label ? ` ${unit.label}` : ""}`];
  const perItem = Math.max(200, Math.floor(budget / Math.max(1, items.length)));
  for (const item of items) {
    const header = `- ${item.sourceName}: "${oneLine(item.title)}"${item.url ? ` <${item.url}>` : ""} (${item.publishedAt.slice(0, 10)})`;
    lines.push(header, `  ${leadText(item.text, perItem - header.length)}`);
  }
  for (const fact of unit.facts ?? []) lines.push(`- Data: ${fact}`);
  return lines.join("\n");
}

/** The opening of a text, whole sentences only, at most `chars` characters (at least its first sentence, cut). */
export function leadText(text: string, chars: number): string {
  const limit = Math.max(120, chars);
  const sentences = splitSentences(text);
  let out = "";
  for (const sentence of sentences) {
    if (out.length + sentence.length + 1 > limit) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  if (out) return out;
  const flat = oneLine(text);
  return flat.length <= limit ? flat : `${flat.slice(0, limit).replace(/\s+\S*$/, "")}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
