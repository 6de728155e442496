import { z } from "zod";
import { DaybriefError } from "../../errors.ts";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type ChatAnswer = { content: string; promptTokens: number; completionTokens: number; truncated: boolean };

export type ChatClientOptions = {
  /** The OpenAI-compatible base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1. */
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
  maxTokens: number;
  temperature: number;
};

/** An error worth another attempt: a timeout, a dropped connection, 408, 409, 429 or a 5xx. */
export type RequestFailure = DaybriefError & {
  details: { retryable: boolean; status: number | null; retryAfterMs?: number };
};

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable().optional() }).optional(),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() }).nullish(),
});

/**
 * One chat completion from any OpenAI-compatible endpoint (OpenAI, Anthropic's and Google's compatibility URLs,
 * Ollama, vLLM, llama.cpp server) with plain fetch and a deadline. It asks for a JSON object; a server that rejects
 * one of the request's optional parameters (`response_format`, `temperature`, `max_tokens`) is asked again without
 * it — or with `max_completion_tokens`, as OpenAI's reasoning models want — and remembers that for later calls.
 */
export class ChatClient {
  readonly #options: ChatClientOptions;
  readonly #url: string;
  #jsonMode = true;
  #sendTemperature = true;
  #tokensKey: "max_tokens" | "max_completion_tokens" = "max_tokens";

  constructor(options: ChatClientOptions) {
    this.#options = options;
    const base = options.baseUrl.replace(/\/+$/, "");
    this.#url = /\/chat\/completions$/.test(base) ? base : `${base}/chat/completions`;
  }

  get model(): string {
    return this.#options.model;
  }

  async complete(messages: ChatMessage[]): Promise<ChatAnswer> {
    for (let adapted = 0; ; adapted += 1) {
      const response = await this.#post(messages);
      if (response.ok) return this.#read(response, messages);
      const body = await response.text().catch(() => "");
      if (response.status === 400 && adapted < 3 && this.#adapt(body)) continue;
      const failure = requestFailure(
        response.status,
        `${this.#options.model} at ${this.#url} answered ${response.status}${describe(body)}`,
      );
      const wait = Number(response.headers.get("retry-after"));
      if (Number.isFinite(wait) && wait > 0) failure.details.retryAfterMs = wait * 1000;
      throw failure;
    }
  }

  async #post(messages: ChatMessage[]): Promise<Response> {
    const { model, apiKey, timeoutMs, maxTokens, temperature } = this.#options;
    const body: Record<string, unknown> = { model, messages, [this.#tokensKey]: maxTokens };
    if (this.#sendTemperature) body.temperature = temperature;
    if (this.#jsonMode) body.response_format = { type: "json_object" };
    try {
      return await fetch(this.#url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw networkFailure(error, this.#url, timeoutMs);
    }
  }

  async #read(response: Response, messages: ChatMessage[]): Promise<ChatAnswer> {
    let raw: unknown;
    try {
      raw = await response.json();
    } catch (error) {
      throw networkFailure(error, this.#url, this.#options.timeoutMs);
    }
    const parsed = completionSchema.safeParse(raw);
    if (!parsed.success) {
      throw requestFailure(null, `${this.#url} did not answer in the chat-completions format`, false);
    }
    const [choice] = parsed.data.choices;
    const content = choice?.message?.content ?? "";
    const usage = parsed.data.usage;
    return {
      content,
      // Servers that report no usage are counted by the usual four characters a token, so the account is not zero.
      promptTokens: usage?.prompt_tokens ?? Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4),
      completionTokens: usage?.completion_tokens ?? Math.ceil(content.length / 4),
      truncated: choice?.finish_reason === "length",
    };
  }

  /** Drops or renames the parameter a 400 complains about; false when the complaint is about something else. */
  #adapt(body: string): boolean {
    if (this.#jsonMode && /response_format|json_object/i.test(body)) {
      this.#jsonMode = false;
      return true;
    }
    if (this.#tokensKey === "max_tokens" && /max_tokens/.test(body) && /max_completion_tokens/.test(body)) {
      this.#tokensKey = "max_completion_tokens";
      return true;
    }
    if (this.#sendTemperature && /temperature/i.test(body)) {
      this.#sendTemperature = false;
      return true;
    }
    return false;
  }
}

function requestFailure(status: number | null, message: string, retryable?: boolean): RequestFailure {
  const again = retryable ?? (status === null || status === 408 || status === 409 || status === 429 || status >= 500);
  return new DaybriefError("E_LLM_REQUEST", message, { details: { retryable: again, status } }) as RequestFailure;
}

function networkFailure(error: unknown, url: string, timeoutMs: number): RequestFailure {
  const name = (error as Error | undefined)?.name;
  const message =
    name === "TimeoutError" || name === "AbortError"
      ? `no answer from ${url} within ${timeoutMs} ms`
      : `cannot reach ${url}: ${(error as Error).message}${causeOf(error)}`;
  const failure = requestFailure(null, message, true);
  Object.defineProperty(failure, "cause", { value: error });
  return failure;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? ` (${cause.code})` : cause?.message ? ` (${cause.message})` : "";
}

/** The error message of an OpenAI-style error body, shortened; never the request (it carries the key). */
function describe(body: string): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const inner = typeof parsed.error === "string" ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof inner === "string") message = inner;
  } catch {
    // Not JSON: the text itself.
  }
  message = message.replace(/\s+/g, " ").trim();
  return message ? `: ${message.length > 200 ? `${message.slice(0, 197)}…` : message}` : "";
}
