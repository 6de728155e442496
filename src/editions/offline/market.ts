import type { Citation } from "../../model/issue.ts";
import { scoreSentiment } from "../../stories/index.ts";
import { commentary } from "../../text/commentary.ts";
import { splitSentences, wordCount } from "../../text/sentences.ts";
import type { DayContext, DayItem, TickerMood } from "../day.ts";
import { compressSentence, standsAlone } from "../sentences.ts";
import { firstPerson, repeats } from "./story-text.ts";

/** A sentence a market read can rest on talks about money, shares, demand or deals. */
const marketWords =
  /\b(?:shares?|stock|investors?|revenue|sales|profit|loss|earnings|forecast|guidance|demand|valuation|valued|deal|acquire|acquisition|invest(?:s|ed|ment)?|stake|raise[sd]?|funding|billion|million|bn|margin|customers?|contracts?|orders?|spending|capex|prices?|supply)\b/i;

/**
 * `drivers` are the items the read may rest on (reporting about the ticker, none from a story told at length): the
 * section's evidence, and all a model rewriting the paragraph is shown, so neither writer retells a story above.
 */
export type MarketRead = { mood: TickerMood; paragraph: string; citations: Citation[]; drivers: DayItem[] };

/**
 * Market Pulse: the ticker the day's coverage says most about — most items, then the strongest mood — with the
 * sentences that drove the reading, taken from those items. Items of stories the issue told at length already
 * (`told`: a Deep Dive placed above it) are not read again, so the market read never retells a story printed above;
 * nor is a sentence that says again what one the issue printed (`printed`) says.
 */
export function marketRead(
  day: DayContext,
  maxSentences = 3,
  told: ReadonlySet<string> = new Set(),
  printed: readonly string[] = [],
): MarketRead | null {
  const toldItems = new Set(day.stories.filter((s) => told.has(s.id)).flatMap((s) => s.items.map((i) => i.id)));
  // The ticker today's coverage is about: read by several items first, then one with a clear mood.
  const moods = [...day.tickers].sort(
    (a, b) =>
      Number(b.itemIds.length >= 2) - Number(a.itemIds.length >= 2) ||
      Number(b.label !== "Neutral") - Number(a.label !== "Neutral") ||
      b.itemIds.length - a.itemIds.length ||
      Math.abs(b.score) - Math.abs(a.score),
  );
  const items = new Map(day.stories.flatMap((s) => s.items).map((i) => [i.id, i]));
  for (const mood of moods) {
    // Market reads come from reporting, not from papers, podcast notes or explainers.
    const drivers = mood.itemIds
      .map((id) => items.get(id))
      .filter(
        (i): i is DayItem =>
          !!i && !toldItems.has(i.id) && i.sourceKind !== "arxiv" && i.sourceKind !== "podcast" && !commentary(i.title),
      );
    const names = new Set([
      mood.company,
      ...drivers.flatMap((d) => d.entities.filter((e) => e.normalized === mood.company).map((e) => e.text)),
    ]);
    const sentences: string[] = [];
    const citations: Citation[] = [];
    for (const item of drivers) {
      const about = splitSentences(item.text)
        .map(compressSentence)
        .filter(
          (s) =>
            wordCount(s) >= 8 &&
            wordCount(s) <= 45 &&
            standsAlone(s) &&
            !firstPerson(s) &&
            marketWords.test(s) &&
            // About the company: it is named early, where a sentence's subject is.
            [...names].some((n) => s.slice(0, 80).includes(n)) &&
            // Nor a sentence saying again what a headline above said ("Nvidia bought $2 billion … at $414.79").
            !repeats(s, [...sentences, ...printed]),
        );
      // The reading's evidence says what the reading says: a sentence against it ("shares have fallen this year" under
      // Bullish) is background, not a driver; one in its direction comes before a neutral one.
      const chosen = about
        .map((s) => ({ s, lean: leanOf(s, mood.label) }))
        .filter((c) => c.lean >= 0)
        .sort((a, b) => b.lean - a.lean)
        .slice(0, 1)
        .map((c) => c.s);
      if (!chosen.length) continue;
      sentences.push(...chosen);
      if (item.url) citations.push({ title: item.title, url: item.url, outlet: item.sourceName });
      if (sentences.length >= maxSentences) break;
    }
    if (sentences.length) return { mood, paragraph: sentences.join(" "), citations, drivers };
  }
  return null;
}

/** 1 when a sentence reads the way the mood does, -1 against it, 0 neutral (or a Neutral mood). */
function leanOf(sentence: string, mood: TickerMood["label"]): number {
  if (mood === "Neutral") return 0;
  const { label } = scoreSentiment(sentence);
  if (label === "neutral") return 0;
  return (label === "positive") === (mood === "Bullish") ? 1 : -1;
}
