import { createHash } from "node:crypto";
import type { Db } from "../../store/db.ts";
import type { ChatMessage } from "./chat-client.ts";

/** A model's accepted answer to one prompt, with what it cost when it was first asked. */
export type CachedAnswer = { response: string; promptTokens: number; completionTokens: number };

/** Where answers are kept so a rebuild with the same inputs does not pay twice. */
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

/** The `llm_cache` table of the store (SQLite or PostgreSQL alike). */
export class KyselyLlmCache implements LlmCache {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async get(key: string): Promise<CachedAnswer | null> {
    const row = await this.#db.kysely
      .selectFrom("llm_cache")
      .select(["response", "prompt_tokens", "completion_tokens"])
      .where("key", "=", key)
      .executeTakeFirst();
    return row
      ? {
          response: row.response,
          promptTokens: Number(row.prompt_tokens),
          completionTokens: Number(row.completion_tokens),
        }
      : null;
  }

  async set(key: string, model: string, answer: CachedAnswer): Promise<void> {
    const values = {
      model,
      response: answer.response,
      prompt_tokens: answer.promptTokens,
      completion_tokens: answer.completionTokens,
      created_at: new Date().toISOString(),
    };
    await this.#db.kysely
      .insertInto("llm_cache")
      .values({ key, ...values })
      .onConflict((conflict) => conflict.column("key").doUpdateSet(values))
      .execute();
  }
}
