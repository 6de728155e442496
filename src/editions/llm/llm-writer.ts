import { setTimeout as sleep } from "node:timers/promises";
import { DaybriefError, isDaybriefError } from "../../errors.ts";
import { type Logger, silentLogger } from "../../log.ts";
import type { Claim, ClaimChecker, Verdict } from "../claim-check.ts";
import type { EditionDefinition } from "../definition.ts";
import type { SectionDraft, WriteRequest, Writer } from "../writer.ts";
import { ChatClient, type ChatMessage } from "./chat-client.ts";
import { claimVars, parseVerdicts } from "./claim-prompt.ts";
import { cacheKey, type LlmCache } from "./llm-cache.ts";
import { unknownNames } from "./name-check.ts";
import { extractJson, type Parsed } from "./parse-answer.ts";
import { PromptFiles } from "./prompts.ts";
import { type Plan, planSection } from "./tasks/plan-section.ts";
import { type LlmUsage, UsageAccount } from "./usage.ts";

export type LlmWriterOptions = {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
  /** Further attempts after an invalid answer or a failed request. */
  retries: number;
  maxTokens: number;
  temperature: number;
  inputCostPerMillion: number | null;
  outputCostPerMillion: number | null;
  /**
   * Most US dollars one issue may spend (prompt and completion, claim checks included); null for no cap. Once spent,
   * later requests are not made (E_LLM_BUDGET) and those sections fall back. Needs both prices to apply.
   */
  maxCostPerIssueUsd?: number | null;
  /** After the grounding check, ask the model whether its sources state each sentence it wrote (llm.claimCheck). */
  claimCheck?: boolean;
  /** A folder of prompt files that override the bundled editions/prompts/ ones, file by file. */
  promptsDir?: string | null;
  cache?: LlmCache;
  /** Writes what needs no model, gives the scaffold (selection, citations, data) the model rewrites. */
  offline: Writer;
  /** Characters of source text in one prompt; 12,000 by default. */
  sourceBudgetChars?: number;
  /** Wait before retrying a failed request, times the attempt number; 1 s by default. */
  retryDelayMs?: number;
  logger?: Logger;
};

/**
 * Writes sections with any OpenAI-compatible model. For each section the offline writer drafts first (choosing the
 * stories, citations, ticker and quote, all grounded); the model then rewrites the prose from the selected sources,
 * answering in JSON that is validated with zod and asked for again — saying what was wrong — when invalid. Answers
 * are cached by prompt, so a rebuild does not pay twice. A failure throws E_LLM_REQUEST or E_LLM_OUTPUT, and the
 * issue builder has the offline writer write that section instead.
 *
 * @example
 * const writer = new LlmWriter({ ...config.llm, baseUrl, model, offline: new OfflineWriter() });
 * const issue = await writeIssue(loadEdition("digest"), day, { writer });
 * issue.writer = issueWriterInfo(writer);
 */
export class LlmWriter implements Writer, ClaimChecker {
  readonly name = "llm" as const;
  readonly #options: LlmWriterOptions;
  readonly #client: ChatClient;
  readonly #prompts: PromptFiles;
  readonly #log: Logger;
  #account: UsageAccount;
  /** A failure no retry mends (a wrong key, model or URL): later sections fall back without asking again. */
  #down: DaybriefError | null = null;

  constructor(options: LlmWriterOptions) {
    this.#options = options;
    this.#client = new ChatClient(options);
    this.#prompts = new PromptFiles(options.promptsDir);
    this.#log = options.logger ?? silentLogger;
    this.#account = this.#newAccount();
  }

  /** This writer as the issue builder's claim checker when `claimCheck` is on; null otherwise. */
  get claimChecker(): ClaimChecker | null {
    return this.#options.claimCheck ? this : null;
  }

  /** The account since construction or the last resetUsage(): tokens, cost, cache use, failed sections. */
  usage(): LlmUsage {
    return this.#account.snapshot();
  }

  /** Starts a new account, for the next issue written with the same writer. */
  resetUsage(): void {
    this.#account = this.#newAccount();
  }

