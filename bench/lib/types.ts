/** What every benchmark module exports, and what the runner prints (tables) or serialises (`--json`). */
export type BenchOptions = {
  /** A smoke run: smaller inputs, shorter time budgets; numbers are indicative only. */
  quick: boolean;
};

export type Table = {
  title: string;
  /** The named baseline the ratios in this table are measured against. */
  baseline: string;
  columns: string[];
  rows: string[][];
};

/** One published target: the measured value, the target in words, and whether it was met (null: informational). */
export type Check = {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  target: string;
  pass: boolean | null;
};

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type BenchResult = {
  name: string;
  title: string;
  tables: Table[];
  checks: Check[];
  notes: string[];
  /** Raw numbers (milliseconds, counts, bytes) for `--json`. */
  metrics: { [key: string]: JsonValue };
};

export type BenchModule = {
  name: string;
  title: string;
  run(options: BenchOptions): Promise<BenchResult>;
};
