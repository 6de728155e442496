// Builds the static demo site (demo/site/) from demo/sources.yaml and demo/content/*.yaml.
//   npx tsx scripts/build-demo.ts [--content-dir DIR] [--out DIR]
// Output: one feed per source (its own format and charset), one article page per item, SVG placeholders,
// an index page, and demo/site/_routes.json mapping every served URL path to {file, type}.
// Every absolute URL is written with the literal placeholder __ORIGIN__. Output is deterministic.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareIso, instant } from "./demo-lib/dates.ts";
import { type Corpus, loadCorpus } from "./demo-lib/load.ts";
import { placeholderPng } from "./demo-lib/png.ts";
import { PROFILES } from "./demo-lib/profiles.ts";
import { type Entry, type FeedContext, type LinkRef, ORIGIN, type PageContext, type Profile } from "./demo-lib/site.ts";
import { placeholderSvg } from "./demo-lib/svg.ts";
import { bodyBlocks, encodeDocument, escAttr, escText, inline, shuffled } from "./demo-lib/text.ts";
import type { Item, SourceDef } from "./demo-lib/types.ts";
import { makeComments } from "./demo-templates/shared.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface Route {
  file: string;
  type: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const FEED_EXT: Record<string, string> = { jsonfeed1: "json", jsonfeed11: "json" };
const KNOWN_EXT = /\.(html?|shtml|xml|rss|atom|rdf|json|svg|png)$/;

