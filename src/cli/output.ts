import { DaybriefError, toDaybriefError } from "../errors.ts";
import { terminalText } from "../text/controls.ts";

export { plural } from "../text/plural.ts";

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

/**
 * Prints rows as an aligned table for people. Cells hold text from sources (names, titles, error messages), so each
 * is made terminal-safe first: no control character or escape sequence but the colours of `color`, one line.
 */
export function printTable(
  headers: string[],
  rows: Array<Array<string | number | null>>,
  out: NodeJS.WritableStream = process.stdout,
): void {
  const cells = rows.map((row) =>
    row.map((cell) => (cell === null ? "" : terminalText(String(cell), { keepStyle: true }))),
  );
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((row) => widthOf(row[i] ?? "")))));
  const line = (row: string[]) =>
    row
      .map((cell, i) => pad(truncate(cell, widths[i] ?? 10), widths[i] ?? 10))
      .join("  ")
      .trimEnd();
  out.write(`${color.bold(line(headers))}\n`);
  for (const row of cells) out.write(`${line(row)}\n`);
}

/** The text a cell shows: without its colours. Widths count code points, and cells are cut between them. */
function visible(text: string): string {
  return text.replace(/\u001b\[\d*m/g, "");
}

function widthOf(text: string): number {
  let count = 0;
  for (const _ of visible(text)) count += 1;
  return count;
}

function truncate(text: string, width: number): string {
  const chars = [...visible(text)];
  return chars.length > width ? `${chars.slice(0, width - 1).join("")}…` : text;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - widthOf(text)));
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * Tells a person what went wrong and what to do; returns the exit code. Errors reported here ended a command, so
 * the hint is the one for a command run once (nothing is retried later).
 */
export function reportError(thrown: unknown, json = false): number {
  const error = thrown instanceof DaybriefError ? thrown : toDaybriefError(thrown);
  // Messages quote what the input held (a feed's links, a file name, a server's answer).
  const message = terminalText(error.message, { multiline: true });
  if (json) {
    process.stderr.write(`${JSON.stringify({ error: error.toJSON("command") })}\n`);
  } else {
    process.stderr.write(`${color.red(`error ${error.code}`)}: ${message}\n  ${color.dim(error.hintIn("command"))}\n`);
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
