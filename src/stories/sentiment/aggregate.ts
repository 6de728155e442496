import type { EntitySentiment } from "../../model/entity.ts";
import { companyByTicker } from "../entities/companies.ts";

export type TickerSentimentItem = {
  id: string;
  /** The source's editorial weight; 1 is neutral. */
  sourceWeight: number;
  /** ISO 8601; its UTC date is the day the item counts for. */
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

export type AggregateOptions = { day?: string };

/** A day's weighted mean at or beyond ±MOOD_THRESHOLD is Bullish or Bearish. */
export const MOOD_THRESHOLD = 0.15;

type Contribution = { id: string; value: number };

/**
 * Per ticker and day, the market mood of the day's items: Bullish, Bearish or Neutral, with the items that drove
 * it. This feeds the briefing's "Market Pulse". Tickers with the most decisive mood come first.
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
    const day = utcDay(item.publishedAt);
    if (!day || (options.day && day !== options.day)) continue;
    const weight = Number.isFinite(item.sourceWeight) && item.sourceWeight > 0 ? item.sourceWeight : 1;
    for (const sentiment of item.entitySentiments) {
      if (!sentiment.ticker) continue;
      const key = `${sentiment.ticker}\u0000${day}`;
      const company = companyByTicker(sentiment.ticker)?.name ?? sentiment.normalized;
      const group = groups.get(key) ?? { ticker: sentiment.ticker, company, day, weight: 0, items: [] };
      group.weight += weight;
      group.items.push({ id: item.id, value: sentiment.score * weight });
      groups.set(key, group);
    }
  }
  const result = [...groups.values()].map((group) => {
    const total = group.items.reduce((sum, c) => sum + c.value, 0);
    const score = Math.round((total / group.weight) * 1000) / 1000;
    const label = score >= MOOD_THRESHOLD ? "Bullish" : score <= -MOOD_THRESHOLD ? "Bearish" : "Neutral";
    return {
      ticker: group.ticker,
      company: group.company,
      day: group.day,
      label,
      score,
      itemIds: drivers(group.items, label),
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

function utcDay(iso: string): string | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
