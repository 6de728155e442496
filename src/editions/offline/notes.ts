import { splitSentences, wordCount } from "../../text/sentences.ts";
import type { DayItem, DayStory } from "../day.ts";
import { compressSentence, standsAlone } from "../sentences.ts";
import { whyItMatters } from "./why.ts";

/** A labelled line, and the derived facts (counts) it states, which the grounding check accepts. */
export type Note = { label: string; text: string; derived: string[] };

/**
 * "Insight: …" under a Rapid Fire item: why the story matters, as its sources say it (a consequence, a stated
 * reason, a named person's judgement), never a sentence printed already; null when they do not say.
 */
export function insightNote(story: DayStory, exclude: Iterable<string>): Note | null {
  const why = whyItMatters(story, { exclude, kinds: ["consequence", "voice", "reason"], maxWords: 36 });
  return why ? { label: "Insight", text: why.text, derived: [] } : null;
}

/**
 * "The Tactical Edge": what the story changes for those who build on, buy or invest in what it is about, in its
 * sources' words; null when they draw no such consequence.
 */
export function tacticalEdgeNote(story: DayStory, exclude: Iterable<string>): Note | null {
  const why = whyItMatters(story, { exclude, kinds: ["consequence", "reason"], forBuilders: true });
  return why ? { label: "The Tactical Edge", text: why.text, derived: [] } : null;
}

/** "The Alpha": the judgement on the story of someone its sources name (an analyst, the company), or its stated reason. */
export function alphaNote(story: DayStory, exclude: Iterable<string>): Note | null {
  const why = whyItMatters(story, { exclude, kinds: ["voice", "reason", "consequence"] });
  return why ? { label: "The Alpha", text: why.text, derived: [] } : null;
}

const findingWords =
  /\b(?:outperform|improv|achiev|reduc|increas|faster|speed|accura|state-of-the-art|surpass|match|gain|lower|higher|better|shows?|find|found|demonstrat)\w*/i;
const useWords =
  /\b(?:we (?:propose|introduce|present|release|open-source)|enables?|allows?|can be used|practical|deploy|applications?|open-source|code (?:is|and)|toolkit|framework)\b/i;

/** Research Corner: "The Insight" is the abstract's finding; "Builder Use Case" the sentence on what it enables. */
export function researchNotes(item: DayItem): Note[] {
  const sentences = splitSentences(item.text)
    .map(compressSentence)
    .filter((s) => wordCount(s) >= 8 && wordCount(s) <= 60 && standsAlone(s) && !/^abstract[:\s]/i.test(s));
  const finding =
    sentences.find((s) => findingWords.test(s) && /\d/.test(s)) ??
    sentences.find((s) => findingWords.test(s)) ??
    sentences[0];
  const use = sentences.find((s) => s !== finding && useWords.test(s));
  const out: Note[] = [];
  if (finding) out.push({ label: "The Insight", text: finding, derived: [] });
  if (use) out.push({ label: "Builder Use Case", text: use, derived: [] });
  return out;
}
