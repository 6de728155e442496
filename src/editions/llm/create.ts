import type { Config } from "../../config/schema.ts";
import { DaybriefError } from "../../errors.ts";
import type { Logger } from "../../log.ts";
import { OfflineWriter } from "../offline/offline-writer.ts";
import { type LlmCache, MemoryLlmCache } from "./llm-cache.ts";
import { LlmWriter } from "./llm-writer.ts";

export type CreateLlmWriterOptions = { logger?: Logger; cache?: LlmCache };

/**
 * The LLM writer the configuration asks for (`llm.*`, DAYBRIEF_LLM_*), caching answers in the cache it is given
 * (the store's, from the caller; in memory without one) and drafting with an offline writer that uses the configured
 * prompt tips.
 *
 * @example
 * const writer = createLlmWriter(config, { cache: new LlmCacheRepo(db) });
 */
export function createLlmWriter(config: Readonly<Config>, options: CreateLlmWriterOptions = {}): LlmWriter {
  const { llm } = config;
  if (!llm.baseUrl || !llm.model) {
    throw new DaybriefError("E_CONFIG_INVALID", "llm.baseUrl and llm.model must both be set to use the LLM writer.");
  }
  return new LlmWriter({
    ...llm,
    baseUrl: llm.baseUrl,
    model: llm.model,
    offline: new OfflineWriter(config.promptTips ? { tipsPath: config.promptTips } : {}),
    cache: options.cache ?? new MemoryLlmCache(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
