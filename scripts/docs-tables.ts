/**
 * Prints the reference tables of docs/config.md and docs/errors.md from the code, so the docs can be refreshed
 * after adding a key or an error code: `npx tsx scripts/docs-tables.ts --write`. A test compares them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { configSchema, keyTable } from "../src/config/schema.ts";
import { errorCatalog, type HintVariant, hintVariants } from "../src/errors.ts";

export function configTable(): string {
  const defaults = configSchema.parse({}) as unknown as Record<string, unknown>;
  const rows = Object.entries(keyTable).map(([key, info]) => {
    const value = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], defaults);
    const shown = info.secret ? "(secret, unset)" : value === undefined ? "(unset)" : `\`${JSON.stringify(value)}\``;
    return `| \`${key}\` | \`${info.env}\` | ${shown} | ${info.doc.replace(/\|/g, "\\|")} |`;
  });
  return ["| key | variable | default | meaning |", "|---|---|---|---|", ...rows].join("\n");
}

/** One row per code: its exit status, its hint, then each variant of the hint with where it applies. */
export function errorTable(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = Object.entries(errorCatalog).map(([code, entry]) => {
    const variants = Object.entries(("variants" in entry ? entry.variants : {}) as Record<HintVariant, string>).map(
      ([variant, text]) => `<br>*${hintVariants[variant as HintVariant]}:* ${cell(text)}`,
    );
    return `| \`${code}\` | ${entry.exit} | ${cell(entry.hint)}${variants.join("")} |`;
  });
  return ["| code | exit status | what to do |", "|---|---|---|", ...rows].join("\n");
}

/** Replaces the generated table between `<!-- name:start -->` and `<!-- name:end -->` in a Markdown file. */
export function spliceTable(markdown: string, name: string, table: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`markers for ${name} not found`);
  return `${markdown.slice(0, from + start.length)}\n${table}\n${markdown.slice(to)}`;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes("--write")) {
  for (const [file, name, table] of [
    ["docs/config.md", "keys", configTable()],
    ["docs/errors.md", "codes", errorTable()],
  ] as const) {
    writeFileSync(file, spliceTable(readFileSync(file, "utf8"), name, table));
  }
}
