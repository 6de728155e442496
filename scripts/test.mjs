#!/usr/bin/env node
// `npm test`: lint, type-check, the import rules, then every test; ends with a plain "N passed, N failed" line for CI to count.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", shell: false }).status ?? 1;
const bin = (name) => join("node_modules", ".bin", name);

let failedSteps = 0;
for (const [label, cmd, args] of [
  ["build", process.execPath, ["scripts/build.mjs"]],
  ["lint", bin("biome"), ["check", "."]],
  ["typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]],
  // The import rules of DESIGN.md (stages never import store/, cli/ or web/, …): scripts/import-rules.ts.
  ["imports", bin("tsx"), ["scripts/check-imports.ts"]],
]) {
  process.stdout.write(`\n> ${label}\n`);
  if (run(cmd, args) !== 0) {
    failedSteps += 1;
    process.stdout.write(`${label} failed\n`);
  }
}

const report = join(mkdtempSync(join(tmpdir(), "daybrief-test-")), "vitest.json");
process.stdout.write("\n> vitest\n");
const extra = process.argv.slice(2);
const status = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...extra]);
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed = result.numPassedTests ?? 0;
  failed = result.numFailedTests ?? 0;
  // A suite that fails to load has no failed tests of its own; count it so the line never hides it.
  if (!result.success && failed === 0) failed = Math.max(1, result.numFailedTestSuites ?? 0);
} else if (status !== 0) {
  failed = 1;
}
failed += failedSteps;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
