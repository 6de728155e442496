/**
 * `npm test` step: checks the import rules of DESIGN.md (scripts/import-rules.ts) over every file of src/ and fails
 * on any violation the allow-list (scripts/import-allow.ts) does not name. `--list` prints every violation found,
 * allowed or not, as allow-list entries.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { importAllowList } from "./import-allow.ts";
import { applyAllowList, checkEdges, importEdges } from "./import-rules.ts";

const root = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Reads src/ and returns its violations, split by the allow-list. */
export function checkSourceTree(): ReturnType<typeof applyAllowList> {
  const files = new Map(
    sourceFiles(join(root, "src")).map((path) => [
      relative(root, path).split("\\").join("/"),
      readFileSync(path, "utf8"),
    ]),
  );
  return applyAllowList(checkEdges(importEdges(files)), importAllowList);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { fresh, known, stale } = checkSourceTree();
  if (process.argv.includes("--list")) {
    for (const v of [...fresh, ...known]) console.log(JSON.stringify({ rule: v.rule, from: v.from, to: v.to }));
  }
  for (const v of fresh) console.error(`import rule broken: ${v.from} → ${v.to}: ${v.message} (see DESIGN.md)`);
  for (const a of stale)
    console.error(`allow-list entry no longer needed, remove it: ${a.rule} ${a.from} ${a.to ?? ""}`);
  console.log(
    `imports: ${fresh.length} new violations, ${known.length} known ones (allow-listed), ${stale.length} stale entries`,
  );
  process.exit(fresh.length ? 1 : 0);
}
