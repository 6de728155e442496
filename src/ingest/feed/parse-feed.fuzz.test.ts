/**
 * Fuzzing parseFeed: random text and mutated real feeds (a sample of gofeed's test inputs, when present, and a few
 * built-in feeds). Whatever the input, parseFeed returns or throws a DaybriefError, quickly, with output no bigger
 * than a small multiple of the input. Each property runs 300 times (a few seconds); set FUZZ_RUNS for more.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutate, mutations } from "../../../test/helpers/mutate.ts";
import { DaybriefError } from "../../errors.ts";
import type { FeedParseResult } from "../../model/feed.ts";
import { parseFeed } from "./parse-feed.ts";

const testdata = resolve(import.meta.dirname, "../../../../shared/data/gofeed/testdata");

const builtIn = [
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T &amp; U</title>
<link>https://e.example.com/</link><item><title>A</title><link>/a</link><guid>https://e.example.com/a</guid>
<pubDate>Mon, 01 Dec 2025 09:05:00 +0100</pubDate><dc:creator>Jo</dc:creator><category>x</category>
<description><![CDATA[<p>Hi <a href="/b">b</a> <img src="i.png"></p>]]></description>
<content:encoded>&lt;p&gt;Full &amp;amp; text&lt;/p&gt;</content:encoded><media:thumbnail url="/t.jpg"/>
<enclosure url="/e.mp3" length="5" type="audio/mpeg"/></item></channel></rss>`,
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example.org/"><title type="html">A &lt;b&gt;</title>
<link href="/"/><updated>2025-12-01T00:00:00Z</updated><entry><id>1</id><title>E</title><link href="e1"/>
<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></summary>
<content type="html">&lt;p&gt;y&lt;/p&gt;</content><author><name>N</name></author></entry></feed>`,
  `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x">
<title>R</title><link>https://r.example/</link></channel><item rdf:about="https://r.example/1"><title>I</title>
<link>https://r.example/1</link></item></rdf:RDF>`,
  JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "J",
    items: [{ id: "1", url: "https://j.example/1", content_html: "<p>x</p>", date_published: "2025-12-01T00:00:00Z" }],
  }),
];

/** Every tenth gofeed input, for variety without slowness. */
function gofeedSample(): string[] {
  if (!existsSync(testdata)) return [];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".xml") || (entry.name.endsWith(".json") && dir.includes("json"))) files.push(path);
    }
  };
  walk(testdata);
  return files.filter((_, i) => i % 10 === 0).map((path) => readFileSync(path, "utf8"));
}

const seeds = [...builtIn, ...gofeedSample()];
/** Runs per property; FUZZ_RUNS=20000 for a long session. */
const runs = Number(process.env.FUZZ_RUNS ?? 300);
const url = "https://fuzz.example.com/feed";

/** Runs parseFeed and checks the contract; returns the result for further checks. */
function check(input: string | Uint8Array): FeedParseResult | null {
  const size = typeof input === "string" ? input.length : input.byteLength;
  let result: FeedParseResult | null = null;
  try {
    result = parseFeed(input, { url });
  } catch (error) {
    if (!(error instanceof DaybriefError)) throw error;
    expect(["E_FEED_PARSE", "E_FEED_NOT_FEED"]).toContain(error.code);
  }
  if (result) {
    expect(result.feed.items.length).toBeLessThanOrEqual(size);
    expect(textSize(result)).toBeLessThanOrEqual(10 * size + 1000);
  }
  return result;
}

/** Characters of text in the result (strings only: the model's own field names are not the input's doing). */
function textSize(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + textSize(v), 0);
  if (value && typeof value === "object") return Object.values(value).reduce((sum: number, v) => sum + textSize(v), 0);
  return 0;
}

const mutation = mutations([
  "<",
  "&",
  "]]>",
  "<![CDATA[",
  "<item>",
  "</item>",
  "<entry>",
  "&#",
  "&amp",
  "<!--",
  '"',
  "\u0000",
  "{",
]);

const feedish = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        "<rss>",
        '<rss version="2.0">',
        "<channel>",
        "<item>",
        "</item>",
        "<title>",
        "</title>",
        "<link>",
        "<feed xmlns='http://www.w3.org/2005/Atom'>",
        "<entry>",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&lt;",
        "&",
        "<",
        "<!DOCTYPE x [<!ENTITY a 'b'>]>",
        '{"version":"https://jsonfeed.org/version/1","items":[',
        "]}",
        "<?xml version='1.0'?>",
        "<html>",
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("parseFeed under fuzzing", () => {
  it(`has ${seeds.length} seed documents that parse`, () => {
    expect(seeds.length).toBeGreaterThan(3);
    for (const seed of builtIn) expect(check(seed)).not.toBeNull();
  });

  it("returns or throws a DaybriefError for random text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), feedish), (input) => {
        check(input);
      }),
      { numRuns: runs },
    );
  });

  it("returns or throws a DaybriefError for mutated real feeds (flips, truncation, tags, stray markup)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
        check(mutate(seed, mutations));
      }),
      { numRuns: runs },
    );
  });

  it("recovers the items before a truncation point of a well-formed feed", () => {
    const seed = builtIn[0] ?? "";
    fc.assert(
      fc.property(fc.integer({ min: seed.indexOf("</item>") + 7, max: seed.length }), (at) => {
        const result = check(seed.slice(0, at));
        expect(result?.feed.items.length).toBe(1);
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });
});
