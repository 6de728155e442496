import { writeIssue } from "../src/editions/build-issue.ts";
import type { DayContext } from "../src/editions/day.ts";
import { loadEdition } from "../src/editions/definition.ts";
import { selectStories } from "../src/editions/select.ts";
import type { Issue } from "../src/model/issue.ts";
import { type Format, type RenderOptions, renderers } from "../src/render/index.ts";
import { buildDayContext, type DaySpec, generateDay } from "./editions-day.ts";
import { runStorePath, type StoreRun } from "./editions-store.ts";
import { mib, ms, ratio } from "./lib/format.ts";
import type { BenchModule, BenchOptions, BenchResult, Check, Table } from "./lib/types.ts";

const editions = ["digest", "briefing"] as const;
const formats = Object.keys(renderers) as Format[];
const renderOptions: RenderOptions = {
  siteName: "Daybrief",
  siteUrl: "https://brief.example.com",
  tipsUrl: "https://brief.example.com/tips",
  unsubscribeUrl: "{{unsubscribe_url}}",
};
const targetMs = 2000;
/** Gmail clips messages over about 102 KB; the render tests hold the email under 100 KiB. */
const targetEmailBytes = 100 * 1024;

type Sample = { cpuMs: number; wallMs: number };
type Pass = { steps: Map<string, Sample>; issues: Issue[]; emails: Map<string, number> };

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function timeStep<T>(steps: Map<string, Sample>, name: string, run: () => T | Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = cpuNow();
  const value = await run();
  steps.set(name, { cpuMs: cpuNow() - cpu, wallMs: performance.now() - wall });
  return value;
}

