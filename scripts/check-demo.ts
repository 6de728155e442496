// Validates the demo corpus and the built site.
//   npx tsx scripts/check-demo.ts [--content-dir DIR] [--site DIR] [--no-site]
// Content: required fields, unique slugs, event ids from demo/EVENTS.md, syndicated_from targets, dates within
// 2025-12-01..2025-12-04 UTC, body word counts per source kind, podcast enclosures.
// Site: every file named in demo/site/_routes.json exists, every feed is routed, no absolute http(s) links
// in href/src attributes (the __ORIGIN__ contract).
// Prints a summary table and exits 1 when there is any error (warnings do not fail).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, loadEventIds } from "./demo-lib/load.ts";
import { wordCount } from "./demo-lib/text.ts";
import type { Item, Problem, SourceContent, SourceKind } from "./demo-lib/types.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WINDOW_START = Date.parse("2025-12-01T00:00:00Z");
const WINDOW_END = Date.parse("2025-12-04T23:59:59Z");

/** Body word-count ranges: news 100–450 (wire copy runs short), press releases 80–300, arXiv abstracts 120–250. */
const WORDS: Record<SourceKind, [number, number]> = {
  news: [100, 450],
  blog: [150, 450],
  company: [80, 450],
  press: [80, 300],
  arxiv: [120, 250],
  podcast: [50, 450],
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function checkDates(it: Item, where: string, out: Problem[]): void {
  const p = Date.parse(it.published);
  if (Number.isNaN(p)) {
    out.push({ where, message: `published "${it.published}" is not a date`, level: "error" });
    return;
  }
  if (!it.published.endsWith("Z"))
    out.push({ where, message: `published "${it.published}" is not UTC ("Z")`, level: "warning" });
  if (p < WINDOW_START || p > WINDOW_END)
    out.push({ where, message: `published ${it.published} outside 2025-12-01..2025-12-04 UTC`, level: "error" });
  if (it.updated === undefined) return;
  const u = Date.parse(it.updated);
  if (Number.isNaN(u)) out.push({ where, message: `updated "${it.updated}" is not a date`, level: "error" });
  else if (u < p) out.push({ where, message: "updated is before published", level: "error" });
  else if (u > WINDOW_END) out.push({ where, message: `updated ${it.updated} after 2025-12-04`, level: "warning" });
}

function checkContent(
  root: string,
  contentDir: string | undefined,
): { contents: SourceContent[]; problems: Problem[]; events: Set<string> } {
  const corpus = loadCorpus(root, contentDir);
  const problems = [...corpus.problems];
  const events = loadEventIds(root);
  const byKey = new Map<string, { item: Item; kind: SourceKind }>();
  for (const c of corpus.contents)
    for (const it of c.items) byKey.set(`${c.source.id}/${it.slug}`, { item: it, kind: c.source.kind });

  for (const { source, items, file } of corpus.contents) {
    if (file === undefined) {
      problems.push({ where: source.id, message: `no content file demo/content/${source.id}.yaml`, level: "error" });
      continue;
    }
    if (items.length === 0) problems.push({ where: file, message: "no valid items", level: "error" });
    const slugs = new Set<string>();
    for (const it of items) {
      const where = `${file} ${it.slug}`;
      if (slugs.has(it.slug)) problems.push({ where, message: "duplicate slug", level: "error" });
      slugs.add(it.slug);
      if (it.event !== "none" && !events.has(it.event))
        problems.push({ where, message: `event "${it.event}" is not in demo/EVENTS.md`, level: "error" });
      checkDates(it, where, problems);

      let [min, max] = WORDS[source.kind];
      if (it.syndicatedFrom !== undefined) {
        const target = byKey.get(it.syndicatedFrom);
        if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(it.syndicatedFrom))
          problems.push({
            where,
            message: `syndicated_from "${it.syndicatedFrom}" is not "<source>/<slug>"`,
            level: "error",
          });
        else if (target === undefined)
          problems.push({
            where,
            message: `syndicated_from target ${it.syndicatedFrom} does not exist`,
            level: "error",
          });
        else if (it.syndicatedFrom === `${source.id}/${it.slug}`)
          problems.push({ where, message: "syndicated_from points at itself", level: "error" });
        else {
          const [tmin, tmax] = WORDS[target.kind];
          min = Math.min(min, tmin);
          max = Math.max(max, tmax);
          if (Date.parse(target.item.published) > Date.parse(it.published))
            problems.push({ where, message: "published before the item it syndicates", level: "warning" });
          if (target.item.event !== it.event)
            problems.push({
              where,
              message: `event differs from syndicated original (${target.item.event})`,
              level: "warning",
            });
        }
      }
      const words = wordCount(it.body);
      if (words < min || words > max)
        problems.push({
          where,
          message: `body has ${words} words (expected ${min}–${max} for ${source.kind})`,
          level: "error",
        });
      if (wordCount(it.summary) > 70)
        problems.push({ where, message: "summary longer than 70 words", level: "warning" });
      if (source.kind === "podcast" && it.enclosure === undefined)
        problems.push({ where, message: "podcast item without enclosure", level: "error" });
      if (it.enclosure !== undefined && !/^\d{1,2}:\d{2}:\d{2}$/.test(it.enclosure.duration))
        problems.push({
          where,
          message: `enclosure duration "${it.enclosure.duration}" is not HH:MM:SS`,
          level: "error",
        });
      if (source.kind !== "podcast" && it.enclosure !== undefined)
        problems.push({ where, message: "enclosure on a non-podcast item", level: "warning" });
      if (it.categories.length === 0) problems.push({ where, message: "no categories", level: "warning" });
      if (/<[a-z][^>]*>/i.test(it.body)) problems.push({ where, message: "body contains raw HTML", level: "warning" });
    }
  }
  return { contents: corpus.contents, problems, events };
}

