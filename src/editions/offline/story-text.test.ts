import { describe, expect, it } from "vitest";
import { newsItem as item } from "../../../test/helpers/day-items.ts";
import { bestSentences, headlineItem } from "./story-text.ts";

describe("bestSentences", () => {
  const metax = item(
    "metax",
    "MetaX prices STAR Market IPO at 104.66 yuan as China's GPU listings queue up",
    "MetaX was founded in September 2020 by Chen Weiliang, formerly a senior GPU design director at AMD. The company priced its Shanghai listing at 104.66 yuan a share after strong demand from retail investors. Its chips are sold to data-centre operators across China.",
    "circuit",
  );
  const moore = item(
    "moore",
    "'China's Nvidia' heads for the STAR Market: Moore Threads' IPO by the numbers",
    "The Beijing GPU designer founded by Nvidia's former China chief raised about 8 billion yuan at 114.28 yuan a share in its STAR Market offering. Moore Threads Technology is preparing to begin trading in Shanghai after one of the most subscribed offerings of the year.",
    "asia",
  );

  it("quotes only the headline's report when another item's title is about other companies", () => {
    const story = { items: [metax, moore] };
    const anchor = headlineItem(story, 16);
    const chosen = bestSentences(story, 3, { anchor });
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.every((c) => c.item === anchor)).toBe(true);
  });

  it("quotes both reports when their titles name a company in common", () => {
    const other = item(
      "metax2",
      "MetaX shares set for Shanghai debut after IPO draws heavy retail demand",
      "MetaX raised about 4.2 billion yuan in the offering, the company said in a filing on Thursday. The listing follows a wave of Chinese chip flotations as Beijing pushes for self-sufficiency in AI hardware.",
      "wire",
    );
    const chosen = bestSentences({ items: [metax, other] }, 4, { anchor: metax });
    expect(new Set(chosen.map((c) => c.item.id))).toEqual(new Set(["metax", "metax2"]));
  });
});
