import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { lshBands, lshRows } from "../src/stories/clusterer.ts";
import { type Baseline, nearCopyBaseline, nearCopyThreshold } from "./clustering-near-copies.ts";
import type { SizeRun } from "./clustering-size.ts";
import { mib, ms, pct, rate, ratio } from "./lib/format.ts";
import type { BenchModule, BenchOptions, BenchResult, Check, Table } from "./lib/types.ts";

const targetSeconds = 20;
const targetBytes = 1.5 * 1024 ** 3;
/** Per-item time at the largest size ÷ at the smallest: at most this is "near-linear". */
const nearLinear = 1.5;
/** LSH ÷ all-pairs time at most this is "much faster" (ten times). */
const muchFaster = 0.1;

type Skipped = { items: number; projectedMs: number };

/** The CPU to pin size runs to (the last one this process may use), or null without `taskset`. */
function pinnedCpu(): string | null {
  if (process.platform !== "linux" || spawnSync("taskset", ["-V"]).status !== 0) return null;
  const allowed = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? "0";
  return allowed.split(",").at(-1)?.split("-").at(-1) ?? "0";
}

/** One size in a fresh process (clean memory high-water mark), pinned to one core; killed after `timeoutMs`. */
function runSize(items: number, cpu: string | null, timeoutMs: number): Promise<SizeRun> {
  const node = [process.execPath, "--import", import.meta.resolve("tsx"), "--expose-gc"];
  const script = [new URL("./clustering-size.ts", import.meta.url).pathname, String(items)];
  const [command, ...args] = cpu ? ["taskset", "-c", cpu, ...node, ...script] : [...node, ...script];
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let result: SizeRun | null = null;
    const timer = timeoutMs ? setTimeout(() => child.kill("SIGKILL"), timeoutMs) : null;
    child.on("message", (message) => {
      result = message as SizeRun;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`the ${items}-item run ended without a result (code ${code}, signal ${signal})`));
    });
  });
}

const seconds = (value: number) => (value / 1000).toFixed(value >= 100_000 ? 0 : 1);
const count = (n: number) => n.toLocaleString("en-US");

function scaleTable(runs: SizeRun[], skipped: Skipped[], cpu: string | null): Table {
  const base = runs[0] as SizeRun;
  const perItem = (r: SizeRun) => r.cpuMs / r.items;
  const row = (label: string, cell: (r: SizeRun) => string, skip = "") => [
    label,
    ...runs.map(cell),
    ...skipped.map(() => skip),
  ];
  return {
    title: `Clustering scale — clusterItems(items, { entities: extractEntities }), a fresh process per size${cpu === null ? "" : `, pinned to CPU ${cpu}`}`,
    baseline: `the ${count(base.items)}-item run: "per item ÷" columns are per-item CPU time ÷ its own (1.00× is linear)`,
    columns: [
      "metric",
      ...runs.map((r) => `${count(r.items)} items`),
      ...skipped.map((s) => `${count(s.items)} items`),
    ],
    rows: [
      row(
        "corpus: days / events / near-copies",
        (r) => `${r.days.toFixed(1)} / ${count(r.events)} / ${count(r.nearCopies)}`,
      ),
      row("stories found", (r) => count(r.stories)),
      row(
        "pairwise P / R vs generated events",
        (r) => `${r.pairwise.precision.toFixed(2)} / ${r.pairwise.recall.toFixed(2)}`,
      ),
      row("CPU time (s)", (r) => seconds(r.cpuMs), "not run"),
      row("wall time (s)", (r) => seconds(r.wallMs)),
      row(
        "  wall: duplicates / features / clustering (s)",
        (r) =>
          `${seconds(r.phasesMs.duplicates)} / ${seconds(r.phasesMs.features)} / ${seconds(r.phasesMs.clustering)}`,
      ),
      row("items/s (CPU)", (r) => rate(r.items / (r.cpuMs / 1000))),
      [
        "per-item CPU ÷ smallest size's",
        ...runs.map((r) => ratio(perItem(r) / perItem(base))),
        ...skipped.map((s) => `projected ${seconds(s.projectedMs)} s`),
      ],
      row("RSS before clustering (corpus loaded)", (r) => mib(r.rssBefore)),
      row("peak RSS (process high-water)", (r) => mib(r.maxRss)),
      row("peak heap used (sampled)", (r) => mib(r.heapPeak)),
      row("corpus generation, not timed (s)", (r) => seconds(r.generateMs)),
    ],
  };
}

