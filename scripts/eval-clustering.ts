/**
 * Scores story clustering on a labelled corpus directory: `npx tsx scripts/eval-clustering.ts DIR [DIR…]`, each
 * DIR holding items.jsonl and events.jsonl (formats in docs/stories.md). The items go through the path users run —
 * feed entries upserted into a fresh SQLite store, then the stories run once per day — and the script prints
 * pairwise precision, recall and F1, subject accuracy and topic accuracy (per story, against the event most of its
 * items belong to). `--once` runs the stories once after all items are in; `--standalone` scores
 * `stories cluster --jsonl`'s path too; `--embeddings` and `--judge` run the store path again with the semantic help
 * through the stand-in servers (bench/lib/*-standin.ts; shipped weights, so not a cross-validated figure — see
 * scripts/eval-semantic.ts for that).
 */
import { pairwiseScore } from "../bench/cluster-eval.ts";
import { type Corpus, joinCorpora, loadCorpus, subjectMatches } from "../bench/corpus.ts";
import { clusterThroughStore } from "../bench/store-path.ts";
import { DaybriefError } from "../src/errors.ts";
import { clusterStandalone } from "../src/pipeline/build-stories.ts";
import { findCompany } from "../src/text/entities/companies.ts";

type Scored = { itemIds: string[]; subject?: { name: string; ticker?: string } | null; topic?: string | null };

/** Same company in the company table: a unit and its parent (AWS and Amazon) are one. */
export function sameCompany(a: string, b: string): boolean {
  const x = findCompany(a);
  const y = findCompany(b);
  if (!x || !y) return false;
  const root = (c: NonNullable<typeof x>) => findCompany(c.parent ?? c.name)?.name ?? c.name;
  return x.name === y.name || root(x) === root(y);
}

export function report(label: string, corpus: Corpus, stories: Scored[]): string {
  const score = pairwiseScore(
    corpus.items,
    stories.map((s) => s.itemIds),
  );
  const eventOf = new Map(corpus.items.map((i) => [i.id, i.event]));
  let subjects = 0;
  let subjectsRight = 0;
  let topics = 0;
  let topicsRight = 0;
  const wrong: string[] = [];
  for (const story of stories) {
    const counts = new Map<string, number>();
    for (const id of story.itemIds) {
      const event = eventOf.get(id);
      if (event) counts.set(event, (counts.get(event) ?? 0) + 1);
    }
    const majority = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const event = majority ? corpus.events.get(majority) : undefined;
    if (!event) continue;
    if (event.subject) {
      subjects += 1;
      if (subjectMatches(story.subject, event.subject, sameCompany)) subjectsRight += 1;
      else
        wrong.push(`  subject ${JSON.stringify(story.subject?.name ?? null)} for ${event.subject.name} (${majority})`);
    }
    if (event.topic) {
      topics += 1;
      if (story.topic === event.topic) topicsRight += 1;
    }
  }
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : "n/a");
  return [
    `${label}: ${corpus.items.length} items, ${corpus.events.size} events, ${stories.length} stories`,
    `  pairwise P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}`,
    `  subject accuracy ${pct(subjectsRight, subjects)}`,
    `  topic accuracy ${pct(topicsRight, topics)}`,
    ...(process.argv.includes("--verbose") ? wrong : []),
  ].join("\n");
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (!dirs.length)
    throw new DaybriefError("E_USAGE", "usage: eval-clustering.ts DIR [DIR…] [--once] [--standalone] [--verbose]");
  const corpus = joinCorpora(dirs.map(loadCorpus));
  const daily = !process.argv.includes("--once");
  const stored = await clusterThroughStore(corpus.items, { daily });
  process.stdout.write(
    `${report(
      `store path (${daily ? "a run a day" : "one run"})`,
      corpus,
      stored.map((s) => ({ itemIds: s.corpusIds, subject: s.subject ?? null, topic: s.topic })),
    )}\n`,
  );
  if (process.argv.includes("--embeddings") || process.argv.includes("--judge")) {
    const { startEmbeddingsStandin } = await import("../bench/lib/embeddings-standin.ts");
    const { startJudgeStandin } = await import("../bench/lib/judge-standin.ts");
    const embeddings = await startEmbeddingsStandin();
    const judge = await startJudgeStandin();
    try {
      const config = {
        ...(process.argv.includes("--embeddings") ? { embeddings: { url: embeddings.baseUrl, model: "standin" } } : {}),
        ...(process.argv.includes("--judge")
          ? { judge: { enabled: true }, llm: { baseUrl: judge.baseUrl, model: "standin-judge" } }
          : {}),
      };
      const helped = await clusterThroughStore(corpus.items, { daily, config });
      const label = Object.keys(config)
        .filter((k) => k !== "llm")
        .join(" + ");
      process.stdout.write(
        `${report(
          `store path with ${label} (stand-ins)`,
          corpus,
          helped.map((s) => ({ itemIds: s.corpusIds, subject: s.subject ?? null, topic: s.topic })),
        )}\n`,
      );
    } finally {
      await embeddings.close();
      await judge.close();
    }
  }
  if (process.argv.includes("--standalone"))
    process.stdout.write(`${report("stories cluster --jsonl", corpus, clusterStandalone(corpus.items))}\n`);
}

if (process.argv[1]?.endsWith("eval-clustering.ts")) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
