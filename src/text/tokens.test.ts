import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentTokens, contentTokensByPattern } from "./tokens.ts";

describe("contentTokens", () => {
  it("folds possessives and plurals, drops stopwords and bare numbers, keeps versions whole", () => {
    expect(contentTokens("Nvidia’s new chips: GPT-5.1 beats v3.2 in 2025, said the company's CEO.")).toEqual([
      "nvidia",
      "chip",
      "gpt-5.1",
      "beat",
      "v3.2",
      "ceo",
    ]);
    expect(contentTokens("Zhipu’s GLM-4.6 — a Mixture-of-Experts… Straße, 東京 AI")).toEqual([
      "zhipu",
      "glm-4.6",
      "mixture",
      "expert",
      "straße",
      "東京",
      "ai",
    ]);
  });

  it("reads every text as the word pattern does", () => {
    const alphabet = fc.constantFrom(
      ..."ab Z9'’.-  \n,;:!é東ß\u00a0İ😀x-".split(""),
      "'s",
      "’s",
      "GPT-5.1",
      "...",
      "--",
      "U.S.",
      "-'s",
      "1-",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(contentTokens(text)).toEqual(contentTokensByPattern(text));
      }),
      { numRuns: 5000 },
    );
  });
});
