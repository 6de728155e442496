/**
 * Runs the benchmark modules one after another, each in its own child process (so peak-memory figures and JIT state
 * belong to that benchmark alone), and prints their tables, then every target with PASS/MISS.
 *
 *   npm run bench [-- --quick] [--only feed|extraction|ingest[,…]] [--json]
 *
 * With --json the tables go to stderr and stdout carries one JSON summary (use `npm run -s bench -- --json`).
 */
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { renderChecks, renderTable } from "./lib/format.ts";
import type { BenchModule, BenchOptions, BenchResult } from "./lib/types.ts";

/** The benchmark modules, in running order. Adding one (story clustering, edition building) is one line here. */
const modules: Record<string, () => Promise<BenchModule>> = {
  feed: async () => (await import("./feed-parse.ts")).feedParseBench,
  extraction: async () => (await import("./extraction.ts")).extractionBench,
  ingest: async () => (await import("./ingest.ts")).ingestBench,
  clustering: async () => (await import("./clustering.ts")).clusteringBench,
  "clustering-semantic": async () => (await import("./clustering-semantic.ts")).clusteringSemanticBench,
  editions: async () => (await import("./editions.ts")).editionsBench,
  deliver: async () => (await import("./deliver.ts")).deliverBench,
  web: async () => (await import("./web.ts")).webBench,
};

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string", multiple: true },
    json: { type: "boolean", default: false },
    child: { type: "string" },
  },
});
const options: BenchOptions = { quick: values.quick ?? false };

/** In a child: run one module and hand its result to the parent over IPC. */
async function runChild(name: string): Promise<void> {
  const load = modules[name];
  if (!load) throw new Error(`Unknown benchmark "${name}"`);
  const result = await (await load()).run(options);
  await new Promise<void>((resolve, reject) =>
    process.send?.(result, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}

function runInChild(name: string): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    const args = ["--child", name, ...(options.quick ? ["--quick"] : [])];
    const child = fork(import.meta.filename, args, {
      // The tsx loader, resolved from here so the runner works from any working directory.
      execArgv: ["--import", import.meta.resolve("tsx")],
      stdio: ["inherit", "inherit", "inherit", "ipc"],
    });
    let result: BenchResult | null = null;
    child.on("message", (message) => {
      result = message as BenchResult;
    });
    child.on("error", reject);
    child.on("exit", (code) => (result ? resolve(result) : reject(new Error(`it exited with code ${code}`))));
  });
}

async function main(): Promise<void> {
  if (values.child) return runChild(values.child);
  const names = values.only?.flatMap((n) => n.split(",")).filter(Boolean) ?? Object.keys(modules);
  const unknown = names.filter((n) => !(n in modules));
  if (unknown.length) {
    process.stderr.write(`Unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(modules).join(", ")}.\n`);
    process.exitCode = 2;
    return;
  }
  const say = (text: string) => (values.json ? process.stderr : process.stdout).write(`${text}\n`);
  const quick = options.quick ? ", --quick (a smoke run: numbers are indicative only)" : "";
  say(`Daybrief benchmarks — node ${process.version}, ${availableParallelism()} cores${quick}\n`);
  const results: BenchResult[] = [];
  const failed: string[] = [];
  const started = performance.now();
  for (const name of names) {
    const moduleStarted = performance.now();
    say(`▶ ${name} …`);
    try {
      const result = await runInChild(name);
      results.push(result);
      say(`\n${result.title}  (${((performance.now() - moduleStarted) / 1000).toFixed(1)} s)\n`);
      for (const table of result.tables) say(`${renderTable(table)}\n`);
      if (result.checks.length) say(`${renderChecks(result.checks)}\n`);
      for (const note of result.notes) say(`  note: ${note}`);
    } catch (error) {
      failed.push(name);
      say(`✗ benchmark "${name}" failed: ${(error as Error).message}`);
    }
    say("");
  }
  const checks = results.flatMap((r) => r.checks);
  const missed = checks.filter((c) => c.pass === false);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(
    `Targets: ${checks.filter((c) => c.pass).length} PASS, ${missed.length} MISS` +
      `${missed.length ? ` (${missed.map((c) => c.id).join(", ")})` : ""}` +
      `${failed.length ? `; failed to run: ${failed.join(", ")}` : ""} — ${seconds} s in all.`,
  );
  if (values.json) {
    const summary = {
      node: process.version,
      cores: availableParallelism(),
      quick: options.quick,
      failed,
      results: results.map(({ tables: _tables, ...rest }) => rest),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  }
  // A MISS is a finding, not a crash; only a benchmark that could not run fails the command.
  if (failed.length) process.exitCode = 1;
}

await main();
