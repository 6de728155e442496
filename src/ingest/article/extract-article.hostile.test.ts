/**
 * Pages built to hurt: deep or unclosed nesting, huge pages, attributes and text nodes, script injection, <base>
 * tricks, malformed JSON-LD. Each returns an article or throws a DaybriefError, within seconds and without the
 * memory blowing up; the limits behind this (prepare-html.ts, bound-tree.ts) are tested here too.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { DaybriefError } from "../../errors.ts";
import type { Article } from "../../model/article.ts";
import { boundTree } from "./bound-tree.ts";
import { extractArticle } from "./extract-article.ts";
import { maxHtmlChars, maxOpenElements, maxStartTags, prepareHtml } from "./prepare-html.ts";

const sentence = "This sentence is part of the article body and carries its meaning. ";
const paragraph = `<p>${sentence.repeat(6).trim()}</p>`;
const url = "https://hostile.example.com/a/b/story";

/**
 * Extracts within a memory budget and checks that the text is no longer than the input. Time is left to the
 * test's timeout (a hang or a quadratic blow-up on these sizes fails it) and to bench/ for speed.
 */
function bounded(input: string): Article | DaybriefError {
  const rssBefore = process.memoryUsage().rss;
  let result: Article | DaybriefError;
  try {
    result = extractArticle(input, { url });
  } catch (error) {
    if (!(error instanceof DaybriefError)) throw error;
    result = error;
  }
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(1_500_000_000);
  if (!(result instanceof DaybriefError)) expect(result.text.length).toBeLessThanOrEqual(input.length);
  return result;
}

function article(input: string): Article {
  const result = bounded(input);
  if (result instanceof DaybriefError) throw result;
  return result;
}

