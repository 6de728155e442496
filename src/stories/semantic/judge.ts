import { createHash } from "node:crypto";
import { DaybriefError } from "../../errors.ts";
import { leadWords } from "../../text/tokens.ts";
import type { ClusterInput } from "../features.ts";

export type JudgeMessage = { role: "system" | "user"; content: string };
export type JudgeAnswer = { content: string; promptTokens: number; completionTokens: number };

/** The model the judge asks: the editions' `ChatClient` (any OpenAI-compatible chat endpoint) has this shape. */
export interface JudgeModel {
  readonly model: string;
  complete(messages: JudgeMessage[]): Promise<JudgeAnswer>;
}

/** Where answers are kept between runs: the LLM writer's cache (store/llm-cache-repo.ts) has this shape. */
export interface JudgeCache {
  get(key: string): Promise<StoredVerdict | null>;
  set(key: string, model: string, answer: StoredVerdict): Promise<void>;
}

export type StoredVerdict = { response: string; promptTokens: number; completionTokens: number };

export type JudgeOptions = {
  model: JudgeModel;
  cache: JudgeCache;
  /** Most pairs put to the model in one run (answers from the cache are free and not counted). */
  maxPairs: number;
  /** Most US dollars one run may spend, when the prices are known; null: only `maxPairs` caps it. */
  maxCostUsd: number | null;
  prices: { inputCostPerMillion: number | null; outputCostPerMillion: number | null };
};

export type JudgeReport = {
  model: string;
  /** Pairs put to the model, and answered from the cache. */
  asked: number;
  cached: number;
  /** Pairs the cap left to the pair model. */
  overCap: number;
  capReached: boolean;
  /** Answers that were neither yes nor no (the pair model decided those too). */
  unclear: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  /** The first request failure: the judge stopped asking, and the pair model decided the rest. */
  warning: DaybriefError | null;
};

/**
 * Questions in flight at once: a hosted model takes about a second for each, and four keep a run's wait short
 * without tripping the usual rate limits.
 */
const inFlight = 4;

/** Words of each item's text shown to the model: enough to tell two events apart, little enough to be cheap. */
const summaryWords = 70;

const system =
  "You decide whether two news items report the same real-world event: the same announcement, deal, launch, " +
  "result, incident or decision. Two items about the same company or topic that report different events (another " +
  'deal, another product, another quarter, a later follow-up with a new development) are not the same. Answer with JSON: {"same": true} or {"same": false}.';

/** The question for a pair: both titles and the start of both texts. */
export function judgeMessages(a: Pick<ClusterInput, "title" | "text">, b: Pick<ClusterInput, "title" | "text">) {
  const show = (label: string, item: Pick<ClusterInput, "title" | "text">) =>
    `Item ${label}\nTitle: ${item.title}\nSummary: ${leadWords(item.text ?? "", summaryWords)}`;
  const messages: JudgeMessage[] = [
    { role: "system", content: system },
    { role: "user", content: `${show("A", a)}\n\n${show("B", b)}\n\nSame real-world event?` },
  ];
  return messages;
}

/** Reads a verdict: `{"same": true|false}`, or an answer that starts with yes or no. */
export function parseVerdict(content: string): boolean | undefined {
  const text = content.trim();
  try {
    const parsed = JSON.parse(text.replace(/^```(?:json)?\s*|\s*```$/g, "")) as { same?: unknown };
    if (typeof parsed.same === "boolean") return parsed.same;
  } catch {
    // Not JSON: a plain yes or no.
  }
  const word = /^\W*(yes|no|true|false)\b/i.exec(text)?.[1]?.toLowerCase();
  return word === undefined ? undefined : word === "yes" || word === "true";
}

/**
 * An LLM that answers "same real-world event?" for pairs the pair model is unsure of, under a per-run cap on
 * pairs asked and on cost; answers are cached, so a re-run asks nothing it asked before. One instance is one run.
 */
export class PairJudge {
  readonly #options: JudgeOptions;
  #report: JudgeReport;
  /** Questions sent and not yet answered: counted against the cap as if asked. */
  #inFlight = 0;
  /**
   * Each question's verdict, once per judge: a pair asked twice (two items with the same text) waits for the first
   * asking instead of racing it to the model, so how many requests a run makes never depends on timing.
   */
  readonly #verdicts = new Map<string, Promise<boolean | undefined>>();