  async writeSection(request: WriteRequest): Promise<SectionDraft | null> {
    const scaffold = await this.#options.offline.writeSection({ ...request, scaffold: true });
    if (!scaffold) return null;
    const plan = planSection({ request, scaffold, budget: this.#options.sourceBudgetChars ?? 12_000 });
    if (!plan) return scaffold.section.kind === "bullets" && !scaffold.section.lines.length ? null : scaffold;
    const id = request.definition.id;
    try {
      if (this.#down) throw this.#down;
      // What the offline draft left out is the model's to write: its notes are the model's now.
      const written = await this.#write(id, request, plan, scaffold);
      return { ...written, omitted: [] };
    } catch (error) {
      this.#account.failed(id);
      this.#log.warn({ section_id: id, err: (error as Error).message }, "llm_section_failed");
      if (isDaybriefError(error, "E_LLM_REQUEST") && [401, 403, 404].includes(Number(error.details.status)))
        this.#down = error;
      throw error;
    }
  }

  /**
   * Asks the model which of a section's sentences their sources do not state (claim-check.md), within the same
   * retries, cache, account and cost cap as the writing. Throws E_LLM_REQUEST or E_LLM_OUTPUT when no valid answer
   * comes; the issue builder then has the offline writer write the section.
   */
  async checkClaims(sectionId: string, claims: Claim[], edition: EditionDefinition): Promise<Verdict[]> {
    if (!claims.length) return [];
    const id = `${sectionId}/claim-check`;
    try {
      if (this.#down) throw this.#down;
      const vars = claimVars(claims, this.#options.sourceBudgetChars ?? 12_000);
      const messages = this.#prompts.messages("claim-check", edition, vars);
      return await this.#ask(id, messages, (content) => {
        const json = extractJson(content);
        return json.ok ? parseVerdicts(json.value, claims) : json;
      });
    } catch (error) {
      this.#account.failed(sectionId);
      this.#log.warn({ section_id: sectionId, err: (error as Error).message }, "llm_claim_check_failed");
      if (isDaybriefError(error, "E_LLM_REQUEST") && [401, 403, 404].includes(Number(error.details.status)))
        this.#down = error;
      throw error;
    }
  }

  async #write(id: string, request: WriteRequest, plan: Plan, scaffold: SectionDraft): Promise<SectionDraft> {
    const messages = this.#prompts.messages(plan.prompt, request.edition, plan.vars);
    return this.#ask(id, messages, (content) => this.#parse(content, plan, scaffold));
  }

  /** One answer for a prompt: from the cache, else from the model, sent back with its problems until valid. */
  async #ask<T>(id: string, messages: ChatMessage[], parse: (content: string) => Parsed<T>): Promise<T> {
    const { retries, temperature, model, maxTokens } = this.#options;
    const key = cacheKey(model, messages, temperature);
    const hit = await this.#options.cache?.get(key).catch((error: unknown) => {
      this.#log.warn({ section_id: id, err: (error as Error).message }, "llm_cache_unreadable");
      return null;
    });
    if (hit) {
      const cached = parse(hit.response);
      if (cached.ok) {
        this.#account.cacheHit(hit.promptTokens, hit.completionTokens);
        return cached.value;
      }
    }
    const conversation: ChatMessage[] = [...messages];
    const spent = { prompt: 0, completion: 0 };
    let last: DaybriefError | null = null;
    let attempts = 0;
    while (attempts <= retries) {
      if (attempts > 0 && last?.code === "E_LLM_REQUEST") await sleep(this.#retryDelay(last, attempts));
      attempts += 1;
      this.#withinBudget();
      let answer: Awaited<ReturnType<ChatClient["complete"]>>;
      try {
        answer = await this.#client.complete(conversation);
      } catch (error) {
        if (!isDaybriefError(error, "E_LLM_REQUEST")) throw error;
        last = error;
        this.#log.warn({ section_id: id, attempt: attempts, err: error.message }, "llm_request_failed");
        if (error.details.retryable !== true) break;
        continue;
      }
      this.#account.call(answer.promptTokens, answer.completionTokens);
      spent.prompt += answer.promptTokens;
      spent.completion += answer.completionTokens;
      const result = parse(answer.content);
      if (result.ok) {
        await this.#options.cache
          ?.set(key, model, {
            response: answer.content,
            promptTokens: spent.prompt,
            completionTokens: spent.completion,
          })
          .catch((error: unknown) =>
            this.#log.warn({ section_id: id, err: (error as Error).message }, "llm_cache_unwritable"),
          );
        return result.value;
      }
      const problems = answer.truncated
        ? [`the answer was cut off at ${maxTokens} tokens: write less`, ...result.problems]
        : result.problems;
      last = new DaybriefError("E_LLM_OUTPUT", problems.join("; "));
      this.#log.warn({ section_id: id, attempt: attempts, problems }, "llm_answer_invalid");
      conversation.push(
        { role: "assistant", content: answer.content },
        { role: "user", content: retryMessage(problems) },
      );
    }
    const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
    if (last?.code === "E_LLM_OUTPUT")
      throw new DaybriefError("E_LLM_OUTPUT", `no usable answer in ${tries}: ${last.message}`);
    throw new DaybriefError("E_LLM_REQUEST", `${last?.message ?? "no answer"} (${tries})`, {
      cause: last,
      details: last?.details ?? {},
    });
  }

  /** The section from an answer, or what is wrong with it: not JSON, the wrong shape, a link, a name no source has. */
  #parse(content: string, plan: Plan, scaffold: SectionDraft): Parsed<SectionDraft> {
    const json = extractJson(content);
    if (!json.ok) return json;
    // Links come from the sources only; a model that writes one is asked again rather than trusted.
    if (/\bhttps?:\/\/|\bwww\./i.test(content)) {
      return { ok: false, problems: ["remove every URL: links are added from the sources"] };
    }
    const result = plan.apply(json.value);
    if (!result.ok) return result;
    const names = unknownNames(result.value, scaffold);
    if (!names.length) return result;
    return {
      ok: false,
      problems: [
        `capitalised words no source contains: ${names.join(", ")} — name only what the sources name, and write in sentence case`,
      ],
    };
  }

  /** Throws E_LLM_BUDGET once this issue's spending has reached the cap. */
  #withinBudget(): void {
    const cap = this.#options.maxCostPerIssueUsd;
    const spent = this.#account.snapshot().costUsd;
    if (cap === null || cap === undefined || spent === null || spent < cap) return;
    throw new DaybriefError(
      "E_LLM_BUDGET",
      `this issue has spent $${spent.toFixed(4)} of its $${cap} cap (llm.maxCostPerIssueUsd); no further requests`,
      { details: { spentUsd: spent, capUsd: cap } },
    );
  }

  /** Backoff before retrying a failed request: longer each attempt, as long as a 429's Retry-After asks (≤ 30 s). */
  #retryDelay(failure: DaybriefError, attempts: number): number {
    const asked = Number(failure.details.retryAfterMs ?? 0);
    return Math.min(30_000, Math.max((this.#options.retryDelayMs ?? 1000) * attempts, asked));
  }

  #newAccount(): UsageAccount {
    return new UsageAccount(this.#options.model, this.#options);
  }
}

function retryMessage(problems: string[]): string {
  return [
    "That answer cannot be used:",
    ...problems.map((p) => `- ${p}`),
    "Reply again with only the JSON object, in exactly the shape asked for, using only facts from the sources.",
  ].join("\n");
}
