/**
 * Scores story topics on labelled corpus directories: `npx tsx scripts/eval-topics.ts DIR [DIR…] [--verbose]`,
 * each DIR holding items.jsonl and events.jsonl (docs/stories.md). Prints the accuracy of each story's topic
 * against the labelled topic of the event most of its items belong to, through the path users run (a fresh SQLite
 * store, the stories run once a day) and on the labelled events as stories (topic rules apart from clustering's
 * mistakes), with the confusion of the latter. The built-in taxonomy's ids are the labels' ids (money, models,
 * policy, compute, software, people, agents, research); `--map ours=theirs,…` maps another taxonomy's ids.
 */
import { joinCorpora, loadCorpus } from "../bench/corpus.ts";
import { describeEvents, type LabelScore, missLines, percent, scoreTopics } from "../bench/label-eval.ts";
import { clusterThroughStore } from "../bench/store-path.ts";
import { DaybriefError } from "../src/errors.ts";

function mappingOf(argv: string[]): Record<string, string> {
  const at = argv.indexOf("--map");
  const spec = at >= 0 ? (argv[at + 1] ?? "") : "";
  return Object.fromEntries(
    spec
      .split(",")
      .map((pair) => pair.split("=").map((s) => s.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && Boolean(pair[0]) && Boolean(pair[1])),
  );
}

/** Rows: the label; columns: the topic given. */
function confusionLines(score: LabelScore, right: Map<string, number>): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const [label, n] of right) counts.set(label, new Map([[label, n]]));
  for (const miss of score.misses) {
    const row = counts.get(miss.expected) ?? new Map<string, number>();
    row.set(miss.got, (row.get(miss.got) ?? 0) + 1);
    counts.set(miss.expected, row);
  }
  const columns = [...new Set([...counts.values()].flatMap((row) => [...row.keys()]))].sort();
  const lines = [`  ${"label \\ given".padEnd(12)}${columns.map((c) => c.slice(0, 9).padStart(10)).join("")}`];
  for (const [label, row] of [...counts].sort((a, b) => a[0].localeCompare(b[0])))
    lines.push(`  ${label.padEnd(12)}${columns.map((c) => String(row.get(c) ?? 0).padStart(10)).join("")}`);
  return lines;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mapAt = argv.indexOf("--map");
  const dirs = argv.filter((a, i) => !a.startsWith("--") && (mapAt < 0 || i !== mapAt + 1));
  if (!dirs.length)
    throw new DaybriefError("E_USAGE", "usage: eval-topics.ts DIR [DIR…] [--verbose] [--map ours=theirs,…]");
  const verbose = argv.includes("--verbose");
  const mapping = mappingOf(argv);
  const corpus = joinCorpora(dirs.map(loadCorpus));
  const stored = await clusterThroughStore(corpus.items, { daily: true });
  const throughStore = scoreTopics(
    corpus,
    stored.map((s) => ({ itemIds: s.corpusIds, topic: s.topic })),
    mapping,
  );
  const events = describeEvents(corpus);
  const onEvents = scoreTopics(corpus, events, mapping);
  const right = new Map<string, number>();
  for (const story of events) {
    const label = corpus.events.get(corpus.items.find((i) => i.id === story.itemIds[0])?.event ?? "")?.topic;
    const got = story.topic ? (mapping[story.topic] ?? story.topic) : "null";
    if (label && got === label) right.set(label, (right.get(label) ?? 0) + 1);
  }
  const out = [
    `${corpus.items.length} items, ${corpus.events.size} events`,
    `topic accuracy, store path (${stored.length} stories): ${percent(throughStore)}`,
    `topic accuracy, labelled events as stories: ${percent(onEvents)}`,
    ...confusionLines(onEvents, right),
    ...(verbose ? missLines(onEvents) : []),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

if (process.argv[1]?.endsWith("eval-topics.ts")) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
