/**
 * Measures the semantic help for clustering on labelled corpora with the stand-in servers (bench/lib/*-standin.ts):
 * cross-validated pairwise precision, recall and F1 of the lexical model, with the LLM judge, with embeddings, and
 * with both, weights fitted on the training folds only.
 *
 *   npx tsx scripts/eval-semantic.ts DIR [DIR…] [--k 5] [--band 0.5,0.95] [--max-pairs 100] [--fit]
 *     [--embeddings-url URL --embeddings-model M] [--judge-url URL --judge-model M]
 *
 * `--fit` also prints the semantic weights fitted on every pair of the corpora (what semanticWeights holds).
 * `--embeddings-url` and `--judge-url` measure real OpenAI-compatible endpoints instead of the stand-ins (the key,
 * if one is needed, from DAYBRIEF_BENCH_API_KEY).
 */
import { parseArgs } from "node:util";
import { joinCorpora, loadCorpus } from "../bench/corpus.ts";
import { startEmbeddingsStandin } from "../bench/lib/embeddings-standin.ts";
import { startJudgeStandin } from "../bench/lib/judge-standin.ts";
import { fitBoth, labelledPairs, semanticCrossValidation } from "../bench/lib/semantic-cv.ts";
import { embedItems, MemoryEmbeddingCache } from "../src/stories/semantic/embed-items.ts";
import { EmbeddingsClient } from "../src/stories/semantic/embeddings-client.ts";
import { extractEntities } from "../src/text/entities/extract-entities.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    k: { type: "string", default: "5" },
    band: { type: "string", default: "0.5,0.95" },
    "max-pairs": { type: "string", default: "100" },
    "embeddings-url": { type: "string" },
    "embeddings-model": { type: "string" },
    "judge-url": { type: "string" },
    "judge-model": { type: "string" },
    threshold: { type: "string" },
    fit: { type: "boolean", default: false },
  },
});
const corpus = joinCorpora(positionals.map(loadCorpus));
const [low, high] = (values.band ?? "").split(",").map(Number) as [number, number];
const embeddings = await startEmbeddingsStandin();
const judge = await startJudgeStandin();
try {
  const result = await semanticCrossValidation(corpus.items, {
    embeddingsUrl: values["embeddings-url"] ?? embeddings.baseUrl,
    judgeUrl: values["judge-url"] ?? judge.baseUrl,
    ...(values["embeddings-model"] ? { embeddingsModel: values["embeddings-model"] } : {}),
    ...(values["judge-model"] ? { judgeModel: values["judge-model"] } : {}),
    apiKey: process.env.DAYBRIEF_BENCH_API_KEY ?? null,
    k: Number(values.k),
    band: { low, high },
    maxPairs: Number(values["max-pairs"]),
    ...(values.threshold ? { threshold: Number(values.threshold) } : {}),
  });
  process.stdout.write(
    `${result.items} items, k=${values.k}, band [${low}, ${high}), judge cap ${values["max-pairs"]} pairs a run; embedding ${result.items} items took ${result.embedMs.toFixed(0)} ms; fold embedding weights ${result.embeddingWeights.join(" ")}\n`,
  );
  for (const s of result.scores)
    process.stdout.write(
      `${s.variant.padEnd(17)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  cluster ${s.clusterMs.toFixed(0)} ms  judge asked ${s.judgeAsked} over cap ${s.judgeOverCap}\n`,
    );
  if (values.fit) {
    const embedder = new EmbeddingsClient({
      url: values["embeddings-url"] ?? embeddings.baseUrl,
      model: values["embeddings-model"] ?? "standin",
      apiKey: process.env.DAYBRIEF_BENCH_API_KEY ?? null,
      timeoutMs: 60_000,
    });
    const { vectors } = await embedItems(corpus.items, { embedder, cache: new MemoryEmbeddingCache(), batchSize: 64 });
    const weights = fitBoth(labelledPairs(corpus.items, vectors, extractEntities));
    process.stdout.write(`fitted on all: ${JSON.stringify(weights)}\n`);
  }
} finally {
  await embeddings.close();
  await judge.close();
}
