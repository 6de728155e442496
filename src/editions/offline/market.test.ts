import { describe, expect, it } from "vitest";
import { newsItem as item } from "../../../test/helpers/day-items.ts";
import type { DayContext, DayStory } from "../day.ts";
import { marketRead } from "./market.ts";

describe("marketRead", () => {
  it("reads the market from reporting, not from an explainer that names the company", () => {
    const explainer = item(
      "explainer",
      "Why licence-and-hire deals became the norm",
      "Alphabet paid billions for a licence and key hires at Windsurf, a deal structure investors now expect from big AI buyers.",
    );
    const news = item(
      "news",
      "Alphabet shares rise as Gemini 3 subscriptions climb",
      "Alphabet shares rose 2% on Thursday after the company said paid Gemini subscriptions had doubled since the summer.",
    );
    const stories = [explainer, news].map((i) => ({ id: i.id, items: [i] }) as unknown as DayStory);
    const day = {
      stories,
      tickers: [{ ticker: "GOOGL", company: "Alphabet", label: "Bullish", score: 0.4, itemIds: ["explainer", "news"] }],
    } as unknown as DayContext;
    const read = marketRead(day);
    expect(read?.citations.map((c) => c.url)).toEqual(["https://news.example/news"]);
    expect(read?.paragraph).toContain("shares rose 2%");
  });
});

describe("marketRead and what the issue printed", () => {
  it("does not say again what a headline above said, and reads on to the next sentence", () => {
    const news = item(
      "deal",
      "Nvidia buys $2 billion of Synopsys stock",
      "Nvidia has bought $2 billion of Synopsys common stock at $414.79 a share, the companies said on Monday, as part of an expanded partnership. Synopsys shares rose 4% in early trading in New York after the deal was announced.",
    );
    const day = {
      stories: [{ id: "st", items: [news] } as unknown as DayStory],
      tickers: [{ ticker: "SNPS", company: "Synopsys", label: "Bullish", score: 0.5, itemIds: ["deal"] }],
    } as unknown as DayContext;
    const headline = "Nvidia bought $2 billion of Synopsys stock at $414.79 a share as part of a broader partnership.";
    expect(marketRead(day)?.paragraph).toContain("$414.79");
    const read = marketRead(day, 3, new Set(), [headline]);
    expect(read?.paragraph).toBe("Synopsys shares rose 4% in early trading in New York after the deal was announced.");
  });
});

describe("marketRead and the reading's direction", () => {
  it("never rests a Bullish reading on a sentence that says the shares fell, and puts one that agrees first", () => {
    const news = item(
      "results",
      "Salesforce raises annual revenue forecast on AI agent demand",
      "Salesforce shares have fallen 30% this year as investors weighed whether AI tools could cut demand for business software. Salesforce shares rose 4% in extended trading after the company raised its revenue forecast.",
    );
    const day = {
      stories: [{ id: "st", items: [news] } as unknown as DayStory],
      tickers: [{ ticker: "CRM", company: "Salesforce", label: "Bullish", score: 0.5, itemIds: ["results"] }],
    } as unknown as DayContext;
    expect(marketRead(day)?.paragraph).toBe(
      "Salesforce shares rose 4% in extended trading after the company raised its revenue forecast.",
    );
    const bearish = { ...day, tickers: [{ ...day.tickers[0], label: "Bearish", score: -0.5 }] } as DayContext;
    expect(marketRead(bearish)?.paragraph).toMatch(/^Salesforce shares have fallen 30% this year/);
  });
});
