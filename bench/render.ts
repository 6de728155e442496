/**
 * Rendering alone, per format: both fixture issues (digest, briefing) through every renderer, in CPU time. The
 * baseline is what the email renderer avoids: compiling each issue's whole MJML document (~25 ms) instead of
 * filling a precompiled skeleton.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Issue } from "../src/model/issue.ts";
import { planEmail } from "../src/render/email.ts";
import { compileMjml, skeletonMjml, slotToken } from "../src/render/email-skeleton.ts";
import { type Format, renderArchiveIndex, renderers, renderFeeds } from "../src/render/index.ts";
import { ms, ratio } from "./lib/format.ts";
import { type Contender, compare } from "./lib/measure.ts";
import type { BenchModule, BenchOptions, BenchResult, Check } from "./lib/types.ts";

const fixtures = join(import.meta.dirname, "..", "test", "fixtures", "render");
const options = {
  siteName: "Daybrief",
  siteUrl: "https://brief.example.com",
  tipsUrl: "https://brief.example.com/tips",
  unsubscribeUrl: "{{unsubscribe_url}}",
};
/** Rendering's share of the 2 s build-and-render budget for both editions of a day. */
const targetMs = 100;

function loadIssues(): Issue[] {
  return ["digest", "briefing"].map(
    (e) => JSON.parse(readFileSync(join(fixtures, `${e}-issue.json`), "utf8")) as Issue,
  );
}

/** The whole MJML document of an issue, compiled: the renderer's output without the skeleton. */
function fullCompile(issue: Issue): Promise<string> {
  const plan = planEmail(issue, options);
  let mjml = skeletonMjml(plan.theme);
  for (const [slot, html] of Object.entries(plan.fill)) mjml = mjml.replace(slotToken(slot), () => html);
  return compileMjml(mjml);
}

async function run({ quick }: BenchOptions): Promise<BenchResult> {
  const issues = loadIssues();
  const coldStart = performance.now();
  await fullCompile(issues[0] as Issue);
  const coldMs = performance.now() - coldStart;

  const formats = Object.keys(renderers) as Format[];
  const contenders: Contender[] = [
    ...formats.map((format) => ({
      name: format,
      pass: () => Promise.all(issues.map((i) => renderers[format](i, options))),
    })),
    { name: "feeds", pass: () => renderFeeds(issues, options) },
    { name: "archive", pass: () => renderArchiveIndex(issues, options) },
    { name: "mjml-full", pass: () => Promise.all(issues.map(fullCompile)) },
  ];
  const timings = await compare(contenders, { budgetMs: quick ? 1_500 : 6_000, warmupMs: quick ? 200 : 500 });
  const byName = new Map(timings.map((t) => [t.name, t]));
  const baseline = byName.get("mjml-full")?.cpuMs ?? Number.NaN;
  const sizes = await Promise.all(issues.map(async (i) => Buffer.byteLength(await renderers.html(i, options))));

  const rows = timings.map((t) => [
    t.name === "mjml-full" ? "email, whole MJML compile (baseline)" : t.name,
    ms(t.cpuMs),
    ms(t.cpuMs / issues.length),
    ms(t.wallMs),
    t.name === "mjml-full" ? "1.00×" : ratio(t.cpuMs / baseline),
  ]);
  const perIssueFormats = formats.reduce((sum, f) => sum + (byName.get(f)?.cpuMs ?? 0), 0);
  const checks: Check[] = [
    {
      id: "render-all-formats",
      label: "render html+text+md+web, both editions (CPU)",
      value: perIssueFormats,
      unit: "ms",
      target: `< ${targetMs} ms (render share of the 2 s day budget)`,
      pass: perIssueFormats < targetMs,
    },
    {
      id: "email-size",
      label: "largest fixture email",
      value: Math.max(...sizes) / 1024,
      unit: "KiB",
      target: "< 100 KiB (Gmail clips at ~102 KB)",
      pass: Math.max(...sizes) < 100 * 1024,
    },
    {
      id: "mjml-cold",
      label: "first whole MJML compile in a process (loads MJML)",
      value: coldMs,
      unit: "ms",
      target: "info",
      pass: null,
    },
  ];
  return {
    name: "render",
    title: "Rendering — both fixture issues (digest, briefing) per format",
    tables: [
      {
        title: "CPU time per pass (both editions)",
        baseline: "compiling each issue's whole MJML document (what the precompiled skeleton avoids)",
        columns: ["format", "CPU ms", "per issue", "wall ms", "× baseline"],
        rows,
      },
    ],
    checks,
    notes: [
      `email sizes: ${issues.map((i, k) => `${i.edition} ${((sizes[k] ?? 0) / 1024).toFixed(1)} KiB`).join(", ")}`,
      `cold: loading MJML and compiling once took ${coldMs.toFixed(0)} ms wall; the built-in themes' skeletons are precompiled, so rendering them never pays it.`,
    ],
    metrics: {
      timings: Object.fromEntries(timings.map((t) => [t.name, { cpuMs: t.cpuMs, wallMs: t.wallMs, spread: t.spread }])),
      emailBytes: sizes,
      mjmlColdMs: coldMs,
    },
  };
}

export const renderBench: BenchModule = { name: "render", title: "Rendering", run };
