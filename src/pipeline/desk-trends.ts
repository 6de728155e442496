import type { Entity, EntitySentiment } from "../model/entity.ts";
import { DeskStatsRepo, daysBetween } from "../store/desk-stats-repo.ts";
import { aggregateTickerSentiment, type TickerSentiment } from "../stories/index.ts";
import type { SendContext } from "./send-issue.ts";

export type TrendSeries = { name: string; values: number[]; total: number };

export type TrendsView = {
  days: string[];
  /** Items per day naming each of the most-mentioned organisations, people and products. */
  entities: TrendSeries[];
  /** Items per day filed under each of the busiest topics. */
  topics: TrendSeries[];
  /** Per ticker, the day's weighted sentiment (-1..1; 0 on days without coverage) and each day's mood. */
  tickers: Array<TrendSeries & { company: string; moods: Array<TickerSentiment | null> }>;
};

const parse = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

function top(counts: Map<string, number[]>, limit: number, name: (key: string) => string): TrendSeries[] {
  return [...counts]
    .map(([key, values]) => ({ name: name(key), values, total: values.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/**
 * Entity and topic mentions over a window of UTC days, and the market mood per ticker, from the stored analyses:
 * the same per-item entities and company sentiment the briefing's Market Pulse is written from.
 */
export async function trendsView(ctx: SendContext, since: string, until: string, limit = 6): Promise<TrendsView> {
  const days = daysBetween(since, until);
  const index = new Map(days.map((d, i) => [d, i]));
  const stats = new DeskStatsRepo(ctx.db);
  const rows = await stats.analysedItems(since, until);
  const entityCounts = new Map<string, number[]>();
  const tickerItems = rows.map((row) => ({
    id: row.id,
    sourceWeight: row.weight,
    publishedAt: row.at,
    entitySentiments: parse<EntitySentiment[]>(row.entitySentiments, []),
  }));
  for (const row of rows) {
    const at = index.get(row.day);
    if (at === undefined) continue;
    const named = new Set(
      parse<Entity[]>(row.entities, [])
        .filter((e) => e.type === "org" || e.type === "person" || e.type === "product")
        .map((e) => e.normalized),
    );
    for (const name of named) {
      const values = entityCounts.get(name) ?? days.map(() => 0);
      values[at] = (values[at] ?? 0) + 1;
      entityCounts.set(name, values);
    }
  }
  const topicCounts = new Map<string, number[]>();
  for (const r of await stats.topicItemsPerDay(since, until)) {
    const at = index.get(r.day);
    if (at === undefined) continue;
    const values = topicCounts.get(r.key) ?? days.map(() => 0);
    values[at] = (values[at] ?? 0) + r.n;
    topicCounts.set(r.key, values);
  }
  const moods = aggregateTickerSentiment(tickerItems);
  const byTicker = new Map<string, TickerSentiment[]>();
  for (const mood of moods) byTicker.set(mood.ticker, [...(byTicker.get(mood.ticker) ?? []), mood]);
  const tickers = [...byTicker]
    .map(([ticker, list]) => {
      const perDay = days.map((d) => list.find((m) => m.day === d) ?? null);
      return {
        name: ticker,
        company: list[0]?.company ?? ticker,
        values: perDay.map((m) => m?.score ?? 0),
        moods: perDay,
        total: list.reduce((n, m) => n + m.itemIds.length, 0),
      };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
    .slice(0, limit);
  return {
    days,
    entities: top(entityCounts, limit, (k) => k),
    topics: top(topicCounts, limit, (k) => k),
    tickers,
  };
}
