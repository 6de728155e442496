import { describe, expect, it } from "vitest";
import { extractEntities } from "../../text/entities/extract-entities.ts";
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

  it("reads a company by what happened to its shares, not by the upbeat quotes around it", () => {
    const text =
      "Micron said it would exit its Crucial consumer business. " +
      "“The AI-driven growth in the data center has led to a surge in demand for memory,” an executive said. " +
      "Contract prices for DRAM have climbed sharply this autumn. Micron shares dipped 2% on the news.";
    const [micron] = entitySentiments(text, extractEntities(text));
    expect(micron).toMatchObject({ normalized: "Micron", label: "negative", verdict: true });
  });

  it("takes a run of past gains for background, not the day's verdict", () => {
    const text = "Micron's shares have more than doubled this year. Micron shares fell 3% on Wednesday.";
    expect(byCompany(text)).toEqual({ Micron: "negative" });
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
