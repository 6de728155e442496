import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../bench/corpus.ts";
import { extractEntities } from "../../text/entities/extract-entities.ts";
import { assignStories } from "../cluster-items.ts";
import { type JudgeMessage, type JudgeModel, PairJudge } from "./judge.ts";
import { assignStoriesJudged } from "./judged-clustering.ts";

/** A model that always gives one answer, recording the titles it was asked about. */
class FixedModel implements JudgeModel {
  readonly model = "fixed";
  readonly asked: string[][] = [];
  constructor(private readonly same: boolean) {}
  async complete(messages: JudgeMessage[]) {
    const text = messages.at(-1)?.content ?? "";
    this.asked.push([...text.matchAll(/^Title: (.*)$/gm)].map((m) => m[1] as string));
    return { content: JSON.stringify({ same: this.same }), promptTokens: 10, completionTokens: 2 };
  }
}

const memory = () => {
  const entries = new Map<string, { response: string; promptTokens: number; completionTokens: number }>();
  return {
    get: async (key: string) => entries.get(key) ?? null,
    set: async (key: string, _m: string, a: { response: string; promptTokens: number; completionTokens: number }) => {
      entries.set(key, a);
    },
  };
};
const judgeWith = (model: JudgeModel, maxPairs = 1000) =>
  new PairJudge({
    model,
    cache: memory(),
    maxPairs,
    maxCostUsd: null,
    prices: { inputCostPerMillion: null, outputCostPerMillion: null },
  });

const corpus = loadCorpus("test/eval/fixtures/corpus/b").items;
const start = Date.parse(corpus[0]?.published ?? "");
const items = corpus.filter((i) => Date.parse(i.published ?? "") - start < 10 * 86_400_000);
const options = { entities: extractEntities };
const band = { low: 0.3, high: 0.95 };
const pairs = (stories: Array<{ itemIds: string[] }>) =>
  stories.reduce((n, s) => n + (s.itemIds.length * (s.itemIds.length - 1)) / 2, 0);

describe("assignStoriesJudged", () => {
  const lexical = assignStories(items, options).stories;

  it("joins the uncertain items when the judge says yes, and keeps them apart when it says no", async () => {
    const yes = new FixedModel(true);
    const merged = await assignStoriesJudged(items, options, judgeWith(yes), band);
    expect(yes.asked.length).toBeGreaterThan(0);
    expect(pairs(merged.stories)).toBeGreaterThan(pairs(lexical));
    const no = new FixedModel(false);
    const split = await assignStoriesJudged(items, options, judgeWith(no), band);
    // A "no" never joins anything: the stories hold no more pairs than the pair model alone gives (items it turns
    // away may still meet again when two stories prove coherent on their other members).
    expect(no.asked.length).toBeGreaterThan(0);
    expect(pairs(split.stories)).toBeLessThanOrEqual(pairs(lexical));
    expect(pairs(split.stories)).toBeLessThan(pairs(merged.stories));
    // Every question is about two different items, each shown with its title.
    for (const titles of [...yes.asked, ...no.asked]) expect(titles).toHaveLength(2);
  });

  it("is the pair model alone when the cap allows no question", async () => {
    const model = new FixedModel(true);
    const result = await assignStoriesJudged(items, options, judgeWith(model, 0), band);
    expect(model.asked).toEqual([]);
    expect(result.judge).toMatchObject({ asked: 0, capReached: true });
    expect(result.judge.overCap).toBeGreaterThan(0);
    expect(result.stories.map((s) => s.itemIds)).toEqual(lexical.map((s) => s.itemIds));
  });
});