function baselineTable(b: Baseline): Table {
  const a = b.agreement;
  const found = `${a.found - a.falsePositives} of ${a.exactPairs}`;
  return {
    title: `Near-copy detection — ${count(b.items)} items, pairs with Jaccard ≥ ${nearCopyThreshold} of 3-word shingles (the text MinHash reads)`,
    baseline:
      "exact all-pairs: every item's shingle set (hashed as MinHash hashes them, sorted), every pair compared by merge",
    columns: [
      "contender",
      "CPU ms",
      "wall ms",
      "× all-pairs",
      "pairs compared",
      "near-copy pairs found",
      "recall",
      "false pos.",
    ],
    rows: [
      [
        "exact all-pairs Jaccard",
        ms(b.exact.cpuMs),
        ms(b.exact.wallMs),
        ratio(1),
        count(b.exact.comparisons),
        `${a.exactPairs}`,
        "1.000",
        "0",
      ],
      [
        `MinHash + LSH (64 bins, ${lshBands}×${lshRows} bands, estimate ≥ 0.5)`,
        ms(b.lsh.cpuMs),
        ms(b.lsh.wallMs),
        ratio(b.lsh.cpuMs / b.exact.cpuMs),
        `${count(a.candidates)} candidates`,
        found,
        a.recall.toFixed(3),
        String(a.falsePositives),
      ],
      [
        "  of which MinHash signatures",
        ms(b.lsh.signaturesCpuMs),
        "",
        ratio(b.lsh.signaturesCpuMs / b.exact.cpuMs),
        "",
        "",
        "",
        "",
      ],
      ["  LSH candidates alone (before the estimate)", "", "", "", "", "", a.candidateRecall.toFixed(3), ""],
      ...a.bands.map((band) => [
        `  recall at exact Jaccard ${band.label}`,
        "",
        "",
        "",
        "",
        `${band.found} of ${band.pairs}`,
        band.pairs ? (band.found / band.pairs).toFixed(3) : "n/a",
        "",
      ]),
      [
        "clusterItems, whole clustering (context)",
        ms(b.clustering.cpuMs),
        ms(b.clustering.wallMs),
        ratio(b.clustering.cpuMs / b.exact.cpuMs),
        "",
        `${pct(b.clustering.sameStory)} in one story`,
        b.clustering.sameStory.toFixed(3),
        "",
      ],
    ],
  };
}

