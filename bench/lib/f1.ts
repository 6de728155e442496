import { random } from "./random.ts";

/** Snippet counts for one page: a "with" snippet found is a true positive, a "without" one a false positive. */
export type Counts = { tp: number; fn: number; fp: number };

export type F1 = { precision: number; recall: number; f1: number };

export function f1Of(pages: Counts[]): F1 {
  const sum = (key: keyof Counts) => pages.reduce((total, page) => total + page[key], 0);
  const tp = sum("tp");
  const precision = tp / (tp + sum("fp") || 1);
  const recall = tp / (tp + sum("fn") || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

/**
 * A 95% interval for F1(a) − F1(b), resampling pages with replacement (paired: the same pages for both), so a
 * difference carried by one or two pages shows up as an interval that reaches zero.
 */
export function bootstrapF1Delta(a: Counts[], b: Counts[], resamples = 2000): { low: number; high: number } {
  const next = random(7);
  const deltas: number[] = [];
  for (let r = 0; r < resamples; r += 1) {
    const picks = a.map(() => Math.floor(next() * a.length));
    deltas.push(f1Of(picks.map((i) => a[i] as Counts)).f1 - f1Of(picks.map((i) => b[i] as Counts)).f1);
  }
  deltas.sort((x, y) => x - y);
  return { low: deltas[Math.floor(resamples * 0.025)] ?? 0, high: deltas[Math.floor(resamples * 0.975)] ?? 0 };
}
