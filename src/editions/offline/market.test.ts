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
