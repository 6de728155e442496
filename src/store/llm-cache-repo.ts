import type { Db } from "./db.ts";

/** A model's accepted answer as the cache keeps it, with what it cost when it was first asked. */
export type StoredAnswer = { response: string; promptTokens: number; completionTokens: number };

/**
 * The store's `llm_cache` table (SQLite or PostgreSQL alike): the LLM writer's answer cache, so a rebuild with the
 * same prompt does not pay twice. It has the shape of the writer's `LlmCache` interface, which the pipeline hands
 * it as.
 *
 * @example
 * const writer = createLlmWriter(config, { cache: new LlmCacheRepo(db) });
 */
export class LlmCacheRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async get(key: string): Promise<StoredAnswer | null> {
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

  async set(key: string, model: string, answer: StoredAnswer): Promise<void> {
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
