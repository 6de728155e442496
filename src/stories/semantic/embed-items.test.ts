import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmbeddingsStandin,
  standinVector,
  startEmbeddingsStandin,
} from "../../../bench/lib/embeddings-standin.ts";
import { DaybriefError } from "../../errors.ts";
import { embeddingText, embedItems, MemoryEmbeddingCache } from "./embed-items.ts";
import { EmbeddingsClient } from "./embeddings-client.ts";

const items = Array.from({ length: 7 }, (_, i) => ({
  id: `i${i}`,
  title: `Item ${i} about chips`,
  text: `Body of item ${i}, which says what happened to the company on day ${i}.`,
}));

describe("embedItems", () => {
  let standin: EmbeddingsStandin;
  beforeAll(async () => {
    standin = await startEmbeddingsStandin({ dimensions: 64 });
  });
  afterAll(() => standin.close());
  const client = () => new EmbeddingsClient({ url: standin.baseUrl, model: "m", apiKey: null, timeoutMs: 20_000 });

  it("fetches in batches, in order and normalised, then answers a re-run from the cache", async () => {
    standin.failWith = null;
    const cache = new MemoryEmbeddingCache();
    const before = standin.requests;
    const first = await embedItems(items, { embedder: client(), cache, batchSize: 3 });
    expect(standin.requests - before).toBe(3);
    expect(first.report).toMatchObject({ embedded: 7, cached: 0, missing: 0, warning: null });
    const vector = first.vectors.get("i4") as Float32Array;
    expect(Array.from(vector)).toEqual(
      Array.from(standinVector(embeddingText(items[4] as (typeof items)[number]), 64)),
    );
    expect(vector.reduce((n, v) => n + v * v, 0)).toBeCloseTo(1, 5);
    const again = await embedItems(items, { embedder: client(), cache, batchSize: 3 });
    expect(standin.requests - before).toBe(3);
    expect(again.report).toMatchObject({ embedded: 7, cached: 7, missing: 0 });
  });

  it("sends no empty text: an item with neither title nor text is left to the lexical model", async () => {
    standin.failWith = null;
    const before = standin.texts;
    const { vectors, report } = await embedItems([...items.slice(0, 2), { id: "empty", title: "", text: "  " }], {
      embedder: client(),
      cache: new MemoryEmbeddingCache(),
      batchSize: 10,
    });
    expect(standin.texts - before).toBe(2);
    expect(vectors.has("empty")).toBe(false);
    expect(report).toMatchObject({ embedded: 2, missing: 1, warning: null });
  });

  it("asks again when the model changes", async () => {
    standin.failWith = null;
    const cache = new MemoryEmbeddingCache();
    await embedItems(items, { embedder: client(), cache, batchSize: 10 });
    const other = new EmbeddingsClient({ url: standin.baseUrl, model: "other", apiKey: null, timeoutMs: 20_000 });
    const second = await embedItems(items, { embedder: other, cache, batchSize: 10 });
    expect(second.report.cached).toBe(0);
    expect(cache.size).toBe(14);
  });

  it("turns a failing endpoint into a warning, keeping what it had, and stops asking", async () => {
    const cache = new MemoryEmbeddingCache();
    standin.failWith = null;
    await embedItems(items.slice(0, 2), { embedder: client(), cache, batchSize: 2 });
    standin.failWith = 503;
    const before = standin.requests;
    const { vectors, report } = await embedItems(items, { embedder: client(), cache, batchSize: 2 });
    standin.failWith = null;
    expect(standin.requests - before).toBe(2); // one retry of a 503, then no more batches
    expect([...vectors.keys()]).toEqual(["i0", "i1"]);
    expect(report.missing).toBe(5);
    expect(report.warning).toBeInstanceOf(DaybriefError);
    expect(report.warning?.code).toBe("E_EMBEDDINGS_REQUEST");
    expect(report.warning?.message).toContain("503");
  });

  it("reports an unreachable endpoint and a wrong answer as E_EMBEDDINGS_REQUEST", async () => {
    const down = new EmbeddingsClient({ url: "http://127.0.0.1:9/v1", model: "m", apiKey: null, timeoutMs: 5000 });
    await expect(down.embed(["x"])).rejects.toMatchObject({ code: "E_EMBEDDINGS_REQUEST" });
    // A server that answers 200 with the wrong shape, then with too few vectors.
    const bodies = ['{"object":"list"}', '{"data":[]}'];
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(bodies.shift() ?? "{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const odd = new EmbeddingsClient({ url, model: "m", apiKey: null, timeoutMs: 5000 });
    try {
      await expect(odd.embed(["x"])).rejects.toThrow(/embeddings format/);
      await expect(odd.embed(["x"])).rejects.toThrow(/0 vectors for 1 texts/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
