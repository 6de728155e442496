import { describe, expect, it } from "vitest";
import { newsItem as item } from "../../../test/helpers/day-items.ts";
import type { DayContext, DayStory } from "../day.ts";
import { isClause, leadClause } from "../lead-clause.ts";
import { implications } from "./implications.ts";

const why = (company: string) =>
  `${company} said the change means developers will be able to ship features to customers faster than before.`;

function day(titles: string[]): DayContext {
  const stories = titles.map((title, n) => {
    const company = title.split(/[\s’']/)[0] ?? "Acme";
    const i = item(`s${n}`, title, `${company} announced the release on Thursday. ${why(company)}`);
    return { id: i.id, items: [i] } as unknown as DayStory;
  });
  return { stories } as unknown as DayContext;
}

describe("What It Means leads", () => {
  it("leads with the headline's whole clause, never one cut from its verb's object", () => {
    const out = implications(day(["Kling O1 puts video generation and video editing in one model"]), 4);
    expect(out.map((b) => b.lead)).toEqual(["Kling O1 puts video generation and video editing in one model"]);
  });

  it("cuts a long headline only where a further clause begins", () => {
    const title = "Micron quits the consumer memory business it has run for decades as AI data centres buy every chip";
    expect(leadClause(title)).toBe("Micron quits the consumer memory business it has run for decades");
  });

  it("leaves the bullet out when no piece of the headline is a clause", () => {
    const out = implications(
      day([
        "Huang’s Washington day: a Trump meeting, a shelved GAIN AI Act and the H200 question",
        "Thirty days out: the state AI laws that take effect on January 1",
        "Acme opens its agent platform to every developer",
      ]),
      4,
    );
    expect(out.map((b) => b.lead)).toEqual(["Acme opens its agent platform to every developer"]);
  });

  it("reads verbs in Title Case and headline style, and refuses noun phrases and dependent clauses", () => {
    expect(isClause("OpenAI Names First Recipients of Its $50 Million People-First AI Fund")).toBe(true);
    expect(isClause("Micron to shut Crucial consumer brand")).toBe(true);
    expect(isClause("FLUX maker Black Forest Labs valued at $3.25 billion")).toBe(true);
    expect(isClause("Kiro autonomous agent, AWS Security Agent and AWS DevOps Agent")).toBe(false);
    expect(isClause("Notes on Anthropic’s reward-hacking study")).toBe(false);
    expect(isClause("When models learn to cheat")).toBe(false);
    expect(leadClause("Frontier agents are here: Kiro autonomous agent, AWS Security Agent")).toBe(
      "Frontier agents are here",
    );
  });
});

describe("isClause and a kicker", () => {
  it('does not read a noun phrase\'s "to" as a headline verb', () => {
    expect(isClause("From phone to data centre")).toBe(false);
    expect(isClause("Marvell to buy Celestial AI")).toBe(true);
  });
});
