/**
 * The import rules of DESIGN.md as code: which folder of src/ may import which. `scripts/check-imports.ts` runs them
 * over the real tree in `npm test`; the rules are plain functions so a test can run them on made-up files.
 */
import { dirname, join, normalize } from "node:path";

/** Folders that each hold one pipeline stage: they take and return model/ types. */
export const stageFolders = ["ingest", "sources", "stories", "editions", "render", "deliver"] as const;

/** Folders that only wire or serve: they may use the store, but only pipeline/ may hand a stage's work to it. */
export const frontFolders = ["cli", "web", "jobs"] as const;

/** What a stage may never import. */
const forbiddenForStages = ["store", "cli", "web", "pipeline", "jobs"];

export type Rule = "stage-imports-outside" | "model-imports" | "wiring-outside-pipeline" | "stage-internals";

export type Violation = { rule: Rule; from: string; to: string; message: string };

export type ImportEdge = { from: string; to: string };

/** The top folder under src/ of a path such as "src/ingest/feed/parse-feed.ts", or null for src/errors.ts. */
export function folderOf(path: string): string | null {
  const parts = path.split("/");
  return parts[0] === "src" && parts.length > 2 ? (parts[1] as string) : null;
}

const isStage = (folder: string | null) => folder !== null && (stageFolders as readonly string[]).includes(folder);

/** The relative module specifiers of a TypeScript file: static imports and re-exports, `import()` and `import type`. */
export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1] as string);
  return [...found].filter((s) => s.startsWith("."));
}

/** Every import edge between files of src/, from the text of each file (keys are paths such as "src/cli/main.ts"). */
export function importEdges(files: Map<string, string>): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [from, source] of files) {
    for (const specifier of importSpecifiers(source)) {
      const to = normalize(join(dirname(from), specifier))
        .split("\\")
        .join("/");
      if (to.startsWith("src/")) edges.push({ from, to });
    }
  }
  return edges;
}

/**
 * The rules: a stage never imports store/, cli/, web/, pipeline/ or jobs/; model/ imports nothing but model/; only
 * pipeline/ imports both a stage and store/ (wiring one to the other); a stage is entered only through its index.ts
 * from anywhere outside it. Tests (`*.test.ts`) are exempt: they may reach into what they test.
 */
export function checkEdges(edges: ImportEdge[]): Violation[] {
  const violations: Violation[] = [];
  const wiring = new Map<string, { stage?: string; store?: string }>();
  for (const { from, to } of edges) {
    if (from.endsWith(".test.ts")) continue;
    const source = folderOf(from);
    const target = folderOf(to);
    if (source === target) continue;
    if (isStage(source) && target !== null && forbiddenForStages.includes(target)) {
      violations.push({ rule: "stage-imports-outside", from, to, message: `the ${source} stage imports ${target}/` });
    }
    if (source === "model" && target !== "model") {
      violations.push({ rule: "model-imports", from, to, message: "model/ imports only model/" });
    }
    if (isStage(target) && to !== `src/${target}/index.ts`) {
      violations.push({
        rule: "stage-internals",
        from,
        to,
        message: `enters the ${target} stage past its index.ts`,
      });
    }
    if (source !== "pipeline" && !isStage(source)) {
      const seen = wiring.get(from) ?? {};
      if (isStage(target)) seen.stage ??= to;
      if (target === "store") seen.store ??= to;
      wiring.set(from, seen);
    }
  }
  for (const [from, seen] of wiring) {
    if (seen.stage && seen.store && folderOf(from) !== "store") {
      violations.push({
        rule: "wiring-outside-pipeline",
        from,
        to: seen.stage,
        message: `imports a stage (${seen.stage}) and the store (${seen.store}): only pipeline/ wires the two`,
      });
    }
    if (seen.stage && folderOf(from) === "store") {
      violations.push({ rule: "wiring-outside-pipeline", from, to: seen.stage, message: "the store imports a stage" });
    }
  }
  return violations;
}

/** A known violation kept on purpose until the named issue removes it. */
export type Allowed = { rule: Rule; from: string; to?: string; issue: number };

/** Splits violations into those the allow-list names and the new ones; also returns entries that no longer match. */
export function applyAllowList(
  violations: Violation[],
  allowed: Allowed[],
): { fresh: Violation[]; known: Violation[]; stale: Allowed[] } {
  const matches = (a: Allowed, v: Violation) => a.rule === v.rule && a.from === v.from && (!a.to || a.to === v.to);
  const fresh = violations.filter((v) => !allowed.some((a) => matches(a, v)));
  const known = violations.filter((v) => allowed.some((a) => matches(a, v)));
  const stale = allowed.filter((a) => !violations.some((v) => matches(a, v)));
  return { fresh, known, stale };
}
