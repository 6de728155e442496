import { describe, expect, it } from "vitest";
import { newsItem as item } from "../../../test/helpers/day-items.ts";
import { bestSentences, headlineItem, oneLiner, rapidLine } from "./story-text.ts";

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

describe("bestSentences and explainers' set-up lines", () => {
  it("never picks a sentence that speaks to the reader, however central, unless it only quotes someone who does", () => {
    const news = item(
      "rft",
      "Amazon Bedrock adds reinforcement fine-tuning for custom models",
      "Supervised fine-tuning works well when you have many high-quality examples of the exact output you want. Amazon Bedrock now offers reinforcement fine-tuning, which AWS says improves model accuracy by 66% on average over base models.",
      "aws",
    );
    const chosen = bestSentences({ items: [news] }, 2);
    expect(chosen.map((c) => c.text)).toEqual([
      "Amazon Bedrock now offers reinforcement fine-tuning, which AWS says improves model accuracy by 66% on average over base models.",
    ]);
    const quoted = item(
      "quoted",
      "Nvidia's Huang says AI chips will stay scarce",
      'Jensen Huang told analysts "you will not be able to buy enough of them" as Nvidia forecast $65 billion of revenue for the quarter.',
      "wire",
    );
    expect(bestSentences({ items: [quoted] }, 1)[0]?.text).toContain("$65 billion");
  });
});

describe("rapidLine", () => {
  const story = (items: ReturnType<typeof item>[]) =>
    ({ id: "st", items, subject: { name: "Nvidia" } }) as unknown as Parameters<typeof rapidLine>[0];

  it("labels a line with the company its sentence opens with, not one it only mentions", () => {
    const ipo = item(
      "ipo",
      "'China's Nvidia' Moore Threads set for STAR Market debut",
      "Moore Threads Technology, a Beijing-based designer of graphics and AI processors founded by Nvidia's former China chief, is preparing to begin trading on Shanghai's STAR Market after one of the most heavily subscribed offerings of the year.",
    );
    const line = rapidLine(story([ipo]), 45);
    expect(line.subject).toBe("Moore Threads");
    expect(line.text).toContain("Moore Threads Technology");
  });

  it("keeps the story's company when the sentence is about it", () => {
    const deal = item(
      "deal",
      "Nvidia buys $2 billion of Synopsys stock",
      "Nvidia has bought $2 billion of Synopsys common stock at $414.79 a share as part of an expanded partnership with the chip-design software maker.",
    );
    expect(rapidLine(story([deal]), 45).subject).toBe("Nvidia");
  });

  it("keeps the story's company when the sentence opens with a word of its product's name", () => {
    const lambda = item(
      "lambda",
      "Introducing AWS Lambda Managed Instances: serverless functions on the EC2 instances you choose",
      "Lambda's model, with no servers to manage and pay per request, works well for spiky traffic, and Lambda now provisions EC2 instances for you.",
    );
    const amazon = { id: "st", items: [lambda], subject: { name: "Amazon" } } as unknown as Parameters<
      typeof rapidLine
    >[0];
    expect(rapidLine(amazon, 45).subject).toBe("Amazon");
  });

  it("never labels a line with a number word a headline opens with", () => {
    const laws = item(
      "laws",
      "Thirty days out: the state AI laws that take effect on January 1",
      "While Washington argues about whether to override state AI laws, several of those laws are about to start applying.",
    );
    const unlabelled = { id: "st", items: [laws] } as unknown as Parameters<typeof rapidLine>[0];
    expect(rapidLine(unlabelled, 45).subject).not.toBe("Thirty");
  });
});

describe("oneLiner", () => {
  it("gives way to the headline when its sentence never names who the story is about", () => {
    const round = item(
      "bfl",
      "FLUX maker Black Forest Labs valued at $3.25 billion after $300 million funding round",
      "The new money brings the total it has raised to more than $450 million. Salesforce Ventures and AMP led the round.",
    );
    const story = { id: "st", items: [round], subject: { name: "Black Forest Labs" } } as unknown as Parameters<
      typeof oneLiner
    >[0];
    expect(oneLiner(story, 30)).toBe(
      "FLUX maker Black Forest Labs valued at $3.25 billion after $300 million funding round.",
    );
  });
});
