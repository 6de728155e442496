import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The trafilatura evaluation set: pages plus snippets the main text must and must not contain. */
export const evalRoot = join(import.meta.dirname, "..", "..", "shared", "data", "trafilatura-eval", "tests");

export type EvalCase = { url: string; file: string; html: string; with: string[]; without: string[] };

export function loadEvalCases(): EvalCase[] {
  const indexPath = join(evalRoot, "evaldata-cache.json");
  if (!existsSync(indexPath)) return [];
  const index = JSON.parse(readFileSync(indexPath, "utf8")) as Record<
    string,
    { file: string; with?: string[]; without?: string[] }
  >;
  const cases: EvalCase[] = [];
  for (const [url, entry] of Object.entries(index)) {
    const path = join(evalRoot, "cache", entry.file);
    if (!existsSync(path)) continue;
    cases.push({
      url,
      file: entry.file,
      html: readFileSync(path, "utf8"),
      with: entry.with ?? [],
      without: entry.without ?? [],
    });
  }
  return cases;
}

export type Score = { tp: number; fn: number; fp: number; tn: number; precision: number; recall: number; f1: number };

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** Snippet scoring as trafilatura's evaluation does it: a "with" found is a true positive, a "without" found a false positive. */
export function scoreExtraction(cases: EvalCase[], extract: (c: EvalCase) => string): Score {
  let tp = 0,
    fn = 0,
    fp = 0,
    tn = 0;
  for (const c of cases) {
    let text = "";
    try {
      text = norm(extract(c));
    } catch {
      text = "";
    }
    for (const s of c.with) text.includes(norm(s)) ? tp++ : fn++;
    for (const s of c.without) text.includes(norm(s)) ? fp++ : tn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { tp, fn, fp, tn, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}
