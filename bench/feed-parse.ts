import { type Comparable, comparable, contenderLabels, contenders } from "./feed-contenders.ts";
import { demoFeedDocs, type FeedDoc, gofeedDocs, largeFeed } from "./feed-inputs.ts";
import { ms, pct, ratio } from "./lib/format.ts";
import { compare, pairedRatio, type Ratio, type Timing } from "./lib/measure.ts";
import type { BenchModule, BenchOptions, BenchResult, Check, JsonValue } from "./lib/types.ts";

type SetSpec = {
  id: string;
  name: string;
  docs: FeedDoc[];
  budgetMs: number;
  /** Our own feeds: Daybrief must read every one of them (a check), not merely most. */
  mustParseAll: boolean;
};
type SetResult = { rows: string[][]; checks: Check[]; notes: string[]; metrics: JsonValue };

const withRange = (r: Ratio) => `${ratio(r.median)} (${r.low.toFixed(2)}–${r.high.toFixed(2)})`;
const timingJson = (t: Timing): JsonValue => ({ cpuMs: t.cpuMs, wallMs: t.wallMs, spread: t.spread, passes: t.passes });
const few = (names: string[]) => (names.length && names.length <= 5 ? ` (${names.join(", ")})` : "");

function describe(spec: SetSpec, set: Comparable): string[] {
  const notes: string[] = [];
  if (set.notFeedsmith || set.notRssParser.length) {
    notes.push(
      `${spec.name}: ${spec.docs.length} files offered; ${set.notFeedsmith} not parseable by feedsmith (so not inputs), ` +
        `${set.notRssParser.length} excluded from all three contenders because rss-parser cannot parse them${few(set.notRssParser)}.`,
    );
  }
  if (set.notDaybrief.length) {
    const names = set.notDaybrief.map((f) => f.name);
    notes.push(
      `${spec.name}: ${names.length} more excluded from all three because Daybrief parseFeed rejects them${few(names)}; ` +
        `first error: ${set.notDaybrief[0]?.error.slice(0, 160)}`,
    );
  }
  return notes;
}

function ratioCheck(
  spec: SetSpec,
  versus: string,
  label: string,
  value: Ratio | null,
  target: string,
  limit: number,
): Check {
  const pass = value !== null && (versus === "rss_parser" ? value.median < limit : value.median <= limit);
  return {
    id: `feed.${spec.id}.vs_${versus}`,
    label: `${spec.name}: parseFeed ÷ ${label}`,
    value: value?.median ?? null,
    unit: "×",
    target,
    pass,
  };
}

async function measureSet(spec: SetSpec, options: BenchOptions): Promise<SetResult> {
  const set = await comparable(spec.docs);
  const notes = describe(spec, set);
  const checks: Check[] = [];
  if (spec.mustParseAll) {
    const read = spec.docs.length - set.notDaybrief.length;
    checks.push({
      id: `feed.${spec.id}.reads_all`,
      label: `${spec.name}: files Daybrief parseFeed reads`,
      value: read,
      unit: ` of ${spec.docs.length}`,
      target: "all",
      pass: set.notDaybrief.length === 0,
    });
  }
  if (!set.docs.length) {
    notes.push(`${spec.name}: nothing left to time.`);
    checks.push(
      ratioCheck(spec, "feedsmith", "feedsmith.parseFeed", null, "≤ 1.30×", 1.3),
      ratioCheck(spec, "rss_parser", "rss-parser parseString", null, "< 1.00× (faster)", 1),
    );
    return {
      rows: [[spec.name, `0/${spec.docs.length}`, "—", "—", "—", "—", "—", "—", "—", "—"]],
      checks,
      notes,
      metrics: null,
    };
  }
  const timings = await compare(contenders(set.docs), {
    budgetMs: spec.budgetMs * (options.quick ? 0.12 : 1),
    minRounds: options.quick ? 2 : 7,
    warmupMs: options.quick ? 50 : 300,
  });
  const [ours, smith, rss] = timings as [Timing, Timing, Timing];
  const bytes = set.docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
  const rows = timings.map((t) => [
    t === ours ? spec.name : "",
    t === ours ? `${set.docs.length}/${spec.docs.length}` : "",
    contenderLabels[t.name] ?? t.name,
    ms(t.cpuMs),
    ms(t.wallMs),
    ms((t.cpuMs * 1000) / set.docs.length),
    (bytes / 1024 / 1024 / (t.cpuMs / 1000)).toFixed(1),
    t === smith ? "1.00×" : withRange(pairedRatio(t, smith)),
    t === rss ? "1.00×" : withRange(pairedRatio(t, rss)),
    `±${pct(t.spread / 2)}`,
  ]);
  const vsFeedsmith = pairedRatio(ours, smith);
  const vsRssParser = pairedRatio(ours, rss);
  checks.push(
    ratioCheck(spec, "feedsmith", "feedsmith.parseFeed", vsFeedsmith, "≤ 1.30×", 1.3),
    ratioCheck(spec, "rss_parser", "rss-parser parseString", vsRssParser, "< 1.00× (faster)", 1),
  );
  const metrics = {
    files: set.docs.length,
    offered: spec.docs.length,
    excludedNotFeedsmith: set.notFeedsmith,
    excludedNotRssParser: set.notRssParser,
    excludedNotDaybrief: set.notDaybrief.map((f) => f.name),
    bytes,
    vsFeedsmith,
    vsRssParser,
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
    // A quick run samples every third gofeed file; the demo feeds and the large feed stay whole.
    const sample = (docs: FeedDoc[]) => (options.quick ? docs.filter((_, i) => i % 3 === 0) : docs);
    const specs: SetSpec[] = [
      {
        id: "gofeed_parser",
        name: "gofeed parser/",
        docs: sample(gofeedDocs("parser")),
        budgetMs: 1500,
        mustParseAll: false,
      },
      {
        id: "gofeed_translator",
        name: "gofeed translator/",
        docs: sample(gofeedDocs("translator")),
        budgetMs: 800,
        mustParseAll: false,
      },
      { id: "demo", name: "demo feeds", docs: demoFeedDocs(), budgetMs: 1000, mustParseAll: true },
      { id: "large", name: "large RSS (2,000 items)", docs: [largeFeed(2000)], budgetMs: 2500, mustParseAll: true },
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
      columns: [
        "file set",
        "files",
        "contender",
        "CPU ms/pass",
        "wall ms",
        "CPU µs/file",
        "MiB/s",
        "× feedsmith (IQR)",
        "× rss-parser (IQR)",
        "noise",
      ],
      rows,
    });
    result.notes.push(
      "Ratios are CPU time (user+system of the process), taken round by round between interleaved contenders; " +
        "wall time is shown for reference and suffers when other processes share the cores.",
    );
    return result;
  },
};
