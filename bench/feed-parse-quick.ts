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

function realistic(items: number): string {
  const body = (i: number) =>
    `<p>Paragraph ${i} with <a href="/post/${i}">a link</a>, <em>emphasis</em> &amp; an image:</p>` +
    `<img src="https://cdn.example.com/${i}.png" alt="x" width="600"><p>${"Lorem ipsum dolor sit amet. ".repeat(40)}</p>` +
    `<ul><li>one</li><li>two</li></ul><blockquote>Quote ${i}</blockquote>`;
  const entries = Array.from(
    { length: items },
    (_, i) => `<item><title>Item ${i} &amp; more</title><link>https://example.com/post/${i}</link>
<guid isPermaLink="true">https://example.com/post/${i}</guid><pubDate>Mon, 0${(i % 9) + 1} Dec 2025 09:05:00 +0000</pubDate>
<dc:creator>Author ${i}</dc:creator><category>AI</category><category>Chips</category>
<description><![CDATA[${body(i).slice(0, 300)}]]></description><content:encoded><![CDATA[${body(i)}]]></content:encoded></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Bench</title><link>https://example.com/</link><description>Bench feed</description>${entries.join("\n")}</channel></rss>`;
}

/** Milliseconds for `rounds` passes over the documents. */
function time(docs: string[], rounds: number, run: (doc: string) => unknown): number {
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r += 1) for (const doc of docs) run(doc);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const sets: Array<[string, string[], number]> = [
  ["gofeed inputs", inputs(), 3],
  ["generated 50-item feed", [realistic(50)], 60],
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