interface RouteEntry {
  file: string;
  type: string;
}

function checkSite(siteDir: string, contents: SourceContent[]): Problem[] {
  const problems: Problem[] = [];
  const routesFile = join(siteDir, "_routes.json");
  if (!existsSync(routesFile)) {
    problems.push({ where: routesFile, message: "missing (run: npx tsx scripts/build-demo.ts)", level: "error" });
    return problems;
  }
  const routes = JSON.parse(readFileSync(routesFile, "utf8")) as Record<string, RouteEntry>;
  for (const [url, r] of Object.entries(routes)) {
    const file = join(siteDir, r.file);
    if (!existsSync(file)) {
      problems.push({ where: url, message: `file ${r.file} does not exist`, level: "error" });
      continue;
    }
    // Text has a charset; binary images (the PNG lead images) have none to declare.
    if (!/charset=/.test(r.type) && !/^image\/(png|jpeg|gif|webp)$/.test(r.type))
      problems.push({ where: url, message: `type "${r.type}" has no charset`, level: "error" });
    if (r.type.startsWith("image/")) continue;
    const text = readFileSync(file, "latin1");
    const abs = /(?:href|src|url)="https?:\/\/[^"]*"/.exec(text);
    if (abs !== null)
      problems.push({ where: url, message: `absolute link ${abs[0]} (use __ORIGIN__)`, level: "error" });
  }
  for (const c of contents)
    if (routes[c.source.path] === undefined)
      problems.push({ where: c.source.id, message: `feed ${c.source.path} not routed`, level: "error" });
  return problems;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function main(): void {
  const { contents, problems, events } = checkContent(REPO, arg("--content-dir"));
  if (!process.argv.includes("--no-site"))
    problems.push(...checkSite(resolve(arg("--site") ?? join(REPO, "demo/site")), contents));

  const rows: string[][] = [["source", "format", "items", "none", "synd", "events covered"]];
  const covered = new Map<string, number>();
  for (const { source, items } of contents) {
    const ids = [...new Set(items.map((i) => i.event).filter((e) => e !== "none"))].sort();
    for (const id of ids) covered.set(id, (covered.get(id) ?? 0) + 1);
    rows.push([
      source.id,
      source.format,
      String(items.length),
      String(items.filter((i) => i.event === "none").length),
      String(items.filter((i) => i.syndicatedFrom !== undefined).length),
      `${ids.length}: ${ids.join(", ")}`,
    ]);
  }
  const total = contents.reduce((n, c) => n + c.items.length, 0);
  rows.push(["TOTAL", "", String(total), "", "", `${covered.size} of ${events.size} events`]);
  console.log(table(rows));
  const uncovered = [...events].filter((e) => !covered.has(e));
  const thin = [...covered].filter(([, n]) => n < 2).map(([e]) => e);
  if (uncovered.length > 0) console.log(`\nevents with no item: ${uncovered.join(", ")}`);
  if (thin.length > 0) console.log(`events covered by only one source: ${thin.join(", ")}`);

  const errors = problems.filter((p) => p.level === "error");
  const warnings = problems.filter((p) => p.level === "warning");
  if (problems.length > 0) console.log("");
  for (const p of [...errors, ...warnings]) console.log(`${p.level.toUpperCase()} ${p.where}: ${p.message}`);
  console.log(`\n${errors.length} error(s), ${warnings.length} warning(s)`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main();
