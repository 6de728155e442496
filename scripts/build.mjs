#!/usr/bin/env node
// Bundles the CLI into dist/ (run by `npm install` through "prepare"). Node then loads plain JavaScript instead of
// compiling TypeScript through loader hooks on every start; bin/daybrief.js falls back to tsx when dist/ is stale.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  jsx: "automatic",
  jsxImportSource: "hono/jsx",
  logLevel: "warning",
});