/** Served URL path → file under demo/site. */
export function fileFor(urlPath: string, defaultExt: string): string {
  const rel = urlPath.replace(/^\//, "");
  if (rel === "" || rel.endsWith("/")) return `${rel}index.${defaultExt}`;
  return KNOWN_EXT.test(rel) ? rel : `${rel}.${defaultExt}`;
}

class SiteWriter {
  readonly routes: Record<string, Route> = {};
  constructor(readonly dir: string) {}

  write(urlPath: string, file: string, type: string, data: Buffer | string): void {
    if (this.routes[urlPath] !== undefined) throw new Error(`duplicate route ${urlPath}`);
    const abs = join(this.dir, file);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, data);
    this.routes[urlPath] = { file, type };
  }

  alias(urlPath: string, target: string): void {
    const r = this.routes[target];
    if (r !== undefined && this.routes[urlPath] === undefined) this.routes[urlPath] = r;
  }

  finish(): void {
    const sorted = Object.fromEntries(Object.entries(this.routes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    writeFileSync(join(this.dir, "_routes.json"), `${JSON.stringify(sorted, null, 2)}\n`);
  }
}

function validDate(iso: string | undefined): boolean {
  if (iso === undefined) return false;
  try {
    instant(iso);
    return true;
  } catch {
    return false;
  }
}

function entriesFor(source: SourceDef, profile: Profile, items: Item[], warn: (m: string) => void): Entry[] {
  const seen = new Set<string>();
  const usable = items.filter((it) => {
    if (!validDate(it.published)) {
      warn(`${source.id}/${it.slug}: unparseable published date, skipped`);
      return false;
    }
    if (seen.has(it.slug)) {
      warn(`${source.id}/${it.slug}: duplicate slug, skipped`);
      return false;
    }
    seen.add(it.slug);
    return true;
  });
  const clean = usable.map((it): Item => {
    if (it.updated === undefined || validDate(it.updated)) return it;
    warn(`${source.id}/${it.slug}: unparseable updated date, ignored`);
    const { updated: _ignored, ...rest } = it;
    return rest;
  });
  clean.sort((a, b) => compareIso(a.published, b.published) || (a.slug < b.slug ? -1 : 1));
  return clean.map((item, seq) => {
    const urlPath = profile.articlePath(item, seq);
    // A PNG, not an SVG: it is the article's og:image, and mail clients show raster images only.
    const imagePath = `/${profile.root}/img/${item.slug}.png`;
    return { source, item, seq, urlPath, url: ORIGIN + urlPath, imagePath, imageUrl: ORIGIN + imagePath };
  });
}

function ref(e: Entry): LinkRef {
  return { title: e.item.title, url: e.url, published: e.item.published };
}

function relatedOf(e: Entry, all: Entry[]): LinkRef[] {
  const t = instant(e.item.published).getTime();
  return all
    .filter((o) => o !== e)
    .sort((a, b) => {
      const ev =
        Number(b.item.event === e.item.event && e.item.event !== "none") -
        Number(a.item.event === e.item.event && e.item.event !== "none");
      if (ev !== 0) return ev;
      return Math.abs(instant(a.item.published).getTime() - t) - Math.abs(instant(b.item.published).getTime() - t);
    })
    .slice(0, 5)
    .map(ref);
}

function popularOf(e: Entry, all: Entry[]): LinkRef[] {
  return shuffled(
    all.filter((o) => o !== e),
    (o) => `popular:${e.item.slug}:${o.item.slug}`,
  )
    .slice(0, 5)
    .map(ref);
}

function indexPage(sources: Array<{ source: SourceDef; profile: Profile; count: number }>): string {
  const rows = sources
    .map(
      ({ source, profile, count }) =>
        `<tr><td><a href="${escAttr(ORIGIN + source.path)}">${escText(source.name)}</a></td><td>${source.kind}</td><td>${source.format}</td><td>${source.charset}</td><td>${count}</td><td><code>/${profile.root}/</code></td></tr>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Daybrief demo sources</title><link rel="canonical" href="${ORIGIN}/"></head>
<body>
<h1>Daybrief demo sources</h1>
<p>Invented outlets publishing our own writing about real AI-industry events of 1–4 December 2025. "Demo rewrite" company sources are not those companies' words. See demo/README.md.</p>
<table><thead><tr><th>Feed</th><th>Kind</th><th>Format</th><th>Charset</th><th>Items</th><th>Site root</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body>
</html>
`;
}

export function buildSite(corpus: Corpus, outDir: string, warn: (m: string) => void): SiteWriter {
  // The output directory is deleted first: refuse anything that contains the repository or the demo sources.
  if (REPO.startsWith(outDir) || join(REPO, "demo").startsWith(outDir) || outDir === join(REPO, "demo/content"))
    throw new Error(`refusing to delete ${outDir}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const site = new SiteWriter(outDir);
  const perSource: Array<{ source: SourceDef; profile: Profile; entries: Entry[] }> = [];
  for (const { source, items } of corpus.contents) {
    const profile = PROFILES[source.id];
    if (profile === undefined) {
      warn(`${source.id}: no profile in scripts/demo-lib/profiles.ts, skipped`);
      continue;
    }
    perSource.push({ source, profile, entries: entriesFor(source, profile, items, warn) });
  }
  const byKey = new Map<string, Entry>();
  for (const s of perSource) for (const e of s.entries) byKey.set(`${s.source.id}/${e.item.slug}`, e);

  for (const { source, profile, entries } of perSource) {
    const siteUrl = `${ORIGIN}/${profile.root}/`;
    const feedUrl = ORIGIN + source.path;
    const newestFirst = [...entries].reverse();
    const lastBuild = entries
      .map((e) => e.item.updated ?? e.item.published)
      .reduce((a, b) => (compareIso(a, b) >= 0 ? a : b), "2025-12-01T00:00:00Z");
    const fctx: FeedContext = { source, profile, entries: newestFirst, siteUrl, feedUrl, lastBuild };
    const feedFile = fileFor(source.path, FEED_EXT[source.format] ?? "xml");
    site.write(source.path, feedFile, profile.feedType, encodeDocument(profile.feed(fctx), source.charset));

    const pageType = `text/html; charset=${profile.pageCharset}`;
    const feedMime = profile.feedType.split(";")[0] ?? "application/xml";
    for (const entry of entries) {
      const it = entry.item;
      let original: PageContext["original"];
      if (it.syndicatedFrom !== undefined) {
        const o = byKey.get(it.syndicatedFrom);
        if (o === undefined) warn(`${source.id}/${it.slug}: syndicated_from ${it.syndicatedFrom} not found`);
        else original = { ...ref(o), siteName: o.source.name };
      }
      const typo = profile.typography;
      const pctx: PageContext = {
        source,
        profile,
        entry,
        item: it,
        siteUrl,
        feedUrl,
        feedMime,
        blocks: bodyBlocks(it.body, typo),
        titleHtml: inline(it.title, typo),
        summaryHtml: inline(it.summary, typo),
        captionHtml: inline(it.imageCaption ?? it.title, typo),
        related: relatedOf(entry, entries),
        popular: popularOf(entry, entries),
        comments: makeComments(`${source.id}/${it.slug}`, it.published),
        lang: profile.lang?.(entry) ?? "en",
      };
      if (original !== undefined) pctx.original = original;
      site.write(
        entry.urlPath,
        fileFor(entry.urlPath, "html"),
        pageType,
        encodeDocument(profile.page(pctx), profile.pageCharset),
      );
      site.write(entry.imagePath, entry.imagePath.slice(1), "image/png", placeholderPng(`${source.id}/${it.slug}`));
    }
    site.write(
      `/${profile.root}/img/logo.svg`,
      `${profile.root}/img/logo.svg`,
      "image/svg+xml; charset=utf-8",
      placeholderSvg(source.name, `${source.id}/logo`, 360, 80),
    );
    if (source.format === "podcast")
      site.write(
        `/${profile.root}/img/cover.svg`,
        `${profile.root}/img/cover.svg`,
        "image/svg+xml; charset=utf-8",
        placeholderSvg("The Gradient Hour", "cover", 600, 600),
      );
    if (source.format === "arxiv") {
      site.write(
        `/${profile.root}/img/arxiv-logo.svg`,
        `${profile.root}/img/arxiv-logo.svg`,
        "image/svg+xml; charset=utf-8",
        placeholderSvg("arXiv (demo)", "arxiv-logo", 360, 80),
      );
      // arXiv also serves the unversioned abstract URL (used by "Cite as" and the canonical link).
      for (const e of entries) site.alias(e.urlPath.replace(/v\d+$/, ""), e.urlPath);
    }
  }
  site.write(
    "/",
    "index.html",
    "text/html; charset=utf-8",
    indexPage(perSource.map((s) => ({ source: s.source, profile: s.profile, count: s.entries.length }))),
  );
  site.finish();
  return site;
}

function main(): void {
  const out = resolve(arg("--out") ?? join(REPO, "demo/site"));
  const corpus = loadCorpus(REPO, arg("--content-dir"));
  const warnings: string[] = corpus.problems.map((p) => `${p.level}: ${p.where}: ${p.message}`);
  const site = buildSite(corpus, out, (m) => warnings.push(`warning: ${m}`));
  const items = corpus.contents.reduce((n, c) => n + c.items.length, 0);
  const empty = corpus.contents.filter((c) => c.items.length === 0).map((c) => c.source.id);
  console.log(
    `demo site: ${corpus.contents.length} sources, ${items} items, ${Object.keys(site.routes).length} routes -> ${out}`,
  );
  if (empty.length > 0) console.log(`sources without items: ${empty.join(", ")}`);
  if (warnings.length > 0) {
    console.log(`${warnings.length} content problem(s) (run scripts/check-demo.ts for details):`);
    for (const w of warnings.slice(0, 20)) console.log(`  ${w}`);
    if (warnings.length > 20) console.log(`  … ${warnings.length - 20} more`);
  }
}

main();
