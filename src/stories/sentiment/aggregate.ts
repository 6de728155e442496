import { dayOf } from "../../model/day.ts";
import type { EntitySentiment } from "../../model/entity.ts";
import { companyByTicker } from "../../text/entities/companies.ts";

export type TickerSentimentItem = {
  id: string;
  /** The source's editorial weight; 1 is neutral. */
  sourceWeight: number;
  /** ISO 8601; its date in the options' time zone (UTC by default) is the day the item counts for. */
  publishedAt: string;
  entitySentiments: EntitySentiment[];
};

export type TickerSentiment = {
  ticker: string;
  company: string;
  day: string;
  label: "Bullish" | "Bearish" | "Neutral";
  /** Weighted mean of the items' scores, -1..1. */
  score: number;
  /** The items that drove the label, strongest first. */
  itemIds: string[];
};

export type AggregateOptions = {
  day?: string /** IANA zone whose calendar days group the items; UTC by default. */;
  timeZone?: string;
};

/** A day's weighted mean at or beyond ±MOOD_THRESHOLD is Bullish or Bearish. */
export const MOOD_THRESHOLD = 0.15;

type Contribution = { id: string; value: number; weight: number; verdict: boolean };

/**
 * Per ticker and day, the market mood of the day's items: Bullish, Bearish or Neutral, with the items that drove
 * it. This feeds the briefing's "Market Pulse". Tickers with the most decisive mood come first. When some of the
 * day's items report what happened to the company by the market's measure (its shares, results or guidance), the
 * read is theirs: Micron is not "Bullish" on a day its reporting says its shares fell.
 *
 * @example
 * aggregateTickerSentiment(items, { day: "2025-12-01" })
 * // [{ ticker: "SNPS", company: "Synopsys", day: "2025-12-01", label: "Bullish", score: 0.62, itemIds: ["a", "c"] }]
 */
export function aggregateTickerSentiment(
  items: ReadonlyArray<TickerSentimentItem>,
  options: AggregateOptions = {},
): TickerSentiment[] {
  const groups = new Map<
    string,
    { ticker: string; company: string; day: string; weight: number; items: Contribution[] }
  >();
  for (const item of items) {
    const day = dayIn(item.publishedAt, options.timeZone ?? "UTC");
    if (!day || (options.day && day !== options.day)) continue;
    const weight = Number.isFinite(item.sourceWeight) && item.sourceWeight > 0 ? item.sourceWeight : 1;
    for (const sentiment of item.entitySentiments) {
      if (!sentiment.ticker) continue;
      const key = `${sentiment.ticker}\u0000${day}`;
      const company = companyByTicker(sentiment.ticker)?.name ?? sentiment.normalized;
      const group = groups.get(key) ?? { ticker: sentiment.ticker, company, day, weight: 0, items: [] };
      group.weight += weight;
      group.items.push({ id: item.id, value: sentiment.score * weight, weight, verdict: sentiment.verdict === true });
      groups.set(key, group);
    }
  }
  const result = [...groups.values()].map((group) => {
    // The reports of what happened to the company (its shares, results, guidance) decide its read when the day
    // has any; commentary and press releases count only on a day without them.
    const verdicts = group.items.filter((c) => c.verdict);
    const counted = verdicts.length ? verdicts : group.items;
    const total = counted.reduce((sum, c) => sum + c.value, 0);
    const weight = counted.reduce((sum, c) => sum + c.weight, 0);
    const score = Math.round((total / Math.max(weight, Number.EPSILON)) * 1000) / 1000;
    const label = score >= MOOD_THRESHOLD ? "Bullish" : score <= -MOOD_THRESHOLD ? "Bearish" : "Neutral";
    return {
      ticker: group.ticker,
      company: group.company,
      day: group.day,
      label,
      score,
      itemIds: drivers(counted, label),
      total,
    } as const;
  });
  result.sort(
    (a, b) => a.day.localeCompare(b.day) || Math.abs(b.total) - Math.abs(a.total) || a.ticker.localeCompare(b.ticker),
  );
  return result.map(({ total: _total, ...rest }) => rest);
}

/** The items that pushed the mood its way, strongest first; for a Neutral day, every item by strength. */
function drivers(items: Contribution[], label: TickerSentiment["label"]): string[] {
  const sign = label === "Bullish" ? 1 : label === "Bearish" ? -1 : 0;
  const chosen = sign === 0 ? items : items.filter((c) => Math.sign(c.value) === sign);
  const byItem = new Map<string, number>();
  for (const c of chosen) byItem.set(c.id, (byItem.get(c.id) ?? 0) + c.value);
  return [...byItem.entries()]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
    .map(([id]) => id);
}

function dayIn(iso: string, zone: string): string | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : dayOf(time, zone);
}
