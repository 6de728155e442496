import type { Line } from "../../model/issue.ts";
import { splitSentences, wordCount } from "../../text/sentences.ts";
import type { DayItem } from "../day.ts";
import { compressSentence, sentenceKey, standsAlone } from "../sentences.ts";
import { firstPerson, repeats } from "./story-text.ts";

/**
 * Podcast of the Day: three points from the episode's show notes — its own bullet points when it has them
 * (each short paragraph of the notes), else its most informative sentences.
 */
export function podcastBullets(item: DayItem, count: number, printed: string[] = []): Line[] {
  const seen = new Set(printed.map(sentenceKey));
  const paragraphs = item.text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim());
  const furniture =
    /\b(?:hosted by|your browser|audio element|listen on|subscribe|download|min ·|episode \d+ ·|transcript)\b/i;
  const points = paragraphs.filter((p, i) => i > 0 && wordCount(p) >= 5 && wordCount(p) <= 40 && !furniture.test(p));
  const source =
    points.length >= count
      ? points
      : splitSentences(item.text)
          .map(compressSentence)
          .filter((s) => wordCount(s) >= 8 && wordCount(s) <= 40 && standsAlone(s));
  const out: Line[] = [];
  for (const raw of source) {
    if (out.length >= count) break;
    const text = /[.!?]$/.test(raw) ? raw : `${raw}.`;
    // A point the issue printed already, or one the episode's notes repeat, is given once.
    const key = sentenceKey(text);
    // The show's own "we" and "our" read wrong in our newsletter.
    if (seen.has(key) || firstPerson(text) || out.some((line) => repeats(text, [line.text]))) continue;
    seen.add(key);
    out.push({ text });
  }
  return out;
}