describe("hostile markup", () => {
  it("reads the text at the bottom of 100,000 nested <div>s", () => {
    const html = `<html><body>${"<div>".repeat(100_000)}${paragraph}${"</div>".repeat(100_000)}</body></html>`;
    expect(article(html).text).toBe(sentence.repeat(6).trim());
  });

  it("reads a page of unclosed tags", () => {
    const html = `<html><body>${"<div><span><b><i><a href='/x'>Link text <font>".repeat(20_000)}${paragraph}`;
    expect(article(html).text).toContain(sentence.trim());
    const cells = `<html><body>${"<p>Some words <b>bold <i>italic <table><tr><td>a cell with text ".repeat(5_000)}`;
    bounded(cells);
  });

  it("cuts a 20 MB page and still returns its article", () => {
    const filler = `<div class="widget-area">${"<span>x</span>".repeat(1000)}</div>`;
    const html = `<html><body><article>${paragraph}</article>${filler.repeat(Math.ceil(20_000_000 / filler.length))}</body></html>`;
    expect(html.length).toBeGreaterThan(20_000_000);
    expect(article(html).text).toBe(sentence.repeat(6).trim());
  });

  it("ignores megabytes of attributes and survives a giant text node", () => {
    const attributes = `<html><body><div class="${"a ".repeat(2_000_000)}" data-state="${"y".repeat(3_000_000)}">${paragraph}</div></body></html>`;
    expect(article(attributes).text).toBe(sentence.repeat(6).trim());
    const giant = `<html><body><p>${"word ".repeat(1_000_000)}</p></body></html>`;
    expect(article(giant).text.length).toBeLessThanOrEqual(maxHtmlChars);
  });

  it("stops reading after the element budget on a page of half a million elements", () => {
    const html = `<html><body>${paragraph}${"<p>x</p>".repeat(500_000)}</body></html>`;
    expect(article(html).text).toContain(sentence.trim());
  });

  it("sanitises the article HTML: no scripts, event handlers, javascript: or data: URLs", () => {
    const html = `<html><body><article>
      <p onclick="steal()" style="background:url(javascript:alert(1))">${sentence}<a href="javascript:alert(2)">click</a></p>
      <p>${sentence}<img src="x" onerror="alert(3)"><img src="data:text/html,<script>alert(4)</script>"></p>
      <p>${sentence}<script>alert(5)</script><iframe src="https://evil.example/"></iframe><svg onload="alert(6)"></svg></p>
      <p>${sentence}<a href=" JaVaScRiPt:alert(7)">x</a><a href="&#106;avascript:alert(8)">y</a></p>
      <p>${sentence}<object data="x.swf"></object><embed src="x.swf"><form action="/p"><input value="x"></form></p>
      <p>${sentence}&lt;script&gt;alert(9)&lt;/script&gt;<math><mi xlink:href="javascript:alert(10)">z</mi></math></p>
    </article></body></html>`;
    const { html: out, text } = article(html);
    expect(out).not.toMatch(/<script|<iframe|<svg|<object|<embed|<form|<math|\son\w+=|javascript:|data:|style=/i);
    expect(text).toContain("<script>alert(9)</script>");
    expect(out).toContain("&lt;script&gt;alert(9)&lt;/script&gt;");
  });

  it("strips control characters, escape sequences and bidi overrides from every field, raw or as references", () => {
    const bad =
      "Chip\u001b[2J deal &#27;]8;;https://evil.example/&#7;signed&#x1b;]8;;&#7; \u009b31mtoday\u202e&#x2066;";
    const page = `<html lang="en\u001b[2J"><head><title>${bad}</title><meta property="og:site_name" content="${bad}">
      <meta name="author" content="${bad}"></head><body><article><h1>${bad}</h1>
      <p>${sentence}${bad}</p>${paragraph}<p>\u05e9\u05dc\u05d5\u05dd\u200f ${sentence}</p></article></body></html>`;
    const result = article(page);
    const forbidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|&#(?:27|7|x1b|x2066);/i;
    for (const [field, value] of Object.entries(result)) {
      if (typeof value === "string") expect(value, field).not.toMatch(forbidden);
    }
    expect(result.title).toBe("Chip deal signed today");
    expect(result.siteName).toBe("Chip deal signed today");
    expect(result.byline).toBe("Chip deal signed today");
    expect(result.text).toContain("Chip deal signed today");
    expect(result.text).toContain("\u05e9\u05dc\u05d5\u05dd\u200f");
  });

  it("resolves links against a web <base href> and ignores a javascript: or data: one", () => {
    const body = `<article><p>${sentence}<a href="next">next</a> <img src="/i.png"></p>${paragraph}</article>`;
    const page = (base: string) => `<html><head><base href="${base}"></head><body>${body}</body></html>`;
    expect(article(page("https://cdn.example.org/docs/")).html).toContain('href="https://cdn.example.org/docs/next"');
    for (const base of ["javascript:alert(1)//", "data:text/html,x", "  "]) {
      const { html } = article(page(base));
      expect(html).toContain('href="https://hostile.example.com/a/b/next"');
      expect(html).toContain('src="https://hostile.example.com/i.png"');
    }
  });

  it("survives malformed, hostile or huge JSON-LD and falls back to other metadata", () => {
    const scripts = [
      "{ not json",
      `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
      JSON.stringify({ "@type": { toString: "x" }, headline: 42, author: { name: ["a"] } }),
      JSON.stringify({ "@type": "NewsArticle", image: [[[[[["https://x.example/i.jpg"]]]]]], author: 7 }),
      JSON.stringify({ "@graph": Array(10_000).fill({ "@type": "Thing", name: "x".repeat(50) }) }),
      "</script><script>alert(1)</script>",
    ]
      .map((json) => `<script type="application/ld+json">${json}</script>`)
      .join("");
    const head = `${scripts}<meta property="og:title" content="The OG title">`;
    const result = article(`<html><head>${head}</head><body><article>${paragraph}</article></body></html>`);
    expect(result.title).toBe("The OG title");
    expect(result.byline).toBeNull();
    const huge = `<script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "x".repeat(3_000_000) })}</script>`;
    expect(article(`<html><head>${huge}</head><body>${paragraph}</body></html>`).text).toBe(sentence.repeat(6).trim());
  });
});

describe("prepareHtml", () => {
  it("removes scripts, styles, comments and SVG but keeps JSON-LD and the text around them", () => {
    const html = `<p>a</p><script>var s = "</p>";</script><style>p{}</style><!-- <p>hidden</p> --><svg><text>t</text></svg>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script><p>b</p><SCRIPT src=x>`;
    expect(prepareHtml(html).replace(/\s+/g, "")).toBe(
      '<p>a</p><scripttype="application/ld+json">{"@type":"NewsArticle"}</script><p>b</p>',
    );
  });

  it("empties giant attribute values and never grows the markup", () => {
    const html = `<img alt="x" src="data:image/png;base64,${"A".repeat(100_000)}"><p title='${"t".repeat(5000)}'>ok</p>`;
    expect(prepareHtml(html)).toBe('<img alt="x" src=""><p title="">ok</p>');
  });

  it("drops start tags past the nesting limit and cuts past the start-tag budget", () => {
    const deep = prepareHtml(`${"<div>".repeat(maxOpenElements + 500)}text`);
    expect(deep.match(/<div>/g)?.length).toBe(maxOpenElements);
    const siblings = "<p>x</p>".repeat(maxStartTags + 100);
    expect(prepareHtml(siblings).match(/<p>/g)?.length).toBe(maxStartTags);
    // Paragraphs and list items close their predecessor: a long flat page is not deep.
    expect(prepareHtml("<p>x".repeat(5000)).match(/<p>/g)?.length).toBe(5000);
  });
});

describe("boundTree", () => {
  it("flattens content below the depth limit into paragraphs, keeping text and links", () => {
    const { document } = parseHTML(
      `<html><body>${"<div>".repeat(10)}<section><p>One <a href="/a">link</a></p><div><p>Two</p></div></section></body></html>`,
    );
    const bounds = boundTree(document.documentElement, { maxDepth: 8, maxElements: 1000 });
    expect(bounds.flattened).toBe(1);
    expect(document.body.innerHTML.replace(/<\/?div>/g, "")).toBe('<p>One <a href="/a">link</a></p><p>Two</p>');
  });

  it("removes everything after the element budget", () => {
    const { document } = parseHTML(`<html><body>${"<p>x</p>".repeat(50)}</body></html>`);
    expect(boundTree(document.documentElement, { maxDepth: 64, maxElements: 12 }).truncated).toBe(true);
    expect(document.querySelectorAll("*").length).toBe(12);
  });
});
