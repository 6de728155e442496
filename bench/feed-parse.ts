import { parseFeed as feedsmithParse } from "feedsmith";
import RssParser from "rss-parser";
import { parseFeed } from "../src/ingest/feed/parse-feed.ts";
import { demoFeedDocs, type FeedDoc, gofeedDocs, largeFeed } from "./feed-inputs.ts";
import { ms, pct, ratio } from "./lib/format.ts";
import { type Contender, compare, pairedRatio, type Ratio, type Timing } from "./lib/measure.ts";
import type { BenchModule, BenchOptions, BenchResult, Check, JsonValue } from "./lib/types.ts";

type SetSpec = { id: string; name: string; docs: FeedDoc[]; budgetMs: number };
type SetResult = { rows: string[][]; checks: Check[]; notes: string[]; metrics: JsonValue };

const rssParser = new RssParser();
const labels: Record<string, string> = {
  daybrief: "Daybrief parseFeed",
  feedsmith: "feedsmith.parseFeed",
  "rss-parser": "rss-parser parseString",
};

function succeeds(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

/** Keeps what feedsmith parses (that defines an input), then drops what rss-parser cannot read (like for like). */
async function comparable(offered: FeedDoc[]) {
  const feedsmithOk = offered.filter((doc) => succeeds(() => feedsmithParse(doc.text)));
  const docs: FeedDoc[] = [];
  for (const doc of feedsmithOk) {
    const ok = await rssParser.parseString(doc.text).then(
      () => true,
      () => false,
    );
    if (ok) docs.push(doc);
  }
  return { docs, notFeedsmith: offered.length - feedsmithOk.length, notRssParser: feedsmithOk.length - docs.length };
}

function contenders(docs: FeedDoc[]): Contender[] {
  return [
    { name: "daybrief", pass: () => docs.forEach((d) => succeeds(() => parseFeed(d.text, { url: d.url }))) },
    { name: "feedsmith", pass: () => docs.forEach((d) => feedsmithParse(d.text)) },
    {
      name: "rss-parser",
      pass: async () => {
        for (const d of docs) await rssParser.parseString(d.text);
      },
    },
  ];
}

const withRange = (r: Ratio) => `${ratio(r.median)} (${r.low.toFixed(2)}–${r.high.toFixed(2)})`;
const timingJson = (t: Timing): JsonValue => ({ cpuMs: t.cpuMs, wallMs: t.wallMs, spread: t.spread, passes: t.passes });

async function measureSet(spec: SetSpec, options: BenchOptions): Promise<SetResult> {
  const { docs, notFeedsmith, notRssParser } = await comparable(spec.docs);
  const oursFailing = docs.filter((d) => !succeeds(() => parseFeed(d.text, { url: d.url }))).length;
  const timings = await compare(contenders(docs), {
    budgetMs: spec.budgetMs * (options.quick ? 0.12 : 1),
    minRounds: options.quick ? 3 : 7,
    warmupMs: options.quick ? 100 : 300,
  });
  const [ours, smith, rss] = timings as [Timing, Timing, Timing];
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
  const rows = timings.map((t) => [
    t === ours ? spec.name : "",
    t === ours ? `${docs.length}/${spec.docs.length}` : "",
    labels[t.name] ?? t.name,
    ms(t.cpuMs),
    ms(t.wallMs),
    ms((t.cpuMs * 1000) / Math.max(docs.length, 1)),
    (bytes / 1024 / 1024 / (t.cpuMs / 1000)).toFixed(1),
    t === smith ? "1.00×" : withRange(pairedRatio(t, smith)),
    t === rss ? "1.00×" : withRange(pairedRatio(t, rss)),
    `±${pct(t.spread / 2)}`,
  ]);
  const vsSmith = pairedRatio(ours, smith);
  const vsRss = pairedRatio(ours, rss);
  const checks: Check[] = [
    {
      id: `feed.${spec.id}.vs_feedsmith`,
      label: `${spec.name}: parseFeed ÷ feedsmith.parseFeed`,
      value: vsSmith.median,
      unit: "×",
      target: "≤ 1.30×",
      pass: vsSmith.median <= 1.3,
    },
    {
      id: `feed.${spec.id}.vs_rss_parser`,
      label: `${spec.name}: parseFeed ÷ rss-parser parseString`,
      value: vsRss.median,
      unit: "×",
      target: "< 1.00× (faster)",
      pass: vsRss.median < 1,
    },
  ];
  const notes: string[] = [];
  if (notFeedsmith || notRssParser) {
    notes.push(
      `${spec.name}: ${spec.docs.length} files offered; ${notFeedsmith} not parseable by feedsmith (so not inputs), ` +
        `${notRssParser} more excluded from all three contenders because rss-parser cannot parse them.`,
    );
  }
  if (oursFailing) notes.push(`${spec.name}: Daybrief parseFeed throws on ${oursFailing} compared files (timed as is).`);
  const metrics = {
    files: docs.length,
    offered: spec.docs.length,
    excludedNotFeedsmith: notFeedsmith,
    excludedNotRssParser: notRssParser,
    oursFailing,
    bytes,
    vsFeedsmith: vsSmith,
    vsRssParser: vsRss,
    daybrief: timingJson(ours),
    feedsmith: timingJson(smith),
    rssParser: timingJson(rss),
  };
  return { rows, checks, notes, metrics };
}

export const feedParseBench: BenchModule = {
  name: "feed",
  title: "Feed parsing: Daybrief parseFeed (parse + normalise + sanitise) vs feedsmith.parseFeed vs rss-parser",
  async run(options: BenchOptions): Promise<BenchResult> {
    const specs: SetSpec[] = [
      { id: "gofeed_parser", name: "gofeed parser/", docs: gofeedDocs("parser"), budgetMs: 1500 },
      { id: "gofeed_translator", name: "gofeed translator/", docs: gofeedDocs("translator"), budgetMs: 800 },
      { id: "demo", name: "demo feeds", docs: demoFeedDocs(), budgetMs: 1000 },
      { id: "large", name: "large RSS (2,000 items)", docs: [largeFeed(2000)], budgetMs: 2500 },
    ];
    const result: BenchResult = { name: this.name, title: this.title, tables: [], checks: [], notes: [], metrics: {} };
    const rows: string[][] = [];
    for (const spec of specs) {
      const set = await measureSet(spec, options);
      rows.push(...set.rows);
      result.checks.push(...set.checks);
      result.notes.push(...set.notes);
      result.metrics[spec.id] = set.metrics;
    }
    result.tables.push({
      title: "Feed parsing — median time of one pass over each file set (the same decoded strings for all three)",
      baseline: "feedsmith.parseFeed (raw parse only), same process, same inputs; rss-parser as the second reference",
      columns: ["file set", "files", "contender", "CPU ms/pass", "wall ms", "CPU µs/file", "MiB/s", "× feedsmith (IQR)", "× rss-parser (IQR)", "noise"],
      rows,
    });
    result.notes.push(
      "Ratios are CPU time (user+system of the process), taken round by round between interleaved contenders; " +
        "wall time is shown for reference and suffers when other processes share the cores.",
    );
    return result;
  },
};
