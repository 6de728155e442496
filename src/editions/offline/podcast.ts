import type { Line } from "../../model/issue.ts";
import type { DayItem } from "../day.ts";
import { compressSentence, splitSentences, standsAlone, wordCount } from "../sentences.ts";

/**
 * Podcast of the Day: three points from the episode's show notes — its own bullet points when it has them
 * (each short paragraph of the notes), else its most informative sentences.
 */
export function podcastBullets(item: DayItem, count: number): Line[] {
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
  return source.slice(0, count).map((text) => ({ text: /[.!?]$/.test(text) ? text : `${text}.` }));
}
