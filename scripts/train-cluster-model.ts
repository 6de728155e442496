/**
 * Fits and scores the "same event" pair model (src/stories/similarity.ts) on labelled corpus directories (each
 * with items.jsonl and events.jsonl). Every figure it prints is on items the weights were not fitted on.
 *
 *   npx tsx scripts/train-cluster-model.ts --cv DIR…            5-fold CV grouped by event, threshold chosen inside
 *                                                              each training part (nested), errors by kind
 *   npx tsx scripts/train-cluster-model.ts --cross TRAIN TEST   fit on one set, score the other (add --store to run
 *                                                              the store path users run as well)
 *   npx tsx scripts/train-cluster-model.ts --fit DIR…           the weights fitted on all of them (the defaults)
 *
 * `--sweep` prints every candidate threshold too; `--errors` lists the wrong merges of the CV.
 */
import type { LabelledItem } from "../bench/cluster-eval.ts";
import {
  addCounts,
  countPairs,
  fitWeights,
  foldOf,
  formatScores,
  labelledPairs,
  noCounts,
  type PairCounts,
  scores,
} from "../bench/cluster-fit.ts";
import { type Corpus, joinCorpora, loadCorpus } from "../bench/corpus.ts";
import { clusterThroughStore } from "../bench/store-path.ts";
import { clusterItems } from "../src/stories/cluster-items.ts";
import type { Weights } from "../src/stories/similarity.ts";
import { extractEntities } from "../src/text/entities/extract-entities.ts";

const candidates = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97];
/**
 * Precision first: the threshold is the one with the best F1 among those whose inner-CV precision reaches this;
 * a wrong merge cites a wrong source, a missed one only leaves a story with fewer outlets.
 */
const precisionFloor = 0.93;
const folds = 5;

const cluster = (items: LabelledItem[], weights: Weights, threshold: number) =>
  clusterItems(items, { entities: extractEntities, weights, threshold }).map((s) => s.itemIds);

/** The threshold a training part picks for itself, by an inner CV on its own events. */
function chooseThreshold(items: LabelledItem[]): number {
  const totals = candidates.map(() => noCounts());
  const byId = new Map(items.map((i) => [i.id, i]));
  for (let fold = 0; fold < folds - 1; fold += 1) {
    const inner = (i: LabelledItem) => foldOf(`${i.event}#inner`, folds - 1) === fold;
    const weights = fitWeights(
      labelledPairs(
        items.filter((i) => !inner(i)),
        extractEntities,
      ),
    );
    candidates.forEach((t, c) => {
      const stories = cluster(items, weights, t);
      addCounts(
        totals[c] as PairCounts,
        countPairs(stories, byId, (id) => inner(byId.get(id) as LabelledItem)),
      );
    });
  }
  return pickThreshold(totals);
}

function pickThreshold(totals: PairCounts[]): number {
  let best = -1;
  totals.forEach((counts, c) => {
    const { p, f1 } = scores(counts);
    if (p >= precisionFloor && (best < 0 || f1 > scores(totals[best] as PairCounts).f1)) best = c;
  });
  if (best < 0)
    best = totals.reduce((b, counts, c) => (scores(counts).p > scores(totals[b] as PairCounts).p ? c : b), 0);
  return candidates[best] as number;
}

const formOf = (i: LabelledItem) => i.form ?? "unknown";
const slices: Array<[string, (a: LabelledItem, b: LabelledItem) => boolean]> = [
  ["summary–summary", (a, b) => formOf(a) === "summary" && formOf(b) === "summary"],
  ["article–article", (a, b) => formOf(a) === "article" && formOf(b) === "article"],
  ["summary–article", (a, b) => formOf(a) !== formOf(b)],
];

/** Wrong merges and misses of the scored items, by what the two items are. */
function errorKinds(stories: string[][], corpus: Corpus, scored: (id: string) => boolean, tally: Map<string, number>) {
  const byId = new Map(corpus.items.map((i) => [i.id, i]));
  const storyOf = new Map(stories.flatMap((ids, s) => ids.map((id) => [id, s] as const)));
  const items = corpus.items.filter((i) => scored(i.id));
  const add = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
  const gap = (a: LabelledItem, b: LabelledItem) => {
    const hours = Math.abs(Date.parse(a.published ?? "") - Date.parse(b.published ?? "")) / 3_600_000;
    return hours <= 24 ? "≤1 day apart" : hours <= 72 ? "1–3 days apart" : "> 3 days apart";
  };
  for (const ids of stories)
    for (let i = 0; i < ids.length; i += 1)
      for (let j = i + 1; j < ids.length; j += 1) {
        const a = byId.get(ids[i] as string) as LabelledItem;
        const b = byId.get(ids[j] as string) as LabelledItem;
        if (!(scored(a.id) || scored(b.id)) || a.event === b.event) continue;
        const ea = corpus.events.get(a.event);
        const eb = corpus.events.get(b.event);
        const linked = ea?.negativeOf === b.event || eb?.negativeOf === a.event;
        const sameSubject = !!ea?.subject && ea.subject.name === eb?.subject?.name;
        add(`wrong merge: ${linked ? "labelled hard negative" : sameSubject ? "same subject" : "different subjects"}`);
        add(`wrong merge: ${gap(a, b)}`);
      }
  for (let i = 0; i < items.length; i += 1)
    for (let j = i + 1; j < items.length; j += 1) {
      const a = items[i] as LabelledItem;
      const b = items[j] as LabelledItem;
      if (a.event !== b.event || storyOf.get(a.id) === storyOf.get(b.id)) continue;
      add(`missed: ${[formOf(a), formOf(b)].sort().join("–")}`);
      add(`missed: ${gap(a, b)}`);
      if ([a.kind, b.kind].some((k) => k === "podcast" || k === "forum" || k === "newsletter"))
        add("missed: a podcast, forum post or newsletter");
    }
}

