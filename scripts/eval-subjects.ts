/**
 * Scores story subjects on labelled corpus directories: `npx tsx scripts/eval-subjects.ts DIR [DIR…] [--verbose]`,
 * each DIR holding items.jsonl and events.jsonl (docs/stories.md). Prints the accuracy of the subject of each
 * story against the labelled subject of the event most of its items belong to, twice: through the path users run
 * (feed entries into a fresh SQLite store, the stories run once a day) and on the labelled events as stories
 * (subject choice apart from clustering's mistakes). A unit and its parent (AWS, Amazon) count as one company.
 */
import { joinCorpora, loadCorpus } from "../bench/corpus.ts";
import { describeEvents, missLines, percent, scoreSubjects } from "../bench/label-eval.ts";
import { clusterThroughStore } from "../bench/store-path.ts";
import { DaybriefError } from "../src/errors.ts";

async function main(): Promise<void> {
  const dirs = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (!dirs.length) throw new DaybriefError("E_USAGE", "usage: eval-subjects.ts DIR [DIR…] [--verbose]");
  const verbose = process.argv.includes("--verbose");
  const corpus = joinCorpora(dirs.map(loadCorpus));
  const stored = await clusterThroughStore(corpus.items, { daily: true });
  const throughStore = scoreSubjects(
    corpus,
    stored.map((s) => ({ itemIds: s.corpusIds, subject: s.subject ?? null })),
  );
  const onEvents = scoreSubjects(corpus, describeEvents(corpus));
  const out = [
    `${corpus.items.length} items, ${corpus.events.size} events`,
    `subject accuracy, store path (${stored.length} stories): ${percent(throughStore)}`,
    ...(verbose ? missLines(throughStore) : []),
    `subject accuracy, labelled events as stories: ${percent(onEvents)}`,
    ...(verbose ? missLines(onEvents) : []),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

if (process.argv[1]?.endsWith("eval-subjects.ts")) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
