import type { Issue } from "../../model/issue.ts";
import type { Writer } from "../writer.ts";

/**
 * The token and cost account of one issue: tokens paid for (prompt, completion), tokens answered from the cache
 * instead (cached — not paid again), requests made (calls), answers taken from the cache (cacheHits), and the
 * sections whose model answer failed so the offline writer wrote them.
 */
export type LlmUsage = {
  model: string;
  prompt: number;
  completion: number;
  /** US dollars for the tokens paid; null when the prices per million tokens are not configured. */
  costUsd: number | null;
  /** Prompt + completion tokens served from the cache (no cost). */
  cached: number;
  cacheHits: number;
  calls: number;
  failedSections: string[];
};

export type Prices = { inputCostPerMillion: number | null; outputCostPerMillion: number | null };

/** Adds up what a writer spends. */
export class UsageAccount {
  readonly #model: string;
  readonly #prices: Prices;
  #prompt = 0;
  #completion = 0;
  #cached = 0;
  #cacheHits = 0;
  #calls = 0;
  #failed: string[] = [];

  constructor(model: string, prices: Prices) {
    this.#model = model;
    this.#prices = prices;
  }

  call(promptTokens: number, completionTokens: number): void {
    this.#calls += 1;
    this.#prompt += promptTokens;
    this.#completion += completionTokens;
  }

  cacheHit(promptTokens: number, completionTokens: number): void {
    this.#cacheHits += 1;
    this.#cached += promptTokens + completionTokens;
  }

  failed(sectionId: string): void {
    if (!this.#failed.includes(sectionId)) this.#failed.push(sectionId);
  }

  snapshot(): LlmUsage {
    const { inputCostPerMillion: input, outputCostPerMillion: output } = this.#prices;
    const costUsd =
      input === null || output === null
        ? null
        : roundUsd((this.#prompt * input + this.#completion * output) / 1_000_000);
    return {
      model: this.#model,
      prompt: this.#prompt,
      completion: this.#completion,
      costUsd,
      cached: this.#cached,
      cacheHits: this.#cacheHits,
      calls: this.#calls,
      failedSections: [...this.#failed],
    };
  }
}

function roundUsd(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

/** A writer that keeps an account (the LLM writer). */
export type AccountingWriter = Writer & { usage(): LlmUsage };

function accounts(writer: Writer): writer is AccountingWriter {
  return typeof (writer as Partial<AccountingWriter>).usage === "function";
}

/**
 * What an issue records about its writer (Issue.writer): the model and the tokens and cost of this issue. For the
 * offline writer: no model, no tokens, no cost.
 *
 * @example
 * const issue = await writeIssue(edition, day, { writer });
 * issue.writer = issueWriterInfo(writer);
 */
export function issueWriterInfo(writer: Writer): Issue["writer"] {
  if (!accounts(writer)) return { name: writer.name, model: null, tokens: { prompt: 0, completion: 0 }, costUsd: null };
  const usage = writer.usage();
  return {
    name: writer.name,
    model: usage.model,
    tokens: { prompt: usage.prompt, completion: usage.completion },
    costUsd: usage.costUsd,
  };
}
