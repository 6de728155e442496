import { z } from "zod";
import { DaybriefError } from "../../errors.ts";

export type EmbeddingsClientOptions = {
  /** An OpenAI-compatible base URL (https://api.openai.com/v1, http://localhost:11434/v1) or its /embeddings URL. */
  url: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
};

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().min(0).optional(), embedding: z.array(z.number()) })),
});

/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Ollama, vLLM, llama.cpp server) with
 * plain fetch and a deadline: one request per batch of texts, vectors back in the texts' order, L2-normalised.
 * Failures are `E_EMBEDDINGS_REQUEST` errors; the caller decides what clustering does without the vectors.
 *
 * @example
 * const client = new EmbeddingsClient({ url: "http://localhost:11434/v1", model: "nomic-embed-text", apiKey: null, timeoutMs: 30_000 });
 * const [vector] = await client.embed(["Nvidia unveils Rubin"]);
 */
export class EmbeddingsClient {
  readonly #options: EmbeddingsClientOptions;
  readonly #url: string;

  constructor(options: EmbeddingsClientOptions) {
    this.#options = options;
    const base = options.url.replace(/\/+$/, "");
    this.#url = /\/embeddings$/.test(base) ? base : `${base}/embeddings`;
  }

  get model(): string {
    return this.#options.model;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (!texts.length) return [];
    const { model, apiKey, timeoutMs } = this.#options;
    let response: Response;
    try {
      response = await fetch(this.#url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({ model, input: texts, encoding_format: "float" }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      const why =
        name === "TimeoutError" || name === "AbortError"
          ? `no answer within ${timeoutMs} ms`
          : `cannot reach it: ${(error as Error).message}`;
      throw failure(`${this.#url}: ${why}`, error, true);
    }
    if (!response.ok) {
      const body = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200);
      const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
      throw failure(`${model} at ${this.#url} answered ${response.status}${body ? `: ${body}` : ""}`, null, retryable);
    }
    let parsed: z.infer<typeof responseSchema>;
    try {
      parsed = responseSchema.parse(await response.json());
    } catch (error) {
      throw failure(`${this.#url} did not answer in the embeddings format`, error);
    }
    return this.#ordered(parsed.data, texts.length);
  }

  #ordered(data: z.infer<typeof responseSchema>["data"], expected: number): Float32Array[] {
    if (data.length !== expected) throw failure(`${this.#url} returned ${data.length} vectors for ${expected} texts`);
    const out = new Array<Float32Array>(expected);
    data.forEach((entry, position) => {
      out[entry.index ?? position] = normalised(entry.embedding);
    });
    const length = out[0]?.length ?? 0;
    if (!length || out.some((v) => v === undefined || v.length !== length))
      throw failure(`${this.#url} returned vectors of different lengths or an empty one`);
    return out;
  }
}

function normalised(values: number[]): Float32Array {
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(values, (v) => v / norm);
}

/** An `E_EMBEDDINGS_REQUEST`; `details.retryable` when another attempt may succeed (network, 408, 429, 5xx). */
function failure(message: string, cause?: unknown, retryable = false): DaybriefError {
  return new DaybriefError("E_EMBEDDINGS_REQUEST", message, {
    details: { retryable },
    ...(cause === undefined || cause === null ? {} : { cause }),
  });
}
