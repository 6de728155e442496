import { createHash } from "node:crypto";
import { DaybriefError } from "../../errors.ts";
import { leadWords } from "../../text/tokens.ts";
import type { ClusterInput } from "../features.ts";

/** Where vectors are kept between runs, by text key: the store implements it (store/embeddings-repo.ts). */
export interface EmbeddingCache {
  getMany(keys: string[]): Promise<Map<string, Float32Array>>;
  setMany(model: string, entries: Array<{ key: string; vector: Float32Array }>): Promise<void>;
}

/** What embeds texts: `EmbeddingsClient`, or anything speaking its shape. */
export interface Embedder {
  readonly model: string;
  embed(texts: string[]): Promise<Float32Array[]>;
}

export type EmbedItemsOptions = {
  embedder: Embedder;
  cache: EmbeddingCache;
  /** Texts per request. */
  batchSize: number;
};

export type EmbedReport = {
  /** Items that have a vector, and of them how many came from the cache. */
  embedded: number;
  cached: number;
  /** Items left without one: a request failed, or the item had no text to embed. */
  missing: number;
  /** The first failure, when a request failed: the run went on lexically for the rest. */
  warning: DaybriefError | null;
};

/** Words of an item's text embedded after its title: its lead, where the who and what are. */
const embeddedLeadWords = 60;

/** What is embedded for an item: its title and the start of its text. */
export function embeddingText(item: Pick<ClusterInput, "title" | "text">): string {
  return `${item.title ?? ""}\n${leadWords(item.text ?? "", embeddedLeadWords)}`.trim();
}

/** The cache key of a text under a model: a change of model or of text is a new vector. */
export function embeddingKey(model: string, text: string): string {
  return createHash("sha256").update(`${model}\u0000${text}`).digest("hex");
}

/**
 * Unit vectors for items, by item id: from the cache where the same model embedded the same text before, else
 * from the embedder in batches, then cached — so a run over items seen before sends nothing. A failed request
 * stops the fetching (a down endpoint would fail every batch, each after its timeout): the items without vectors
 * are clustered lexically, and the report carries the failure as a warning. Never throws for the endpoint.
 *
 * @example
 * const { vectors, report } = await embedItems(items, { embedder, cache, batchSize: 64 });
 */
export async function embedItems(
  items: Array<Pick<ClusterInput, "id" | "title" | "text">>,
  options: EmbedItemsOptions,
): Promise<{ vectors: Map<string, Float32Array>; report: EmbedReport }> {
  const { embedder, cache } = options;
  const keyOf = new Map<string, string>();
  const textOf = new Map<string, string>();
  for (const item of items) {
    const text = embeddingText(item);
    // Nothing to embed (endpoints refuse empty input): the item is scored lexically.
    if (!text) continue;
    const key = embeddingKey(embedder.model, text);
    keyOf.set(item.id, key);
    textOf.set(key, text);
  }
  const known = await cache.getMany([...textOf.keys()]);
  const cachedKeys = new Set(known.keys());
  const wanted = [...textOf.keys()].filter((key) => !known.has(key));
  let warning: DaybriefError | null = null;
  const batch = Math.max(1, options.batchSize);
  for (let from = 0; from < wanted.length && !warning; from += batch) {
    const keys = wanted.slice(from, from + batch);
    try {
      const texts = keys.map((key) => textOf.get(key) as string);
      const vectors = await embedder.embed(texts).catch((error: unknown) => {
        // One more attempt after a failure worth retrying (a dropped connection, 429, 5xx).
        if ((error as { details?: { retryable?: boolean } }).details?.retryable !== true) throw error;
        return embedder.embed(texts);
      });
      const entries = keys.map((key, i) => ({ key, vector: vectors[i] as Float32Array }));
      await cache.setMany(embedder.model, entries);
      for (const entry of entries) known.set(entry.key, entry.vector);
    } catch (error) {
      warning =
        error instanceof DaybriefError
          ? error
          : new DaybriefError("E_EMBEDDINGS_REQUEST", (error as Error).message, { cause: error });
    }
  }
  const vectors = new Map<string, Float32Array>();
  let cached = 0;
  for (const [id, key] of keyOf) {
    const vector = known.get(key);
    if (!vector) continue;
    vectors.set(id, vector);
    if (cachedKeys.has(key)) cached += 1;
  }
  return { vectors, report: { embedded: vectors.size, cached, missing: items.length - vectors.size, warning } };
}

/** A cache in memory, for one process (`stories cluster --jsonl`, tests). */
export class MemoryEmbeddingCache implements EmbeddingCache {
  readonly #entries = new Map<string, Float32Array>();

  async getMany(keys: string[]): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    for (const key of keys) {
      const vector = this.#entries.get(key);
      if (vector) out.set(key, vector);
    }
    return out;
  }

  async setMany(_model: string, entries: Array<{ key: string; vector: Float32Array }>): Promise<void> {
    for (const { key, vector } of entries) this.#entries.set(key, vector);
  }

  get size(): number {
    return this.#entries.size;
  }
}