function checks(runs: SizeRun[], skipped: Skipped[], b: Baseline, quick: boolean): Check[] {
  const first = runs[0] as SizeRun;
  const last = runs.at(-1) as SizeRun;
  const largest = skipped.at(-1);
  const scale = quick ? ` (quick: ${count(last.items)} items; the target is for 100,000)` : "";
  const largestCpu = largest ? largest.projectedMs : last.cpuMs;
  const largestItems = largest ? largest.items : last.items;
  const growth = last.cpuMs / last.items / (first.cpuMs / first.items);
  const out: Check[] = [
    {
      id: "clustering.time",
      label: `CPU time for ${count(largestItems)} items${largest ? " (not run: projected, a lower bound)" : ""}${scale}`,
      value: largestCpu / 1000,
      unit: " s",
      target: `< ${targetSeconds} s`,
      pass: quick ? null : largestCpu / 1000 < targetSeconds,
    },
    {
      id: "clustering.peak_rss",
      label: `peak RSS for ${count(last.items)} items${largest ? ` (${count(largestItems)} not run)` : ""}${scale}`,
      value: last.maxRss / 1024 ** 3,
      unit: " GiB",
      target: "< 1.5 GiB",
      pass: quick || largest ? null : last.maxRss < targetBytes,
    },
    {
      id: "clustering.growth",
      label: `per-item CPU time, ${count(last.items)} ÷ ${count(first.items)} items (near-linear)`,
      value: growth,
      unit: "×",
      target: `≤ ${nearLinear.toFixed(2)}×${largest || quick ? " (at 100k ÷ 10k)" : ""}`,
      pass: quick || largest ? null : growth <= nearLinear,
    },
    {
      id: "clustering.near_copy.speed",
      label: `MinHash + LSH time ÷ exact all-pairs, ${count(b.items)} items`,
      value: b.lsh.cpuMs / b.exact.cpuMs,
      unit: "×",
      target: `≤ ${muchFaster.toFixed(2)}× (10× faster)`,
      pass: quick ? null : b.lsh.cpuMs / b.exact.cpuMs <= muchFaster,
    },
    {
      id: "clustering.near_copy.recall",
      label: `pairs with exact Jaccard ≥ ${nearCopyThreshold} that MinHash + LSH finds`,
      value: b.agreement.recall,
      unit: "",
      target: "≥ 0.950",
      pass: b.agreement.recall >= 0.95,
    },
    {
      id: "clustering.near_copy.same_story",
      label: `pairs with exact Jaccard ≥ ${nearCopyThreshold} that clusterItems puts in one story`,
      value: b.clustering.sameStory,
      unit: "",
      target: "≥ 0.990",
      pass: b.clustering.sameStory >= 0.99,
    },
  ];
  return out;
}

export const clusteringBench: BenchModule = {
  name: "clustering",
  title: "Story clustering at scale: clusterItems on 10k–100k synthetic items, and near-copies vs exact all-pairs",
  async run(options: BenchOptions): Promise<BenchResult> {
    const result: BenchResult = { name: this.name, title: this.title, tables: [], checks: [], notes: [], metrics: {} };
    const sizes = options.quick ? [1000, 2000, 4000] : [10_000, 25_000, 50_000, 100_000];
    const capSeconds = Number(process.env.DAYBRIEF_BENCH_CLUSTER_CAP_S ?? (options.quick ? 30 : 180));
    const cpu = pinnedCpu();
    const runs: SizeRun[] = [];
    const skipped: Skipped[] = [];
    for (const items of sizes) {
      const last = runs.at(-1);
      const projectedMs = last ? (last.cpuMs / last.items) * items : 0;
      if (skipped.length || (capSeconds > 0 && projectedMs > capSeconds * 1000)) {
        skipped.push({ items, projectedMs: last ? projectedMs : (skipped.at(-1)?.projectedMs ?? 0) });
        continue;
      }
      runs.push(await runSize(items, cpu, capSeconds > 0 ? capSeconds * 3000 : 0));
    }
    const baseline = nearCopyBaseline(options.quick ? 1000 : 5000);
    result.tables.push(scaleTable(runs, skipped, cpu), baselineTable(baseline));
    result.checks.push(...checks(runs, skipped, baseline, options.quick));
    if (skipped.length) {
      result.notes.push(
        `Not run: ${skipped.map((s) => `${count(s.items)} items (projected ${seconds(s.projectedMs)} s CPU at the ${count(runs.at(-1)?.items ?? 0)}-item rate)`).join(", ")} — over the ${capSeconds} s cap per size. Per-item time grows with size, so the projections are lower bounds. DAYBRIEF_BENCH_CLUSTER_CAP_S=0 runs every size.`,
      );
    }
    if (cpu === null) result.notes.push("taskset is not available: size runs were not pinned to one core.");
    result.notes.push(
      "Corpus: bench/lib/news-corpus.ts, seeded — 2,000 items a day, titles of 8–14 words, texts of 120–400 words; 60% of events are single items, the rest 2–6 items over up to 40 h, a quarter of those syndicated near-copies with 0.5–20% of words changed.",
    );
    result.metrics.sizes = runs;
    result.metrics.skipped = skipped;
    result.metrics.nearCopies = baseline;
    return result;
  },
};
