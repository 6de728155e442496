import { describe, expect, it } from "vitest";
import { type JudgeAnswer, type JudgeMessage, type JudgeModel, PairJudge, parseVerdict } from "./judge.ts";

/** A model answering from a rule, counting its questions: an in-process seam (the HTTP path is tested elsewhere). */
class RuleModel implements JudgeModel {
  readonly model = "rule";
  questions = 0;
  fail = false;
  async complete(messages: JudgeMessage[]): Promise<JudgeAnswer> {
    this.questions += 1;
    if (this.fail) throw new Error("connection refused");
    const text = messages.at(-1)?.content ?? "";
    const same = (text.match(/Title: Nvidia/g) ?? []).length >= 2;
    return { content: JSON.stringify({ same }), promptTokens: 1000, completionTokens: 10 };
  }
}

class Cache {
  readonly entries = new Map<string, { response: string; promptTokens: number; completionTokens: number }>();
  async get(key: string) {
    return this.entries.get(key) ?? null;
  }
  async set(key: string, _model: string, answer: { response: string; promptTokens: number; completionTokens: number }) {
    this.entries.set(key, answer);
  }
}

const pair = (a: string, b: string) =>
  [
    { title: a, text: `${a} said on Monday.` },
    { title: b, text: `${b} said on Tuesday.` },
  ] as [{ title: string; text: string }, { title: string; text: string }];
const prices = { inputCostPerMillion: null, outputCostPerMillion: null };

describe("parseVerdict", () => {
  it("reads JSON, fenced JSON and plain yes or no; nothing else", () => {
    expect(parseVerdict('{"same": true}')).toBe(true);
    expect(parseVerdict('```json\n{"same": false}\n```')).toBe(false);
    expect(parseVerdict("Yes, both report the deal.")).toBe(true);
    expect(parseVerdict("no")).toBe(false);
    expect(parseVerdict("Both are about Nvidia.")).toBeUndefined();
  });
});

describe("PairJudge", () => {
  it("answers up to its cap, leaves the rest unanswered and says so; cached answers are free", async () => {
    const model = new RuleModel();
    const cache = new Cache();
    const judge = new PairJudge({ model, cache, maxPairs: 2, maxCostUsd: null, prices });
    const pairs = [pair("Nvidia buys", "Nvidia deal"), pair("Nvidia buys", "AMD results"), pair("Intel", "Arm")];
    expect(await judge.judge(pairs)).toEqual([true, false, undefined]);
    expect(judge.report()).toMatchObject({ asked: 2, overCap: 1, capReached: true, cached: 0 });
    const next = new PairJudge({ model, cache, maxPairs: 2, maxCostUsd: null, prices });
    expect(await next.judge(pairs)).toEqual([true, false, false]);
    expect(next.report()).toMatchObject({ asked: 1, cached: 2, capReached: false });
    expect(model.questions).toBe(3);
  });

  it("asks a question met twice in one run once, however the answers interleave", async () => {
    const model = new RuleModel();
    const cache = new Cache();
    // The same pair twice (two items carrying the same text) and one other: the two workers meet the twin at once.
    const judge = new PairJudge({ model, cache, maxPairs: 10, maxCostUsd: null, prices });
    const twin = pair("Nvidia buys", "Nvidia deal");
    expect(await judge.judge([twin, twin, pair("Intel", "Arm")])).toEqual([true, true, false]);
    expect(model.questions).toBe(2);
    expect(judge.report()).toMatchObject({ asked: 2, cached: 1 });
  });

  it("spends the whole cap while an answer is still being stored", async () => {
    const model = new RuleModel();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // A store slow to write, and slow to read the second question: it is weighed while the first answer is stored.
    class SlowCache extends Cache {
      override async get(key: string) {
        if (this.entries.size === 0 && this.reads++ > 0) await sleep(20);
        return super.get(key);
      }
      override async set(...args: Parameters<Cache["set"]>) {
        await sleep(60);
        return super.set(...args);
      }
      reads = 0;
    }
    const judge = new PairJudge({ model, cache: new SlowCache(), maxPairs: 2, maxCostUsd: null, prices });
    await judge.judge([pair("Nvidia buys", "Nvidia deal"), pair("Intel", "Arm"), pair("AMD", "Qualcomm")]);
    expect(judge.report()).toMatchObject({ asked: 2, overCap: 1 });
    expect(model.questions).toBe(2);
  });

  it("stops at the cost cap when prices are known", async () => {
    const model = new RuleModel();
    // Each question costs 1000 × $1 + 10 × $2 per million = $0.00102.
    const judge = new PairJudge({
      model,
      cache: new Cache(),
      maxPairs: 100,
      maxCostUsd: 0.002,
      prices: { inputCostPerMillion: 1, outputCostPerMillion: 2 },
    });
    const pairs = ["A", "B", "C", "D"].map((x) => pair(`${x} one`, `${x} two`));
    const verdicts = await judge.judge(pairs);
    expect(verdicts.filter((v) => v !== undefined)).toHaveLength(2);
    expect(judge.report()).toMatchObject({ asked: 2, capReached: true, costUsd: 0.00204 });
  });

  it("turns a failing model into a warning and asks nothing more", async () => {
    const model = new RuleModel();
    model.fail = true;
    const judge = new PairJudge({ model, cache: new Cache(), maxPairs: 10, maxCostUsd: null, prices });
    const pairs = Array.from({ length: 10 }, (_, i) => pair(`a${i}`, `b${i}`));
    expect(await judge.judge(pairs)).toEqual(pairs.map(() => undefined));
    // Only the questions already in flight when the first failed (four at once) were sent.
    expect(model.questions).toBeLessThanOrEqual(4);
    expect(judge.available).toBe(false);
    expect(judge.report().warning?.code).toBe("E_JUDGE_REQUEST");
  });
});
