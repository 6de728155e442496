import type { Config } from "../config/schema.ts";
import type { Writer } from "../editions/index.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../store/db.ts";

/**
 * The configured writer: the LLM writer when `llm.baseUrl` and `llm.model` are set, caching its answers in the
 * store's `llm_cache` table (the store's repository implements the writer's `LlmCache`); otherwise none, and the
 * issue builder writes offline. Both modules load only when a model is configured.
 *
 * @example
 * const writer = await configuredWriter(config, db);
 * await buildIssue(deps, { edition: "digest", date, ...(writer ? { writer } : {}) });
 */
export async function configuredWriter(config: Readonly<Config>, db: Db, logger?: Logger): Promise<Writer | undefined> {
  if (!config.llm.baseUrl || !config.llm.model) return undefined;
  const { createLlmWriter } = await import("../editions/index.ts");
  const { LlmCacheRepo } = await import("../store/llm-cache-repo.ts");
  return createLlmWriter(config, { cache: new LlmCacheRepo(db), ...(logger ? { logger } : {}) });
}
