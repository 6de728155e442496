import { DaybriefError, toDaybriefError } from "../errors.ts";

const useColor = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const wrap = (code: number, reset: number) => (text: string) =>
  useColor() ? `\u001b[${code}m${text}\u001b[${reset}m` : text;
export const color = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};

/** Prints rows as an aligned table for people. */
export function printTable(
  headers: string[],
  rows: Array<Array<string | number | null>>,
  out: NodeJS.WritableStream = process.stdout,
): void {
  const cells = rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell))));
  const widths = headers.map((h, i) =>
    Math.min(60, Math.max(h.length, ...cells.map((row) => visible(row[i] ?? "").length))),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => pad(truncate(cell, widths[i] ?? 10), widths[i] ?? 10))
      .join("  ")
      .trimEnd();
  out.write(`${color.bold(line(headers))}\n`);
  for (const row of cells) out.write(`${line(row)}\n`);
}

function visible(text: string): string {
  return text.replace(/\u001b\[\d+m/g, "");
}

function truncate(text: string, width: number): string {
  return visible(text).length > width ? `${visible(text).slice(0, width - 1)}…` : text;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visible(text).length));
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Tells a person what went wrong and what to do; returns the exit code. */
export function reportError(thrown: unknown, json = false): number {
  const error = thrown instanceof DaybriefError ? thrown : toDaybriefError(thrown);
  if (json) {
    process.stderr.write(`${JSON.stringify({ error: error.toJSON() })}\n`);
  } else {
    process.stderr.write(`${color.red(`error ${error.code}`)}: ${error.message}\n  ${color.dim(error.hint)}\n`);
    if (error.code === "E_INTERNAL" && error.cause instanceof Error && error.cause.stack) {
      process.stderr.write(`${color.dim(error.cause.stack)}\n`);
    }
  }
  return error.exitCode;
}

export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return "never";
  const diff = (Date.parse(iso) - now) / 1000;
  const abs = Math.abs(diff);
  const [value, unit] =
    abs < 90 ? [abs, "s"] : abs < 5400 ? [abs / 60, "min"] : abs < 129600 ? [abs / 3600, "h"] : [abs / 86400, "d"];
  const text = `${Math.round(value)} ${unit}`;
  return diff < 0 ? `${text} ago` : `in ${text}`;
}
