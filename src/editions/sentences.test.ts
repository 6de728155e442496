import { describe, expect, it } from "vitest";
import { standsAlone } from "./sentences.ts";

describe("standsAlone", () => {
  it("refuses a pronoun whose referent is in a sentence the reader does not see", () => {
    for (const s of [
      "For long contexts, this cuts compute and memory traffic considerably.",
      "Making it consumes far more wafer capacity per bit than standard DRAM.",
      "The San Francisco start-up, which builds general-purpose models for robots, raised $600 million.",
      "If approved, it would be the largest listing of the year.",
      "Most often that means the latest month multiplied by twelve.",
      "Here is what arrives on January 1, 2026.",
      "The third ingredient targets agents: a pipeline that synthesises tool-use environments.",
      "Nvidia had already warned in its latest quarterly filing that there was no assurance a definitive agreement would be reached.",
      "Reinforcement fine-tuning in Amazon Bedrock, launched at re:Invent, is built for that situation.",
      "Lambda's model of renting single GPUs by the hour solves this problem for start-ups.",
    ])
      expect(standsAlone(s), s).toBe(false);
  });

  it("keeps sentences that name what they are about", () => {
    for (const s of [
      "For long contexts, DeepSeek Sparse Attention cuts compute and memory traffic considerably.",
      "In October this year, Sam Altman told OpenAI's developer conference that ChatGPT had 800 million weekly users.",
      "Making HBM consumes far more wafer capacity per bit than standard DRAM.",
      "Physical Intelligence, a San Francisco start-up, raised $600 million.",
      "The first recipients of the fund are more than 200 nonprofits.",
      "Most often a run-rate is the latest month multiplied by twelve.",
      "The situation is new for Amazon, which has sold cloud capacity since 2006.",
      "Bedrock's reinforcement fine-tuning is built for teams with few labelled examples, AWS said.",
    ])
      expect(standsAlone(s), s).toBe(true);
  });
});
