/**
 * Fuzzing extractArticle: random HTML-ish text, and mutated real pages (every twelfth page of the trafilatura
 * evaluation set when present, every tenth demo article page, and a built-in page): truncation, tag deletion and
 * duplication, stray markup, byte flips. Whatever the input, extractArticle returns an article whose text is no
 * longer than the input, or throws a DaybriefError, within a couple of seconds. Runs are bounded so the file takes a
 * few seconds; set FUZZ_RUNS for a long session.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { mutate, mutations } from "../../../test/helpers/mutate.ts";
import { DaybriefError } from "../../errors.ts";
import type { Article } from "../../model/article.ts";
import { extractArticle } from "./extract-article.ts";

const trafilaturaPages = resolve(import.meta.dirname, "../../../../shared/data/trafilatura-eval/tests/cache");
const demoSite = resolve(import.meta.dirname, "../../../demo/site");

const builtIn = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fuzz | Site</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fuzz","author":{"name":"A. Writer"}}</script>
<meta property="og:image" content="/lead.jpg"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Fuzz</h1><p class="byline">By A. Writer</p><p>First paragraph of the story, which is long enough to be
taken for running text by every extractor.</p><figure><img src="a.jpg"><figcaption>Photo: someone</figcaption></figure>
<p>Second paragraph, with <a href="/link">a link</a> &amp; an entity, and a <b>bold</b> word.</p>
<table><tr><td>cell</td><td>cell</td></tr></table><ul><li>item one</li><li>item two</li></ul></article>
<section id="comments"><h2>Comments</h2><p>Nice.</p></section><footer>© Site</footer></body></html>`;

/** Every `step`-th .html file under `dir`, sorted, for variety without slowness. */
function sample(dir: string, step: number): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) walk(join(path, entry.name));
      else if (entry.name.endsWith(".html")) files.push(join(path, entry.name));
    }
  };
  walk(dir);
  return files.filter((_, i) => i % step === 0).map((path) => readFileSync(path, "utf8"));
}

const seeds = [builtIn, ...sample(trafilaturaPages, 12), ...sample(demoSite, 10)];
/** Runs per property; FUZZ_RUNS=5000 for a long session. */
const runs = Number(process.env.FUZZ_RUNS ?? 40);
/** Long sessions get the time they need. */
const timeout = 30_000 + runs * 150;
const url = "https://fuzz.example.com/news/story";

/** Runs extractArticle and checks the contract. */
function check(input: string | Uint8Array): Article | null {
  const size = typeof input === "string" ? input.length : input.byteLength;
  let article: Article | null = null;
  try {
    article = extractArticle(input, { url, contentType: "text/html" });
  } catch (error) {
    if (!(error instanceof DaybriefError)) throw error;
    expect(["E_ARTICLE_EXTRACT", "E_ARTICLE_NOT_HTML"]).toContain(error.code);
  }
  if (article) {
    expect(article.text.length).toBeLessThanOrEqual(size);
    expect(article.text.trim()).not.toBe("");
    expectSafe(article.html);
    if (article.image) expect(article.image).toMatch(/^https?:\/\//);
  }
  return article;
}

/** Sanitised HTML: no active elements, no event handlers, no script URLs (text may mention them, escaped). */
function expectSafe(html: string): void {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.body.querySelectorAll("*")) {
    expect(["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "FORM", "SVG", "MATH", "BASE"]).not.toContain(el.tagName);
    for (const name of el.getAttributeNames()) {
      expect(name).not.toMatch(/^on|^style$/i);
      expect(el.getAttribute(name) ?? "").not.toMatch(/^\s*(?:javascript|vbscript|data):/i);
    }
  }
}

const mutation = mutations(
  [
    "<",
    "<div>",
    "</div>",
    "<p>",
    "<table><tr><td>",
    "<script>",
    "<!--",
    "<style>",
    "<svg>",
    "<title>",
    '"',
    "&#x",
    "\u0000",
    "<article>",
    '<base href="javascript:x">',
    '<script type="application/ld+json">{',
  ],
  { duplicateSlices: true },
);

const htmlish = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.lorem({ maxCount: 12 }),
      fc.constantFrom(
        "<html>",
        "<body>",
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<article>",
        "<nav>",
        "<h1>",
        "<br>",
        "<pre>",
        "<table><tr><td>",
        "<li>",
        '<div class="share comments ad">',
        '<a href="/x">',
        '<a href="javascript:alert(1)">',
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "&amp;",
        "&#0;",
        "&",
        "<",
        ">",
        '<meta property="og:title" content="',
        '<script type="application/ld+json">',
        "<base href=//x>",
        "\u00ad",
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("extractArticle under fuzzing", () => {
  it(`has ${seeds.length} seed pages that extract`, () => {
    expect(seeds.length).toBeGreaterThan(5);
    expect(check(builtIn)?.text).toContain("Second paragraph, with a link & an entity");
  });

  it(
    "returns or throws a DaybriefError for random HTML-ish text",
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 400 }), htmlish), (input) => {
          check(input);
        }),
        { numRuns: runs * 5 },
      );
    },
    timeout,
  );

  it(
    "returns or throws a DaybriefError for mutated real pages",
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...seeds),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          (seed, mutations) => {
            check(mutate(seed, mutations));
          },
        ),
        { numRuns: runs },
      );
    },
    timeout,
  );

  it(
    "keeps the opening paragraphs of a page cut anywhere after them",
    () => {
      const firstEnd = builtIn.indexOf("</p>", builtIn.indexOf("First paragraph")) + 4;
      fc.assert(
        fc.property(fc.integer({ min: firstEnd, max: builtIn.length }), (at) => {
          expect(check(builtIn.slice(0, at))?.text).toContain("First paragraph of the story");
        }),
        { numRuns: runs },
      );
    },
    timeout,
  );
});
