import { describe, expect, it } from "vitest";
import type { EntitySentiment } from "../../model/entity.ts";
import { aggregateTickerSentiment } from "./aggregate.ts";

const nvda = (score: number): EntitySentiment => ({
  normalized: "Nvidia",
  ticker: "NVDA",
  score,
  label: score > 0.2 ? "positive" : score < -0.2 ? "negative" : "neutral",
});
const snps = (score: number): EntitySentiment => ({ ...nvda(score), normalized: "Synopsys", ticker: "SNPS" });

const items = [
  { id: "a", sourceWeight: 1, publishedAt: "2025-12-01T09:00:00Z", entitySentiments: [nvda(0.8), snps(0.6)] },
  { id: "b", sourceWeight: 2, publishedAt: "2025-12-01T15:30:00Z", entitySentiments: [nvda(0.5)] },
  { id: "c", sourceWeight: 1, publishedAt: "2025-12-01T23:59:00Z", entitySentiments: [nvda(-0.3)] },
  { id: "d", sourceWeight: 1, publishedAt: "2025-12-02T08:00:00Z", entitySentiments: [snps(-0.9)] },
  { id: "e", sourceWeight: 1, publishedAt: "2025-12-02T09:00:00Z", entitySentiments: [nvda(0.1), nvda(-0.05)] },
  { id: "f", sourceWeight: 1, publishedAt: "2025-12-02T10:00:00Z", entitySentiments: [{ ...nvda(0.9), ticker: null }] },
];

describe("per-ticker daily mood", () => {
  it("labels each ticker and day Bullish, Bearish or Neutral with a source-weighted score", () => {
    const result = aggregateTickerSentiment(items);
    expect(result.map(({ ticker, day, label, score }) => ({ ticker, day, label, score }))).toEqual([
      { ticker: "NVDA", day: "2025-12-01", label: "Bullish", score: 0.375 },
      { ticker: "SNPS", day: "2025-12-01", label: "Bullish", score: 0.6 },
      { ticker: "SNPS", day: "2025-12-02", label: "Bearish", score: -0.9 },
      { ticker: "NVDA", day: "2025-12-02", label: "Neutral", score: 0.025 },
    ]);
  });

  it("lets the reports of what happened to the company decide the read when the day has any", () => {
    const day = [
      { id: "pr", sourceWeight: 1, publishedAt: "2025-12-03T09:00:00Z", entitySentiments: [nvda(0.6)] },
      { id: "essay", sourceWeight: 1, publishedAt: "2025-12-03T10:00:00Z", entitySentiments: [nvda(0.5)] },
      {
        id: "wire",
        sourceWeight: 1,
        publishedAt: "2025-12-03T11:00:00Z",
        entitySentiments: [{ ...nvda(-0.4), verdict: true }],
      },
    ];
    expect(aggregateTickerSentiment(day)).toMatchObject([{ ticker: "NVDA", label: "Bearish", itemIds: ["wire"] }]);
    expect(aggregateTickerSentiment(day.slice(0, 2))).toMatchObject([{ ticker: "NVDA", label: "Bullish" }]);
  });

  it("lists the items that drove the mood, strongest first", () => {
    const [nvidia] = aggregateTickerSentiment(items, { day: "2025-12-01" });
    expect(nvidia).toMatchObject({ ticker: "NVDA", company: "Nvidia", itemIds: ["b", "a"] });
  });

  it("counts each item for its day in the given time zone", () => {
    const late = items.filter((i) => i.id === "c"); // 23:59 UTC on the 1st
    expect(aggregateTickerSentiment(late).map((r) => r.day)).toEqual(["2025-12-01"]);
    expect(aggregateTickerSentiment(late, { timeZone: "Asia/Tokyo" }).map((r) => r.day)).toEqual(["2025-12-02"]);
    const morning = items.filter((i) => i.id === "d"); // 08:00 UTC on the 2nd
    expect(aggregateTickerSentiment(morning, { timeZone: "America/New_York" }).map((r) => r.day)).toEqual([
      "2025-12-02",
    ]);
    expect(aggregateTickerSentiment(morning, { timeZone: "America/Los_Angeles" }).map((r) => r.day)).toEqual([
      "2025-12-02",
    ]);
    expect(aggregateTickerSentiment(morning, { timeZone: "Pacific/Honolulu" }).map((r) => r.day)).toEqual([
      "2025-12-01",
    ]);
  });

  it("keeps only the requested day and skips mentions without a ticker", () => {
    const result = aggregateTickerSentiment(items, { day: "2025-12-02" });
    expect(result.map((r) => r.ticker)).toEqual(["SNPS", "NVDA"]);
    expect(result.find((r) => r.ticker === "NVDA")?.itemIds).toEqual(["e"]);
    expect(aggregateTickerSentiment(items, { day: "2025-12-03" })).toEqual([]);
  });
});
