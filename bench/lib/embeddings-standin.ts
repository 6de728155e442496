import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { contentWords, hash32 } from "./standin-text.ts";

/**
 * A stand-in for an OpenAI-compatible embeddings endpoint (POST /v1/embeddings), for tests and evaluation: a real
 * HTTP server on loopback whose vectors are computed from the text alone by feature hashing — stemmed content
 * words, word pairs and character 4-grams of words, projected with signed hashes into `dimensions` numbers and
 * L2-normalised. It is NOT a semantic model: it knows no synonyms or paraphrases, only shared word stems and
 * spellings. What clustering gains with it is therefore a lower bound of what a real embedding model gives.
 */
export type EmbeddingsStandin = {
  /** The base URL to configure (…/v1). */
  baseUrl: string;
  /** Requests received, and texts embedded over all of them. */
  requests: number;
  texts: number;
  /** Answer every request with this HTTP status instead (null: answer normally). */
  failWith: number | null;
  close(): Promise<void>;
};

export type StandinOptions = { dimensions?: number };

/** The stand-in's vector of one text (what the server answers; exported for differential checks). */
export function standinVector(text: string, dimensions = 512): Float32Array {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  // The first line is the title: it says what the item is about, so it counts twice.
  const [title = "", ...rest] = text.split("\n");
  for (const [part, weight] of [
    [title, 2],
    [rest.join(" "), 1],
  ] as const) {
    const tokens = contentWords(part);
    tokens.forEach((word, i) => {
      // Longer words are rarer: a crude stand-in for the rarity weighting a model learns.
      const rarity = Math.min(1.5, 0.4 + word.length / 8);
      add(`w:${word}`, weight * rarity);
      const next = tokens[i + 1];
      if (next) add(`b:${word} ${next}`, weight * 0.7);
      if (word.length >= 5) {
        const padded = `^${word}$`;
        const grams = padded.length - 3;
        for (let k = 0; k < grams; k += 1) add(`c:${padded.slice(k, k + 4)}`, (weight * rarity * 0.8) / grams);
      }
    });
  }
  const vector = new Float32Array(dimensions);
  for (const [feature, total] of features) {
    const h = hash32(feature);
    const sign = hash32(feature, 0x9747b28c) & 1 ? 1 : -1;
    vector[h % dimensions] = (vector[h % dimensions] as number) + sign * (1 + Math.log(total));
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dimensions; i += 1) vector[i] = (vector[i] as number) / norm;
  return vector;
}

export async function startEmbeddingsStandin(options: StandinOptions = {}): Promise<EmbeddingsStandin> {
  const dimensions = options.dimensions ?? 512;
  const state: EmbeddingsStandin = {
    baseUrl: "",
    requests: 0,
    texts: 0,
    failWith: null,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    handle(req, res, state, dimensions).catch(() => reply(res, 500, { error: { message: "stand-in failed" } }));
  });
  // Longer than any pause between a run's requests: an idle connection closed under a client reusing it resets.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

async function handle(req: IncomingMessage, res: ServerResponse, state: EmbeddingsStandin, dimensions: number) {
  let body = "";
  for await (const chunk of req) body += chunk;
  if (req.method !== "POST" || !req.url?.endsWith("/embeddings"))
    return reply(res, 404, { error: { message: "not found" } });
  state.requests += 1;
  if (state.failWith !== null) return reply(res, state.failWith, { error: { message: "stand-in told to fail" } });
  const parsed = JSON.parse(body) as { model?: string; input?: string | string[] };
  const inputs = typeof parsed.input === "string" ? [parsed.input] : (parsed.input ?? []);
  if (!parsed.model || !inputs.length) return reply(res, 400, { error: { message: "model and input are required" } });
  state.texts += inputs.length;
  const tokens = inputs.reduce((n, text) => n + Math.ceil(text.length / 4), 0);
  reply(res, 200, {
    object: "list",
    model: parsed.model,
    data: inputs.map((text, index) => ({
      object: "embedding",
      index,
      embedding: Array.from(standinVector(text, dimensions)),
    })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
