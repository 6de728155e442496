import type { Check, Table } from "./types.ts";

export const ms = (value: number): string =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
export const ratio = (value: number): string => `${value.toFixed(2)}×`;
export const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const rate = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
export const verdict = (pass: boolean | null): string => (pass === null ? "info" : pass ? "PASS" : "MISS");

/** Left-aligns the first column, right-aligns the others. */
export function renderTable(table: Table): string {
  const all = [table.columns, ...table.rows];
  const widths = table.columns.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [`${table.title}`, `  baseline: ${table.baseline}`, `  ${line(table.columns)}`, `  ${rule}`]
    .concat(table.rows.map((row) => `  ${line(row)}`))
    .join("\n");
}

export function renderChecks(checks: Check[]): string {
  const table: Table = {
    title: "Targets",
    baseline: "as named in each line",
    columns: ["check", "measured", "target", "result"],
    rows: checks.map((c) => [
      c.label,
      c.value === null
        ? "n/a"
        : `${c.unit === "×" ? c.value.toFixed(2) : Number.isInteger(c.value) ? c.value : c.value.toFixed(3)}${c.unit}`,
      c.target,
      verdict(c.pass),
    ]),
  };
  return renderTable(table);
}
