import { createHash } from "node:crypto";
import type { ChatMessage } from "./chat-client.ts";

/** A model's accepted answer to one prompt, with what it cost when it was first asked. */
export type CachedAnswer = { response: string; promptTokens: number; completionTokens: number };

/**
 * Where answers are kept so a rebuild with the same inputs does not pay twice. The store implements it
 * (store/llm-cache-repo.ts); the pipeline or the command hands it to the writer.
 */
export interface LlmCache {
  get(key: string): Promise<CachedAnswer | null>;
  set(key: string, model: string, answer: CachedAnswer): Promise<void>;
}

/**
 * The cache key of a prompt: the model, every message and the temperature. Any change to a prompt file, a source
 * text or a setting that changes the answer makes a new key.
 *
 * @example
 * cacheKey("gpt-4o-mini", [{ role: "user", content: "…" }], 0.3) // "5f1c…" (64 hex digits)
 */
export function cacheKey(model: string, messages: ChatMessage[], temperature: number): string {
  return createHash("sha256").update(JSON.stringify({ model, messages, temperature })).digest("hex");
}

/** A cache in memory, for one process (tests, `daybrief demo` without a database). */
export class MemoryLlmCache implements LlmCache {
  readonly #entries = new Map<string, CachedAnswer & { model: string }>();

  async get(key: string): Promise<CachedAnswer | null> {
    const entry = this.#entries.get(key);
    return entry
      ? { response: entry.response, promptTokens: entry.promptTokens, completionTokens: entry.completionTokens }
      : null;
  }

  async set(key: string, model: string, answer: CachedAnswer): Promise<void> {
    this.#entries.set(key, { ...answer, model });
  }

  get size(): number {
    return this.#entries.size;
  }
}
