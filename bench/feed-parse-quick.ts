/**
 * Quick check of parseFeed's cost against raw feedsmith.parseFeed on the same documents (the gofeed test inputs,
 * plus a generated feed with realistic HTML items). Prints the time ratio; the target is ≤ 1.3×.
 *
 *   npx tsx bench/feed-parse-quick.ts [scale]   (scale multiplies the rounds; default 1)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseFeed as feedsmithParse } from "feedsmith";
import { parseFeed } from "../src/ingest/feed/parse-feed.ts";

const root = resolve(import.meta.dirname, "../../shared/data/gofeed/testdata");
const scale = Number(process.argv[2] ?? 1);

function inputs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".xml")) out.push(readFileSync(path, "utf8"));
    }
  };
  if (existsSync(root)) walk(root);
  return out.filter((text) => {
    try {
      feedsmithParse(text);
      return true;
    } catch {
      return false;
    }
  });
}

/** A WordPress-style RSS 2.0 feed: short description, full content:encoded with the markup such sites produce. */
function realistic(items: number): string {
  const body = (i: number) =>
    `<p class="has-drop-cap">Paragraph ${i} with <a href="/post/${i}" rel="noopener" target="_blank">a link</a>, ` +
    `<em>emphasis</em> &amp; <strong>strong</strong> text &#8212; and more.</p>` +
    `<figure class="wp-block-image size-large"><img loading="lazy" width="1024" height="576" ` +
    `src="https://cdn.example.com/${i}.png" alt="Chart ${i}" srcset="https://cdn.example.com/${i}-300.png 300w, ` +
    `https://cdn.example.com/${i}-768.png 768w" sizes="(max-width: 1024px) 100vw, 1024px" />` +
    `<figcaption>Figure ${i}</figcaption></figure>` +
    `<p>${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(12)}</p>` +
    `<h2 id="section-${i}">Section</h2><ul><li>one</li><li>two &amp; three</li></ul>` +
    `<blockquote class="wp-block-quote"><p>Quote ${i}</p><cite>Someone</cite></blockquote>` +
    `<p>${"Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ".repeat(10)}</p>`;
  const entries = Array.from(
    { length: items },
    (_, i) => `<item><title>Item ${i} &#8211; the &amp; news</title><link>https://example.com/post/${i}/</link>
<guid isPermaLink="false">https://example.com/?p=${1000 + i}</guid><pubDate>Mon, 0${(i % 9) + 1} Dec 2025 09:05:00 +0000</pubDate>
<dc:creator><![CDATA[Author ${i}]]></dc:creator><category><![CDATA[AI]]></category><category><![CDATA[Chips]]></category>
<description><![CDATA[<p>Summary of item ${i} with a few words about it [&#8230;]</p>]]></description>
<content:encoded><![CDATA[${body(i)}]]></content:encoded></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Bench</title><link>https://example.com/</link><description>Bench feed</description>
<lastBuildDate>Mon, 01 Dec 2025 09:05:00 +0000</lastBuildDate>${entries.join("\n")}</channel></rss>`;
}

/** CPU milliseconds (this process's, so that other load on the machine counts less) for `rounds` passes. */
function time(docs: string[], rounds: number, run: (doc: string) => unknown): number {
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r += 1) for (const doc of docs) run(doc);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const sets: Array<[string, string[], number]> = [
  ["gofeed inputs", inputs(), 3],
  ["generated WordPress-style 20-item feed", [realistic(20)], 100],
];
for (const [name, docs, baseRounds] of sets) {
  const rounds = Math.max(1, Math.round(baseRounds * scale));
  for (const doc of docs) {
    feedsmithParse(doc);
    parseFeed(doc);
  }
  // Alternate the two in short trials and compare medians: other load on the machine hits both alike.
  const theirs: number[] = [];
  const ours: number[] = [];
  for (let trial = 0; trial < 15; trial += 1) {
    theirs.push(time(docs, rounds, (doc) => feedsmithParse(doc)));
    ours.push(time(docs, rounds, (doc) => parseFeed(doc)));
  }
  const [base, own] = [median(theirs), median(ours)];
  console.log(`${name} (${docs.length} documents × ${rounds} rounds, median of 15 trials)`);
  console.log(`  feedsmith.parseFeed ${base.toFixed(1).padStart(8)} ms`);
  console.log(`  parseFeed           ${own.toFixed(1).padStart(8)} ms   ratio ${(own / base).toFixed(2)}×`);
}
