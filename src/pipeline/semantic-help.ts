import type { Config } from "../config/schema.ts";
import { ChatClient } from "../editions/llm/chat-client.ts";
import { DaybriefError } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../store/db.ts";
import { EmbeddingsRepo } from "../store/embeddings-repo.ts";
import { LlmCacheRepo } from "../store/llm-cache-repo.ts";
import {
  assignStories,
  assignStoriesJudged,
  type ClusterInput,
  type Clustering,
  type ClusterOptions,
  type EmbeddingCache,
  EmbeddingsClient,
  type EmbedReport,
  embedItems,
  type JudgeCache,
  type JudgeReport,
  MemoryEmbeddingCache,
  PairJudge,
} from "../stories/index.ts";
import { plural } from "../text/plural.ts";

/** What a clustering run got from the semantic help: null where that help is not configured. */
export type SemanticReport = { embeddings: EmbedReport | null; judge: JudgeReport | null; warnings: DaybriefError[] };

export type SemanticCaches = { embeddings: EmbeddingCache; judge: JudgeCache };

/** The store's caches (vectors in `embeddings`, verdicts in `llm_cache`), or caches in memory without a store. */
export function semanticCaches(db?: Db): SemanticCaches {
  if (db) return { embeddings: new EmbeddingsRepo(db), judge: new LlmCacheRepo(db) };
  const answers = new Map<string, { response: string; promptTokens: number; completionTokens: number }>();
  return {
    embeddings: new MemoryEmbeddingCache(),
    judge: {
      get: async (key) => answers.get(key) ?? null,
      set: async (key, _model, answer) => {
        answers.set(key, answer);
      },
    },
  };
}

/** What a run's semantic help says a person should know: its failures, and the judge's cap reached. */
export function semanticNotices(semantic: SemanticReport): string[] {
  const notices = semantic.warnings.map((w) => `warning ${w.code}: ${w.message}. ${w.hint}`);
  const judge = semantic.judge;
  if (judge?.capReached)
    notices.push(
      `The judge's cap was reached after ${plural(judge.asked, "question")}: the pair model decided the other ${plural(judge.overCap, "uncertain pair")} (raise judge.maxPairs or judge.maxCostUsd to ask more).`,
    );
  return notices;
}

/** The tokens a verdict needs: `{"same": false}` and a little room. */
const judgeMaxTokens = 20;

/**
 * Clusters items with the semantic help the configuration provides, off by default: with `embeddings.url` and
 * `embeddings.model`, embedding similarity of title and lead joins the pair model (vectors cached, so a re-run
 * costs nothing); with `judge.enabled` and an LLM in `llm.*`, pairs in the uncertain band go to the model under the
 * per-run cap. Without either, or when they fail, this is `assignStories` — the lexical model — and the failures
 * are warnings in the report, never a lost run. `embedFor` are the items whose vectors are fetched: the clustered
 * ones and their context (the context sets the background embedding similarity is measured against).
 */
export async function assignWithSemanticHelp(
  items: ClusterInput[],
  options: ClusterOptions & { embedFor?: ClusterInput[] },
  config: Readonly<Config>,
  caches: SemanticCaches,
  log: Logger,
): Promise<Clustering & { semantic: SemanticReport }> {
  const { embedFor, ...clusterOptions } = options;
  const semantic: SemanticReport = { embeddings: null, judge: null, warnings: [] };
  const { embeddings, judge: judgeConfig, llm } = config;
  // Nothing to judge when every item is placed already: no vectors fetched, no question asked.
  const placed = clusterOptions.placed;
  if (placed && items.every((item) => placed.has(item.id))) {
    return { ...assignStories(items, clusterOptions), semantic };
  }
  if (embeddings.url && embeddings.model) {
    const embedder = new EmbeddingsClient({
      url: embeddings.url,
      model: embeddings.model,
      apiKey: embeddings.apiKey,
      timeoutMs: embeddings.timeoutMs,
    });
    const { vectors, report } = await embedItems(embedFor ?? items, {
      embedder,
      cache: caches.embeddings,
      batchSize: embeddings.batchSize,
    });
    semantic.embeddings = report;
    if (report.warning) semantic.warnings.push(report.warning);
    if (vectors.size) clusterOptions.embeddings = vectors;
  } else if (embeddings.url || embeddings.model)
    semantic.warnings.push(
      new DaybriefError("E_CONFIG_INVALID", "embeddings.url and embeddings.model must both be set to use embeddings."),
    );
  let result: Clustering;
  if (judgeConfig.enabled && llm.baseUrl && llm.model) {
    const judge = new PairJudge({
      model: new ChatClient({
        baseUrl: llm.baseUrl,
        model: llm.model,
        apiKey: llm.apiKey,
        timeoutMs: llm.timeoutMs,
        maxTokens: judgeMaxTokens,
        temperature: 0,
      }),
      cache: caches.judge,
      maxPairs: judgeConfig.maxPairs,
      maxCostUsd: judgeConfig.maxCostUsd,
      prices: llm,
    });
    const band = { low: judgeConfig.low, high: judgeConfig.high };
    const judged = await assignStoriesJudged(items, clusterOptions, judge, band);
    semantic.judge = judged.judge;
    if (judged.judge.warning) semantic.warnings.push(judged.judge.warning);
    result = judged;
  } else {
    if (judgeConfig.enabled)
      semantic.warnings.push(
        new DaybriefError(
          "E_CONFIG_INVALID",
          "judge.enabled needs llm.baseUrl and llm.model: clustering ran without the judge.",
        ),
      );
    result = assignStories(items, clusterOptions);
  }
  logSemantic(log, semantic);
  return { ...result, semantic };
}

function logSemantic(log: Logger, semantic: SemanticReport): void {
  for (const warning of semantic.warnings)
    log.warn({ code: warning.code, hint: warning.hint }, `clustering help: ${warning.message}`);
  const { embeddings: e, judge: j } = semantic;
  if (e) log.info({ embedded: e.embedded, embeddings_cached: e.cached, embeddings_missing: e.missing }, "embeddings");
  if (j) {
    const fields = {
      judge_asked: j.asked,
      judge_cached: j.cached,
      judge_over_cap: j.overCap,
      judge_cost_usd: j.costUsd,
    };
    if (j.capReached) log.warn(fields, "the judge's cap was reached: the pair model decided the remaining pairs");
    else log.info(fields, "judge");
  }
}
