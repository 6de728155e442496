import { describe, expect, it } from "vitest";
import { extractEntities } from "../entities/extract-entities.ts";
import { entitySentiments } from "./entity-sentiments.ts";

function byCompany(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const s of entitySentiments(text, extractEntities(text))) result[s.normalized] = s.label;
  return result;
}

describe("sentiment towards each company", () => {
  it("gives each company the tone of what is said about it", () => {
    expect(byCompany("Intel shares jumped. Synopsys shares fell after its forecast missed estimates.")).toEqual({
      Intel: "positive",
      Synopsys: "negative",
    });
  });

  it("credits the company a broker writes about, not the broker", () => {
    expect(byCompany("Morgan Stanley raised its price target on Broadcom.")).toEqual({
      "Morgan Stanley": "neutral",
      Broadcom: "positive",
    });
  });

  it("carries the subject into a sentence that does not name it", () => {
    const text = "Snowflake reported results on Wednesday. Its shares tumbled 8% after hours.";
    expect(byCompany(text)).toEqual({ Snowflake: "negative" });
  });

  it("names each company once, by its canonical name and ticker, labs without one", () => {
    const text = "AWS and Amazon said OpenAI signed a $38 billion contract.";
    const result = entitySentiments(text, extractEntities(text));
    expect(result.map((s) => [s.normalized, s.ticker])).toEqual([
      ["Amazon", "AMZN"],
      ["OpenAI", null],
    ]);
  });
});
