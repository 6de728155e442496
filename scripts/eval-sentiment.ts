/**
 * Scores financial-news sentiment on a labelled file: `npx tsx scripts/eval-sentiment.ts FILE`, FILE holding JSON
 * Lines `{"text": …, "label": "positive" | "neutral" | "negative", "entity"?: …}`. Prints accuracy and the
 * confusion matrix (rows: the label, columns: the prediction) of the tone `daybrief analyze` gives each text.
 *
 * `--split` scores the file's two fixed parts apart: "fit" (about 70%, the part rules and words may be developed
 * on) and "check" (about 30%, chosen by a hash of the text; never read while developing). `--errors` lists the
 * fit part's mistakes (never the check part's). `--cv K` cross-validates the one fitted number, the neutral band
 * (the threshold on the score): fitted on K−1 folds, scored on the fold left out.
 */
import { readFileSync } from "node:fs";
import { DaybriefError } from "../src/errors.ts";
import type { SentimentLabel } from "../src/model/entity.ts";
import { analyzeText } from "../src/stories/index.ts";

/** Which part of a labelled file a text belongs to: a stable hash, so the parts never change between runs. */
export function partOf(text: string): "fit" | "check" {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash % 10 < 3 ? "check" : "fit";
}

const labelAt = (score: number, threshold: number): SentimentLabel =>
  score >= threshold ? "positive" : score <= -threshold ? "negative" : "neutral";

/** K-fold cross-validation of the neutral band: the mean held-out accuracy and the thresholds each fold chose. */
export function crossValidate(rows: (Labelled & { score: number })[], k: number) {
  const grid = Array.from({ length: 30 }, (_, i) => 0.05 + i * 0.025);
  const accuracyAt = (part: typeof rows, t: number) =>
    part.filter((r) => labelAt(r.score, t) === r.label).length / Math.max(1, part.length);
  let right = 0;
  const chosen: number[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const train = rows.filter((_, i) => i % k !== fold);
    const test = rows.filter((_, i) => i % k === fold);
    const best = grid.reduce((a, t) => (accuracyAt(train, t) > accuracyAt(train, a) ? t : a), grid[0] as number);
    chosen.push(best);
    right += test.filter((r) => labelAt(r.score, best) === r.label).length;
  }
  return { accuracy: right / Math.max(1, rows.length), chosen };
}

const labels: SentimentLabel[] = ["positive", "neutral", "negative"];

export type Labelled = { text: string; label: SentimentLabel };

export function loadSentiment(path: string): Labelled[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new DaybriefError("E_USAGE", `Cannot read ${path}: ${(error as Error).message}`);
  }
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      let row: { text?: unknown; label?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        throw new DaybriefError("E_USAGE", `Line ${n} of ${path} is not JSON.`);
      }
      const label = String(row.label ?? "").toLowerCase() as SentimentLabel;
      if (typeof row.text !== "string" || !labels.includes(label))
        throw new DaybriefError(
          "E_USAGE",
          `Line ${n} of ${path} needs a string "text" and a label of ${labels.join(", ")}.`,
        );
      return { text: row.text, label };
    });
}

export function confusion(rows: Labelled[], predict: (text: string) => SentimentLabel) {
  const matrix = new Map(labels.map((l) => [l, new Map(labels.map((m) => [m, 0]))]));
  let right = 0;
  for (const row of rows) {
    const predicted = predict(row.text);
    if (predicted === row.label) right += 1;
    const line = matrix.get(row.label) as Map<SentimentLabel, number>;
    line.set(predicted, (line.get(predicted) ?? 0) + 1);
  }
  return { accuracy: rows.length ? right / rows.length : 0, matrix };
}

function main(): void {
  const path = process.argv.slice(2).find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  if (!path) throw new DaybriefError("E_USAGE", "usage: eval-sentiment.ts FILE [--split] [--errors] [--cv K]");
  const all = loadSentiment(path);
  const predict = (text: string) => analyzeText(text, { fast: true }).sentiment.label;
  const out: string[] = [];
  if (process.argv.includes("--split")) {
    for (const part of ["fit", "check"] as const) {
      const rows = all.filter((r) => partOf(r.text) === part);
      out.push(`${part} part: ${rows.length} sentences, accuracy ${confusion(rows, predict).accuracy.toFixed(3)}`);
    }
  }
  if (process.argv.includes("--errors"))
    for (const row of all.filter((r) => partOf(r.text) === "fit")) {
      const got = analyzeText(row.text, { fast: true }).sentiment;
      if (got.label !== row.label) out.push(`  ${row.label} → ${got.label} (${got.score}): ${row.text}`);
    }
  const cvAt = process.argv.indexOf("--cv");
  if (cvAt > 0) {
    const k = Number(process.argv[cvAt + 1] ?? 5);
    const scored = all.map((r) => ({ ...r, score: analyzeText(r.text, { fast: true }).sentiment.score }));
    const { accuracy, chosen } = crossValidate(scored, k);
    out.push(`${k}-fold CV of the neutral band: accuracy ${accuracy.toFixed(3)}, thresholds ${chosen.join(", ")}`);
  }
  const rows = all;
  const { accuracy, matrix } = confusion(rows, predict);
  out.push(
    `${rows.length} sentences, accuracy ${accuracy.toFixed(3)}`,
    `${"label \\ predicted".padEnd(20)}${labels.map((l) => l.padStart(10)).join("")}`,
  );
  for (const label of labels)
    out.push(`${label.padEnd(20)}${labels.map((l) => String(matrix.get(label)?.get(l) ?? 0).padStart(10)).join("")}`);
  process.stdout.write(`${out.join("\n")}\n`);
}

if (process.argv[1]?.endsWith("eval-sentiment.ts")) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