  constructor(options: JudgeOptions) {
    this.#options = options;
    this.#report = {
      model: options.model.model,
      asked: 0,
      cached: 0,
      overCap: 0,
      capReached: false,
      unclear: 0,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: costOf(0, 0, options.prices),
      warning: null,
    };
  }

  /** Whether asking again could answer anything: false once a request failed. */
  get available(): boolean {
    return this.#report.warning === null;
  }

  report(): JudgeReport {
    return { ...this.#report };
  }

  /**
   * Verdicts for pairs, most urgent first (the caller's order): cached answers for all, the model's for as many as
   * the cap allows. Pairs without an answer are absent from the result.
   */
  async judge(pairs: Array<[Pick<ClusterInput, "title" | "text">, Pick<ClusterInput, "title" | "text">]>) {
    const verdicts = new Array<boolean | undefined>(pairs.length).fill(undefined);
    // Workers take the pairs in order, so the cap always spends on the earliest (most urgent) ones. Under a cost cap
    // one question at a time: a question's cost is known only once it is answered.
    const workers = Math.min(this.#options.maxCostUsd === null ? inFlight : 1, pairs.length);
    let next = 0;
    const work = async () => {
      while (next < pairs.length) {
        const at = next++;
        verdicts[at] = await this.#verdict(pairs[at] as (typeof pairs)[number]);
      }
    };
    await Promise.all(Array.from({ length: workers }, work));
    return verdicts;
  }

  #verdict([a, b]: [Pick<ClusterInput, "title" | "text">, Pick<ClusterInput, "title" | "text">]) {
    const messages = judgeMessages(a, b);
    const key = createHash("sha256")
      .update(JSON.stringify({ task: "same-event", model: this.#options.model.model, messages }))
      .digest("hex");
    const known = this.#verdicts.get(key);
    if (known) {
      this.#report.cached += 1;
      return known;
    }
    const verdict = this.#answer(key, messages);
    this.#verdicts.set(key, verdict);
    return verdict;
  }

  async #answer(key: string, messages: JudgeMessage[]): Promise<boolean | undefined> {
    const { cache } = this.#options;
    const stored = await cache.get(key);
    if (stored) {
      this.#report.cached += 1;
      return parseVerdict(stored.response);
    }
    if (!this.available || this.#overCap()) {
      if (this.available) this.#report.overCap += 1;
      return undefined;
    }
    return this.#ask(key, messages);
  }

  async #ask(key: string, messages: JudgeMessage[]): Promise<boolean | undefined> {
    const { model, cache, prices } = this.#options;
    let answer: JudgeAnswer;
    // In flight until the answer arrives, then asked: counted once against the cap at every instant (while the
    // answer is being stored too, or a concurrent question would see it twice and stop short of the cap).
    this.#inFlight += 1;
    try {
      answer = await completeWithRetry(model, messages);
    } catch (error) {
      this.#report.warning = new DaybriefError(
        "E_JUDGE_REQUEST",
        `the same-event judge (${model.model}) failed: ${(error as Error).message}`,
        { cause: error },
      );
      return undefined;
    } finally {
      this.#inFlight -= 1;
    }
    const report = this.#report;
    report.asked += 1;
    report.promptTokens += answer.promptTokens;
    report.completionTokens += answer.completionTokens;
    report.costUsd = costOf(report.promptTokens, report.completionTokens, prices);
    const verdict = parseVerdict(answer.content);
    if (verdict === undefined) report.unclear += 1;
    else
      await cache.set(key, model.model, {
        response: answer.content,
        promptTokens: answer.promptTokens,
        completionTokens: answer.completionTokens,
      });
    return verdict;
  }

  #overCap(): boolean {
    const { maxPairs, maxCostUsd } = this.#options;
    const report = this.#report;
    const over =
      report.asked + this.#inFlight >= maxPairs ||
      (maxCostUsd !== null && report.costUsd !== null && report.costUsd >= maxCostUsd);
    if (over) report.capReached = true;
    return over;
  }
}

/** One more attempt after a failure worth retrying (a dropped connection, 429, 5xx), as the model's client marks it. */
async function completeWithRetry(model: JudgeModel, messages: JudgeMessage[]): Promise<JudgeAnswer> {
  try {
    return await model.complete(messages);
  } catch (error) {
    if ((error as { details?: { retryable?: boolean } }).details?.retryable !== true) throw error;
    return model.complete(messages);
  }
}

function costOf(prompt: number, completion: number, prices: JudgeOptions["prices"]): number | null {
  const { inputCostPerMillion: input, outputCostPerMillion: output } = prices;
  if (input === null || output === null) return null;
  return Math.round(((prompt * input + completion * output) / 1_000_000) * 1e6) / 1e6;
}
