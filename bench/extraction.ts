import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { parseHTML } from "linkedom";
import { extractArticle } from "../src/ingest/article/extract-article.ts";
import { type EvalCase, evalRoot, loadEvalCases, scoreExtraction } from "./extraction-eval.ts";
import { bootstrapF1Delta, type Counts, f1Of } from "./lib/f1.ts";
import { ms, ratio } from "./lib/format.ts";
import type { BenchModule, BenchOptions, BenchResult, Check } from "./lib/types.ts";

type Extractor = { name: string; label: string; extract: (page: EvalCase) => string };
type Outcome = { counts: Counts[]; cpuMs: number[]; wallMs: number[]; failures: string[] };

/** jsdom reports every stylesheet it cannot parse on the console; a silent virtual console keeps the table readable. */
const quiet = new VirtualConsole();

const extractors: Extractor[] = [
  {
    name: "daybrief",
    label: "Daybrief extractArticle",
    extract: (page) => extractArticle(page.html, { url: page.url }).text,
  },
  {
    name: "linkedom",
    label: "Readability + linkedom",
    extract: (page) => new Readability(parseHTML(page.html).document).parse()?.textContent ?? "",
  },
  {
    name: "jsdom",
    label: "Readability + jsdom",
    extract: (page) => {
      const dom = new JSDOM(page.html, { url: page.url, virtualConsole: quiet });
      try {
        return new Readability(dom.window.document).parse()?.textContent ?? "";
      } finally {
        dom.window.close();
      }
    },
  },
];

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** One timed pass: page by page, the extractors take turns (rotating who goes first), each timed on its own. */
function runPass(pages: EvalCase[]): Map<string, Outcome> {
  const outcomes = new Map(
    extractors.map((e) => [e.name, { counts: [], cpuMs: [], wallMs: [], failures: [] } as Outcome]),
  );
  pages.forEach((page, index) => {
    for (let k = 0; k < extractors.length; k += 1) {
      const extractor = extractors[(index + k) % extractors.length] as Extractor;
      const outcome = outcomes.get(extractor.name) as Outcome;
      let text = "";
      const wall = performance.now();
      const cpu = cpuNow();
      try {
        text = extractor.extract(page);
      } catch (error) {
        outcome.failures.push(`${page.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      outcome.cpuMs.push(cpuNow() - cpu);
      outcome.wallMs.push(performance.now() - wall);
      outcome.counts.push(scoreExtraction([page], () => text));
    }
  });
  return outcomes;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const signed = (value: number) => `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(3)}`;

export const extractionBench: BenchModule = {
  name: "extraction",
  title: "Article extraction: Daybrief extractArticle vs Readability + linkedom vs Readability + jsdom",
  async run(options: BenchOptions): Promise<BenchResult> {
    const all = loadEvalCases();
    const result: BenchResult = { name: this.name, title: this.title, tables: [], checks: [], notes: [], metrics: {} };
    if (!all.length) {
      result.notes.push(`Skipped: the trafilatura evaluation set is missing (${evalRoot}).`);
      return result;
    }
    const pages = options.quick ? all.filter((_, i) => i % 8 === 0) : all;
    runPass(pages.slice(0, options.quick ? 1 : 6)); // warm-up: JIT, lazy module state
    const outcomes = runPass(pages);
    const base = outcomes.get("linkedom") as Outcome;
    const baseCpu = sum(base.cpuMs);
    const rows = extractors.map((e) => {
      const o = outcomes.get(e.name) as Outcome;
      const score = f1Of(o.counts);
      const cpu = sum(o.cpuMs) / pages.length;
      result.metrics[e.name] = {
        pages: pages.length,
        cpuMsPerPage: cpu,
        wallMsPerPage: sum(o.wallMs) / pages.length,
        failures: o.failures,
        ...score,
      };
      return [
        e.label,
        ms(cpu),
        ms(sum(o.wallMs) / pages.length),
        (1000 / cpu).toFixed(1),
        ratio(sum(o.cpuMs) / baseCpu),
        score.f1.toFixed(3),
        score.precision.toFixed(3),
        score.recall.toFixed(3),
        String(o.failures.length),
      ];
    });
    const ours = outcomes.get("daybrief") as Outcome;
    const delta = f1Of(ours.counts).f1 - f1Of(base.counts).f1;
    const interval = bootstrapF1Delta(ours.counts, base.counts);
    const timeRatio = sum(ours.cpuMs) / baseCpu;
    result.tables.push({
      title: `Extraction — ${pages.length} trafilatura evaluation pages, one pass, extractors interleaved page by page`,
      baseline: "Readability + linkedom (parseHTML, then new Readability(document).parse().textContent)",
      columns: [
        "extractor",
        "CPU ms/page",
        "wall ms/page",
        "pages/s (CPU)",
        "× linkedom time",
        "F1",
        "precision",
        "recall",
        "errors",
      ],
      rows,
    });
    const checks: Check[] = [
      {
        id: "extraction.f1_margin",
        label: `F1 − Readability+linkedom F1 (95% CI ${signed(interval.low)}…${signed(interval.high)})`,
        value: delta,
        unit: "",
        target: "≥ +0.020, CI above 0",
        pass: delta >= 0.02 && interval.low > 0,
      },
      {
        id: "extraction.time_ratio",
        label: "time per page ÷ Readability+linkedom",
        value: timeRatio,
        unit: "×",
        target: "≤ 1.50×",
        pass: timeRatio <= 1.5,
      },
    ];
    result.checks.push(...checks);
    result.metrics.f1Delta = { value: delta, low: interval.low, high: interval.high };
    for (const e of extractors) {
      const failures = (outcomes.get(e.name) as Outcome).failures;
      if (failures.length)
        result.notes.push(
          `${e.label} threw on ${failures.length} page(s), scored as empty text: ${failures.slice(0, 3).join("; ")}`,
        );
    }
    result.notes.push(
      'Scores follow bench/extraction-eval.ts: a page\'s "with" snippets found are true positives, its "without" snippets found false positives; the F1 interval resamples pages (paired bootstrap).',
    );
    return result;
  },
};