/** Both editions written (offline writer) and rendered in every format, each step timed on its own. */
async function onePass(day: DayContext): Promise<Pass> {
  const steps = new Map<string, Sample>();
  const issues: Issue[] = [];
  const emails = new Map<string, number>();
  for (const edition of editions) {
    const issue = await timeStep(steps, `write ${edition}`, () => writeIssue(loadEdition(edition), day));
    issues.push(issue);
    for (const format of formats) {
      const out = await timeStep(steps, `render ${edition} ${format}`, () => renderers[format](issue, renderOptions));
      if (format === "html") emails.set(edition, Buffer.byteLength(out));
    }
  }
  const sum = (filter: (name: string) => boolean) =>
    [...steps]
      .filter(([name]) => filter(name))
      .reduce((total, [, s]) => ({ cpuMs: total.cpuMs + s.cpuMs, wallMs: total.wallMs + s.wallMs }), {
        cpuMs: 0,
        wallMs: 0,
      });
  steps.set(
    "render all",
    sum((name) => name.startsWith("render ")),
  );
  steps.set(
    "total",
    sum((name) => name.startsWith("write ") || name.startsWith("render ")),
  );
  return { steps, issues, emails };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function medianStep(passes: Pass[], name: string): Sample {
  const samples = passes.map((p) => p.steps.get(name) ?? { cpuMs: Number.NaN, wallMs: Number.NaN });
  return { cpuMs: median(samples.map((s) => s.cpuMs)), wallMs: median(samples.map((s) => s.wallMs)) };
}

/** The baseline, and selection alone for context: median of `repeats` runs each. */
function contextSteps(day: DayContext, repeats: number): { stringify: Sample & { bytes: number }; select: Sample } {
  const stringify: Sample[] = [];
  const select: Sample[] = [];
  let bytes = 0;
  const definitions = editions.map((e) => loadEdition(e));
  for (let i = 0; i < repeats; i += 1) {
    let wall = performance.now();
    let cpu = cpuNow();
    bytes = Buffer.byteLength(JSON.stringify(day));
    stringify.push({ cpuMs: cpuNow() - cpu, wallMs: performance.now() - wall });
    wall = performance.now();
    cpu = cpuNow();
    for (const definition of definitions) selectStories(definition, day);
    select.push({ cpuMs: cpuNow() - cpu, wallMs: performance.now() - wall });
  }
  const med = (list: Sample[]) => ({
    cpuMs: median(list.map((s) => s.cpuMs)),
    wallMs: median(list.map((s) => s.wallMs)),
  });
  return { stringify: { ...med(stringify), bytes }, select: med(select) };
}

function timingTable(spec: DaySpec, cold: Pass, warm: Pass[], base: ReturnType<typeof contextSteps>): Table {
  const baseCpu = base.stringify.cpuMs;
  const row = (label: string, name: string) => {
    const w = medianStep(warm, name);
    return [label, ms(cold.steps.get(name)?.cpuMs ?? Number.NaN), ms(w.cpuMs), ms(w.wallMs), ratio(w.cpuMs / baseCpu)];
  };
  const rows = [
    ...editions.flatMap((edition) => [
      row(`write ${edition} (loadEdition + writeIssue, offline writer)`, `write ${edition}`),
      ...formats.map((format) => row(`  render ${edition}: ${format}`, `render ${edition} ${format}`)),
    ]),
    row("render, all formats, both editions", "render all"),
    row("total: both editions written and rendered", "total"),
    [
      "for context: selectStories, both editions",
      "",
      ms(base.select.cpuMs),
      ms(base.select.wallMs),
      ratio(base.select.cpuMs / baseCpu),
    ],
    [
      `baseline: JSON.stringify(day), ${mib(base.stringify.bytes)}`,
      "",
      ms(baseCpu),
      ms(base.stringify.wallMs),
      ratio(1),
    ],
  ];
  return {
    title: `Editions — both editions for a day of ${spec.items.toLocaleString("en-US")} items in ${spec.stories} stories, offline writer, every renderer`,
    baseline:
      "JSON.stringify(day): one pass over every byte of the day's context, a floor for work that reads each item once",
    columns: ["step", "cold CPU ms", `warm CPU ms (median of ${warm.length})`, "warm wall ms", "× JSON.stringify(day)"],
    rows,
  };
}

function outputTable(pass: Pass): Table {
  return {
    title: "Editions — what was built",
    baseline: "none: sizes and counts",
    columns: ["edition", "sections", "editor notes", "stories told", "email HTML", "subject"],
    rows: pass.issues.map((issue) => [
      issue.edition,
      String(issue.sections.length),
      String(issue.notes.length),
      String(
        issue.sections.reduce(
          (n, s) =>
            n +
            ("stories" in s
              ? s.stories.length
              : "groups" in s
                ? s.groups.reduce((k, g) => k + g.stories.length, 0)
                : 0),
          0,
        ),
      ),
      `${((pass.emails.get(issue.edition) ?? 0) / 1024).toFixed(1)} KiB`,
      issue.title.length > 60 ? `${issue.title.slice(0, 57)}…` : issue.title,
    ]),
  };
}

function storeTable(run: StoreRun): Table {
  return {
    title: `Store path — the same day in a fresh SQLite file: buildIssue (buildStories, then the day from the store) per edition`,
    baseline: "none published: reported for orientation, no target",
    columns: ["step", "CPU ms", "wall ms"],
    rows: [
      [
        `store ${run.items.toLocaleString("en-US")} items with articles (setup, not timed as CPU)`,
        "",
        ms(run.insertMs),
      ],
      ...run.builds.map((b, i) => [
        `buildIssue ${b.edition}${i === 0 ? " (analyses and clusters the day)" : " (stories already built)"}`,
        ms(b.cpuMs),
        ms(b.wallMs),
      ]),
      [`stories in the store for the day`, String(run.stories), ""],
    ],
  };
}

function checks(cold: Pass, warm: Pass[], base: ReturnType<typeof contextSteps>, quick: boolean): Check[] {
  const label = quick ? " (quick: a smaller day; the target is for 5,000 items)" : "";
  const coldTotal = cold.steps.get("total")?.cpuMs ?? Number.NaN;
  const warmTotal = medianStep(warm, "total").cpuMs;
  const largest = Math.max(...cold.emails.values());
  return [
    {
      id: "editions.total_cold",
      label: `both editions written and rendered, first run in the process (CPU)${label}`,
      value: coldTotal,
      unit: " ms",
      target: `< ${targetMs} ms`,
      pass: quick ? null : coldTotal < targetMs,
    },
    {
      id: "editions.total_warm",
      label: `both editions written and rendered, warm (median CPU)${label}`,
      value: warmTotal,
      unit: " ms",
      target: `< ${targetMs} ms`,
      pass: quick ? null : warmTotal < targetMs,
    },
    {
      id: "editions.email_size",
      label: `largest email HTML (${[...cold.emails].map(([e, b]) => `${e} ${(b / 1024).toFixed(1)} KiB`).join(", ")})`,
      value: largest / 1024,
      unit: " KiB",
      target: "< 100 KiB",
      pass: largest < targetEmailBytes,
    },
    {
      id: "editions.vs_stringify",
      label: "warm total ÷ JSON.stringify(day)",
      value: warmTotal / base.stringify.cpuMs,
      unit: "×",
      target: "none published",
      pass: null,
    },
  ];
}

export const editionsBench: BenchModule = {
  name: "editions",
  title: "Editions: writing and rendering both editions for a day of 5,000 items and 800 stories",
  async run(options: BenchOptions): Promise<BenchResult> {
    const result: BenchResult = { name: this.name, title: this.title, tables: [], checks: [], notes: [], metrics: {} };
    const spec: DaySpec = options.quick
      ? { date: "2025-12-01", stories: 160, items: 1000 }
      : { date: "2025-12-01", stories: 800, items: 5000 };
    const setup = performance.now();
    const generated = generateDay(spec);
    const generatedMs = performance.now() - setup;
    const day = buildDayContext(generated);
    const contextMs = performance.now() - setup - generatedMs;
    const cold = await onePass(day);
    const warm: Pass[] = [];
    const warmStart = performance.now();
    const budgetMs = options.quick ? 0 : 20_000;
    do warm.push(await onePass(day));
    while (warm.length < 5 && performance.now() - warmStart < budgetMs);
    const base = contextSteps(day, options.quick ? 1 : 5);
    result.tables.push(timingTable(spec, cold, warm, base), outputTable(cold));
    result.checks.push(...checks(cold, warm, base, options.quick));
    const capSeconds = Number(process.env.DAYBRIEF_BENCH_STORE_CAP_S ?? 240);
    if (!options.quick) {
      const store = await runStorePath(spec, capSeconds);
      if (typeof store === "string")
        result.notes.push(`Store path: ${store}. DAYBRIEF_BENCH_STORE_CAP_S changes the cap (0: none).`);
      else {
        result.tables.push(storeTable(store));
        result.metrics.store = store;
      }
    }
    result.notes.push(
      `The day (bench/editions-day.ts, seeded): ${day.stories.length} stories, ${day.stories.reduce((n, s) => n + s.items.length, 0)} items (news and company posts of 300–800 words, arXiv abstracts, podcast notes), ${day.weekStories.length} stories in the week before, ${day.tickers.length} ticker moods, ${day.trends.length} trends. Generating it took ${(generatedMs / 1000).toFixed(1)} s and analysing and ranking it ${(contextMs / 1000).toFixed(1)} s (not timed).`,
      "Cold is the first write and render in this process (as `daybrief issue build` runs them); warm is the median of the following passes over the same day.",
    );
    const steps = (pass: Pass) => Object.fromEntries([...pass.steps].map(([name, s]) => [name, s]));
    result.metrics.cold = steps(cold);
    result.metrics.warm = Object.fromEntries([...cold.steps.keys()].map((name) => [name, medianStep(warm, name)]));
    result.metrics.stringify = base.stringify;
    result.metrics.select = base.select;
    result.metrics.emailBytes = Object.fromEntries(cold.emails);
    return result;
  },
};
