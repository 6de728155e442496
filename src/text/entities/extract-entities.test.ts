import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Entity, EntityType } from "../../model/entity.ts";
import { extractEntities } from "./extract-entities.ts";

function ofType(text: string, type: EntityType): Array<Pick<Entity, "text" | "normalized" | "ticker">> {
  return extractEntities(text)
    .filter((e) => e.type === type)
    .map((e) => ({ text: e.text, normalized: e.normalized, ...(e.ticker ? { ticker: e.ticker } : {}) }));
}

describe("organisations", () => {
  it("normalises subsidiaries and aliases to the listed parent, with its ticker", () => {
    expect(ofType("AWS and Google DeepMind joined Amazon Web Services, Alphabet and Meta Platforms.", "org")).toEqual([
      { text: "AWS", normalized: "Amazon", ticker: "AMZN" },
      { text: "Google DeepMind", normalized: "Alphabet", ticker: "GOOGL" },
      { text: "Amazon Web Services", normalized: "Amazon", ticker: "AMZN" },
      { text: "Alphabet", normalized: "Alphabet", ticker: "GOOGL" },
      { text: "Meta Platforms", normalized: "Meta", ticker: "META" },
    ]);
  });

  it("never gives an unlisted lab a ticker", () => {
    const labs = ofType("OpenAI, Anthropic, xAI, Mistral AI, Zhipu AI and ByteDance all raised money.", "org");
    expect(labs.map((o) => o.normalized)).toEqual([
      "OpenAI",
      "Anthropic",
      "xAI",
      "Mistral AI",
      "Zhipu AI",
      "ByteDance",
    ]);
    expect(labs.every((o) => o.ticker === undefined)).toBe(true);
  });

  it("reads tickers written in the text: 'Synopsys (SNPS)', '(NASDAQ: NVDA)', '$AMD'", () => {
    expect(ofType("Synopsys (SNPS) rose while Nvidia Corp. (NASDAQ: NVDA) fell and $AMD was flat.", "org")).toEqual([
      { text: "Synopsys", normalized: "Synopsys", ticker: "SNPS" },
      { text: "Nvidia Corp.", normalized: "Nvidia", ticker: "NVDA" },
      { text: "$AMD", normalized: "AMD", ticker: "AMD" },
    ]);
  });

  it("gives an unknown company the ticker its exchange names", () => {
    expect(ofType("Acme Robotics Inc. (NYSE: ACME) listed on Friday.", "org")).toEqual([
      { text: "Acme Robotics Inc.", normalized: "Acme Robotics", ticker: "ACME" },
    ]);
  });

  it("does not take an abbreviation in brackets for a ticker", () => {
    expect(ofType("High Bandwidth Memory (HBM) is scarce.", "org")).toEqual([]);
  });

  it("finds organisations it does not know from their last word", () => {
    expect(ofType("Celestial AI and Atreides Management backed Lightwave Labs.", "org").map((o) => o.text)).toEqual([
      "Celestial AI",
      "Atreides Management",
      "Lightwave Labs",
    ]);
    expect(ofType("Generative AI and Industrial AI are buzzwords.", "org")).toEqual([]);
  });

  it("keeps a weekday that names a company, not one that dates an event", () => {
    expect(ofType("Sunday Robotics, which emerged from stealth, builds Memo.", "org").map((o) => o.text)).toEqual([
      "Sunday Robotics",
    ]);
    expect(ofType("Results due on Monday Research firms expect a beat.", "org").map((o) => o.text)).not.toContain(
      "Monday Research",
    );
  });

  it("finds a company inside a compound word", () => {
    expect(ofType("the Nvidia-backed start-up", "org")).toEqual([
      { text: "Nvidia", normalized: "Nvidia", ticker: "NVDA" },
    ]);
  });
});

describe("people, places and products", () => {
  it("finds people by name, by a given name, by a role and family name first", () => {
    const text = "Jensen Huang met Stacy Rasgon, chief executive Priya Natarajan and Liang Wenfeng. Huang said little.";
    expect(ofType(text, "person").map((p) => [p.text, p.normalized])).toEqual([
      ["Jensen Huang", "Jensen Huang"],
      ["Stacy Rasgon", "Stacy Rasgon"],
      ["Priya Natarajan", "Priya Natarajan"],
      ["Liang Wenfeng", "Liang Wenfeng"],
      ["Huang", "Jensen Huang"],
    ]);
  });

  it("finds places, including a town before its state and a dateline in capitals", () => {
    expect(ofType("SAN FRANCISCO - The campus in Taylor, Texas, serves the U.S. and Europe.", "place")).toEqual([
      { text: "SAN FRANCISCO", normalized: "San Francisco" },
      { text: "Taylor", normalized: "Taylor" },
      { text: "Texas", normalized: "Texas" },
      { text: "U.S.", normalized: "United States" },
      { text: "Europe", normalized: "Europe" },
    ]);
  });

  it("finds models and chips with their versions and editions", () => {
    const text =
      "Trainium4, H100, MiMo-V2-Flash, Claude Opus 4.5, Gemini 3 Pro, Kimi K2 Thinking, GB200 NVL72 and GPT-5.1 shipped.";
    expect(ofType(text, "product").map((p) => p.text)).toEqual([
      "Trainium4",
      "H100",
      "MiMo-V2-Flash",
      "Claude Opus 4.5",
      "Gemini 3 Pro",
      "Kimi K2 Thinking",
      "GB200 NVL72",
      "GPT-5.1",
    ]);
  });

  it("names DeepSeek's short model names in full when the text is about DeepSeek", () => {
    expect(ofType("A week after DeepSeek released R1, the market fell.", "product")).toEqual([
      { text: "R1", normalized: "DeepSeek-R1" },
    ]);
    expect(ofType("The R1 road was closed.", "product")).toEqual([]);
  });

  it("does not take periods, standards or forms for products", () => {
    expect(ofType("In Q3 and FY2026 the S-1 and COVID-19 rules on PCIe5 applied.", "product")).toEqual([]);
  });

  it("lists a product inside a count as well as the count", () => {
    const found = extractEntities("Microsoft trained it on about 15,000 H100 GPUs.");
    expect(found.map((e) => [e.type, e.text])).toEqual([
      ["org", "Microsoft"],
      ["quantity", "15,000 H100 GPUs"],
      ["product", "H100"],
    ]);
  });
});

describe("extractEntities", () => {
  it("gives offsets that point at each entity's text", () => {
    const text = "Broadcom Inc. shares rose after Hock Tan said OpenAI ordered 10 GW worth $10bn.";
    for (const entity of extractEntities(text)) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
  });

  it("never throws, and every entity's offsets point at its text, whatever the input", () => {
    const pieces = fc.constantFrom(
      "Nvidia",
      "AWS",
      "(NASDAQ: NVDA)",
      "$AMD",
      "$11B",
      "€2 bn",
      "USD 3.25bn",
      "2.2 gigawatts",
      "41B active",
      "4.1x",
      "3-nanometre",
      "Mr.",
      "Jensen Huang",
      "Gemini 3 Pro",
      "U.S.",
      "Taylor, Texas",
      "-",
      ",",
      ".",
      " ",
      "\n",
      "é",
      "😀",
      "1,000",
      "H100",
      "GPUs",
      "said",
      "the",
      "Inc.",
      "(",
      ")",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join(" ");
        for (const entity of extractEntities(text)) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
      }),
      { numRuns: 300 },
    );
  });

  it("returns nothing for a text without names or numbers", () => {
    expect(extractEntities("the quick brown fox jumps over the lazy dog")).toEqual([]);
    expect(extractEntities("")).toEqual([]);
  });
});
