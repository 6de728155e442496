import { describe, expect, it } from "vitest";
import type { Entity } from "../../model/entity.ts";
import { findAmounts, findMoney, findQuantities } from "./amounts.ts";

function one(found: Entity[], text: string): Entity {
  const match = found.find((e) => e.text === text);
  if (!match) throw new Error(`"${text}" not found; found ${found.map((e) => `"${e.text}"`).join(", ")}`);
  return match;
}

describe("money", () => {
  it.each([
    ["AWS will invest $11B in Georgia.", "$11B", 11e9, "USD 11B"],
    ["a $4.75 billion credit facility", "$4.75 billion", 4.75e9, "USD 4.75B"],
    ["a budget of roughly €2 bn", "€2 bn", 2.16e9, "USD 2.16B"],
    ["Marvell will pay USD 3.25bn in cash", "USD 3.25bn", 3.25e9, "USD 3.25B"],
    ["it raised 2 billion dollars", "2 billion dollars", 2e9, "USD 2B"],
    ["The merger valued xAI at US$80 billion.", "US$80 billion", 80e9, "USD 80B"],
    ["Nvidia became the first company worth $5tn.", "$5tn", 5e12, "USD 5T"],
    ["compute costing roughly $1.4 trillion", "$1.4 trillion", 1.4e12, "USD 1.4T"],
    ["a £5 billion plan", "£5 billion", 6.35e9, "USD 6.35B"],
    ["Zhipu AI raised 1 billion yuan", "1 billion yuan", 1.4e8, "USD 140M"],
    ["net profit came to 2.5 trillion yen", "2.5 trillion yen", 1.675e10, "USD 16.75B"],
    ["at $23.28 a share", "$23.28", 23.28, "USD 23.28"],
    ["went on sale for $3,999", "$3,999", 3999, "USD 3999"],
    ["a round of $650mn", "$650mn", 6.5e8, "USD 650M"],
  ])("reads %j as %s = %d", (text, span, value, normalized) => {
    const money = one(findMoney(text), span);
    expect(money.value).toBeCloseTo(value, 2);
    expect(money.normalized).toBe(normalized);
    expect(text.slice(money.start, money.end)).toBe(span);
  });

  it("keeps a range as one amount valued at its lower end", () => {
    const [range] = findMoney("a $3-4 billion deal");
    expect(range).toMatchObject({ text: "$3-4 billion", value: 3e9 });
  });

  it("does not read a verb, a year or a percentage as money", () => {
    expect(findMoney("The team of 5 won the award in 2025, up 12%.")).toEqual([]);
  });
});

describe("quantities", () => {
  it.each([
    ["a single 2.2 gigawatts campus", "2.2 gigawatts", 2.2, "GW"],
    ["The deal covers 6 GW.", "6 GW", 6, "GW"],
    ["It will start with 200 MW.", "200 MW", 200, "MW"],
    ["a model with 309B parameters", "309B parameters", 309e9, "parameters"],
    ["it has 235 billion parameters", "235 billion parameters", 235e9, "parameters"],
    ["a 1-trillion-parameter model", "1-trillion-parameter", 1e12, "parameters"],
    ["trained on 15 trillion tokens", "15 trillion tokens", 15e12, "tokens"],
    ["pre-trained on 14.8T tokens", "14.8T tokens", 14.8e12, "tokens"],
    ["trained on 1,000 H100 GPUs", "1,000 H100 GPUs", 1000, "GPUs"],
    ["runs on 500,000 Trainium2 chips", "500,000 Trainium2 chips", 500000, "chips"],
    ["made on a 3 nm process", "3 nm", 3, "nm"],
    ["built on a 3-nanometre process", "3-nanometre", 3, "nm"],
    ["the engine is 4.1x faster", "4.1x", 4.1, "x"],
    ["It delivers 4.4 times the compute.", "4.4 times", 4.4, "x"],
    ["141 GB of memory", "141 GB", 141, "GB"],
    ["2 TB/s of bandwidth", "2 TB/s", 2, "TB/s"],
    ["OpenAI agreed to deploy six gigawatts of its GPUs", "six gigawatts", 6, "GW"],
  ])("reads %j as %s = %d %s", (text, span, value, unit) => {
    expect(one(findQuantities(text), span)).toMatchObject({ value, unit });
  });

  it("reads both sides of '41B active / 675B total parameters' as parameter counts", () => {
    const found = findQuantities("a mixture of experts with 41B active / 675B total parameters");
    expect(found.map((q) => [q.text, q.value, q.unit])).toEqual([
      ["41B active", 41e9, "parameters"],
      ["675B total parameters", 675e9, "parameters"],
    ]);
  });

  it("does not count a model name's size, a year or a version", () => {
    expect(findQuantities("Qwen3-235B-A22B shipped in 2025 with 3 chips' worth of Trainium3")).toEqual([
      expect.objectContaining({ text: "3 chips", value: 3 }),
    ]);
    expect(findQuantities("In 2025 Nvidia GPUs sold out.")).toEqual([]);
  });

  it("gives money and quantities in text order, each once", () => {
    const found = findAmounts("It paid $2 billion for 1.3 GW and 4x the power.");
    expect(found.map((e) => e.type)).toEqual(["money", "quantity", "quantity"]);
  });
});