function crossValidate(corpus: Corpus): void {
  const { items } = corpus;
  const byId = new Map(items.map((i) => [i.id, i]));
  const pooled = noCounts();
  const bySlice = slices.map(() => noCounts());
  const sweep = candidates.map(() => noCounts());
  const tally = new Map<string, number>();
  const chosen: number[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const inTest = (id: string) => foldOf((byId.get(id) as LabelledItem).event, folds) === fold;
    const training = items.filter((i) => !inTest(i.id));
    const weights = fitWeights(labelledPairs(training, extractEntities));
    const threshold = chooseThreshold(training);
    chosen.push(threshold);
    // Every item is clustered (the other folds' items stay in as the confusers real feeds have); the fold's are scored.
    const stories = cluster(items, weights, threshold);
    addCounts(pooled, countPairs(stories, byId, inTest));
    slices.forEach(([, kind], s) => {
      addCounts(bySlice[s] as PairCounts, countPairs(stories, byId, inTest, kind));
    });
    errorKinds(stories, corpus, inTest, tally);
    if (process.argv.includes("--sweep"))
      candidates.forEach((t, c) => {
        addCounts(sweep[c] as PairCounts, countPairs(cluster(items, weights, t), byId, inTest));
      });
  }
  const out = process.stdout;
  out.write(`cv k=${folds} (${items.length} items, thresholds chosen per fold: ${chosen.join(", ")})\n`);
  out.write(`  all pairs        ${formatScores(pooled)}\n`);
  slices.forEach(([name], s) => {
    out.write(`  ${name.padEnd(16)} ${formatScores(bySlice[s] as PairCounts)}\n`);
  });
  for (const [key, n] of [...tally].sort()) out.write(`  ${key}: ${n}\n`);
  if (process.argv.includes("--sweep"))
    candidates.forEach((t, c) => {
      out.write(`  sweep t=${t}: ${formatScores(sweep[c] as PairCounts)}\n`);
    });
}

async function crossSet(trainDir: string, testDir: string): Promise<void> {
  const train = loadCorpus(trainDir);
  const test = loadCorpus(testDir);
  const weights = fitWeights(labelledPairs(train.items, extractEntities));
  const threshold = chooseThreshold(train.items);
  const byId = new Map(test.items.map((i) => [i.id, i]));
  const stories = cluster(test.items, weights, threshold);
  const out = process.stdout;
  out.write(`fitted on ${trainDir}, threshold ${threshold} (chosen by CV there); scored on ${testDir}\n`);
  out.write(`  weights ${JSON.stringify(weights)}\n`);
  out.write(`  clusterItems     ${formatScores(countPairs(stories, byId, () => true))}\n`);
  for (const [name, kind] of slices)
    out.write(`  ${name.padEnd(16)} ${formatScores(countPairs(stories, byId, () => true, kind))}\n`);
  if (process.argv.includes("--store")) {
    const stored = await clusterThroughStore(test.items, { daily: true, model: { weights, threshold } });
    const counts = countPairs(
      stored.map((s) => s.corpusIds),
      byId,
      () => true,
    );
    out.write(`  store, daily     ${formatScores(counts)}\n`);
  }
}

const dirsAfter = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at < 0 ? null : process.argv.slice(at + 1).filter((a) => !a.startsWith("--"));
};

const cv = dirsAfter("--cv");
const cross = dirsAfter("--cross");
const fit = dirsAfter("--fit");
if (cv) crossValidate(joinCorpora(cv.map(loadCorpus)));
else if (cross && cross.length === 2) await crossSet(cross[0] as string, cross[1] as string);
else if (fit) {
  const corpus = joinCorpora(fit.map(loadCorpus));
  process.stdout.write(`weights ${JSON.stringify(fitWeights(labelledPairs(corpus.items, extractEntities)))}\n`);
  process.stdout.write(`threshold by CV ${chooseThreshold(corpus.items)}\n`);
} else {
  process.stderr.write("usage: train-cluster-model.ts --cv DIR… | --cross TRAIN TEST [--store] | --fit DIR…\n");
  process.exit(2);
}
