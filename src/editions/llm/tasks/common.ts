import type { Line, StoryBlock } from "../../../model/issue.ts";
import { escapeRegex } from "../../../text/regex.ts";
import { splitSentences, wordCount } from "../../../text/sentences.ts";
import { contentTokens } from "../../../text/tokens.ts";
import type { DayItem } from "../../day.ts";
import { buildEvidence, type Evidence, unsupportedClaims } from "../../grounding.ts";
import type { SectionDraft, WriteRequest } from "../../writer.ts";
import type { Parsed } from "../parse-answer.ts";
import type { PromptName } from "../prompts.ts";

/** What to ask the model for one section, and how to turn its JSON answer into the section. */
export type Plan = {
  prompt: PromptName;
  /** Placeholders of the prompt file: {{sources}}, {{count}}, {{headlineWords}}… */
  vars: Record<string, string>;
  /** The section built from the model's answer, or what is wrong with the answer (told to the model on retry). */
  apply(value: unknown): Parsed<SectionDraft>;
};

/** What a plan is made from: the request, the offline writer's draft of the same section, and the prompt budget. */
export type PlanInput = { request: WriteRequest; scaffold: SectionDraft; budget: number };

/** The placeholders every section prompt may use: its limits from the edition definition and the day. */
export function limitVars(request: WriteRequest): Record<string, string> {
  const { write } = request.definition;
  return {
    date: request.vars.date ?? request.day.date,
    headlineWords: String(write.headlineWords),
    sentences: String(write.sentences),
    paragraphs: String(write.paragraphs),
    bullets: String(write.bullets),
  };
}

/** Problems with the ids of an answer: every id asked for exactly once, no other. */
export function idProblems(path: string, answered: Array<{ id: string }>, ids: string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { id } of answered) {
    if (!ids.includes(id)) problems.push(`${path}: unknown id "${id}" (use only ${ids.join(", ")})`);
    else if (seen.has(id)) problems.push(`${path}: "${id}" appears twice`);
    seen.add(id);
  }
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length) problems.push(`${path}: missing ${missing.join(", ")}`);
  return problems;
}

export function wordProblem(path: string, text: string, max: number): string[] {
  const words = wordCount(text);
  return words > max ? [`${path}: ${words} words, at most ${max} allowed`] : [];
}

/**
 * Whether a text says nothing beyond another: three quarters of its content words are the other's (a paragraph that
 * restates its headline, an Alpha that repeats the Tactical Edge, a bullet written twice).
 */
export function restates(text: string, other: string): boolean {
  const tokens = new Set(contentTokens(text));
  if (tokens.size < 3) return false;
  const theirs = new Set(contentTokens(other));
  let shared = 0;
  for (const token of tokens) if (theirs.has(token)) shared += 1;
  return shared / tokens.size >= 0.75;
}

/** Problems for texts of one answer that restate an earlier one: "items.3 repeats items.1: …". */
export function repeatProblems(path: string, texts: Array<string | null | undefined>): string[] {
  const problems: string[] = [];
  texts.forEach((text, i) => {
    if (!text) return;
    const twin = texts.findIndex((other, j) => j < i && other && (restates(text, other) || restates(other, text)));
    if (twin >= 0) problems.push(`${path}.${i} repeats ${path}.${twin}: each must say something new`);
  });
  return problems;
}

/** The first `count` sentences of a text (all of it when count is 0 or less). */
export function firstSentences(text: string, count: number): string {
  const sentences = splitSentences(text);
  return (count > 0 ? sentences.slice(0, count) : sentences).join(" ");
}

const noteLabels: Record<string, string> = {
  "tactical-edge": "The Tactical Edge",
  alpha: "The Alpha",
  insight: "Insight",
  "the-insight": "The Insight",
  "builder-use-case": "Builder Use Case",
};

export function noteLabel(id: string): string {
  return noteLabels[id] ?? id;
}

const keyOf = (key: string) => key.toLowerCase().replace(/[^a-z]/g, "");

/**
 * The labelled notes a section wants, in its order: the model's text for each when it wrote one, else the offline
 * writer's note of that label (data-derived), else none.
 */
export function mergeNotes(
  wanted: string[],
  written: Record<string, string | null> | undefined,
  scaffold: StoryBlock | undefined,
): StoryBlock["notes"] {
  const byKey = new Map(Object.entries(written ?? {}).map(([k, v]) => [keyOf(k), v?.trim() ?? ""]));
  const out: StoryBlock["notes"] = [];
  for (const id of wanted) {
    const label = noteLabel(id);
    const text =
      byKey.get(keyOf(id)) || byKey.get(keyOf(label)) || scaffold?.notes.find((n) => n.label === label)?.text;
    if (text) out.push({ label, text });
  }
  return out;
}

const smallWords = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "but",
  "by",
  "for",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "vs",
  "with",
]);

/**
 * A label the model proposed for a heading (the briefing's theme, a Rapid Fire group), used only when it is short,
 * has no digits or quotation marks, and names nothing its sources do not. The prompts ask for sentence case, so a
 * capital after the first word marks a name, and every such word must be written so in a source; the first word
 * must be an ordinary opener or a word of the sources. Headings are not sentences the grounding check reads, so
 * this is their check. Returns the label in title case, or null.
 */
export function safeLabel(label: string | null | undefined, items: DayItem[], maxWords = 6): string | null {
  const text = (label ?? "")
    .replace(/^[\s[\]]+|[\s[\].:;!]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!text || wordCount(text) > maxWords || /[\d"“”«»]/.test(text)) return null;
  const raw = items.map((i) => `${i.title}\n${i.text}`).join("\n");
  const evidence = buildEvidence(items);
  const words = text.split(" ").map((w) => w.replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, ""));
  const inSources = (word: string, exact: boolean) =>
    new RegExp(`(?<![\\p{L}])${escapeRegex(exact ? word : word.toLowerCase())}(?![\\p{L}])`, "u").test(
      exact ? raw : evidence.text,
    );
  const named = words.every((word, i) => {
    if (!/^\p{Lu}/u.test(word)) return true;
    if (i > 0) return inSources(word, true);
    return smallWords.has(word.toLowerCase()) || inSources(word, false);
  });
  if (!named || unsupportedClaims(text, evidence).length) return null;
  return text
    .split(" ")
    .map((word, i) =>
      i > 0 && smallWords.has(word.toLowerCase()) ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(" ");
}

/**
 * A bullet whose bold lead states something the sources do not is kept, but its lead becomes the bullet's first
 * sentence: the grounding check reads text, not leads, so this way it drops the claim and tells the editor.
 */
export function checkedLine(lead: string | undefined, text: string, evidence: Evidence): Line {
  const cleanLead = lead?.trim().replace(/[:.]+$/, "");
  if (!cleanLead) return { text };
  if (!unsupportedClaims(cleanLead, evidence).length) return { lead: cleanLead, text };
  return { text: `${cleanLead}. ${text}` };
}

/** The headline a reader will see after the grounding check: the model's, or the source's own title. */
export function groundedHeadline(block: StoryBlock, evidence: Evidence): string {
  return unsupportedClaims(block.headline, evidence).length
    ? (block.citations[0]?.title ?? block.headline)
    : block.headline;
}
