/**
 * The sanitiser against sanitize-html, a well-kept sanitiser, under the same allow-list. Hostile HTML (generated, and
 * the corpus in test/fixtures/xss/corpus.txt) carries markers in active positions — script bodies, event handlers,
 * script URLs, styles, frames, foreign content. Whatever sanitize-html strips, ours must strip too; and ours, read
 * the way a browser reads it (jsdom's WHATWG parser, then serialised and read again as innerHTML round trips do),
 * holds nothing but allow-listed elements and attributes with http(s) or mailto URLs.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { JSDOM } from "jsdom";
import reference from "sanitize-html";
import { describe, expect, it } from "vitest";
import { allowedTags, droppedWithContent, rawTextTags, urlAttributes } from "./allow-list.ts";
import { sanitizeHtml } from "./sanitize.ts";

const base = "https://example.com/blog/post.html";
const ours = (html: string) => sanitizeHtml(html, base);

/**
 * sanitize-html given our policy: our tags and attributes, http(s) and mailto URLs, the elements we remove with
 * their content removed with it, and CDATA read as text (as ours does, for feeds that wrap HTML text in it).
 */
const referenceOptions: reference.IOptions = {
  allowedTags: [...allowedTags.keys()],
  allowedAttributes: Object.fromEntries([...allowedTags].map(([tag, attributes]) => [tag, [...attributes]])),
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"], audio: ["http", "https"], video: ["http", "https"] },
  allowedSchemesAppliedToAttributes: [...urlAttributes],
  allowProtocolRelative: false,
  nonTextTags: [...rawTextTags, ...droppedWithContent],
  parser: { recognizeCDATA: true },
};
const theirs = (html: string) => reference(html, referenceOptions);

const window = new JSDOM("<!DOCTYPE html><html><body></body></html>").window;
const body = window.document.body;
const xhtml = "http://www.w3.org/1999/xhtml";

/** What a browser would find active in `html` put into a page's body: anything our allow-list does not name. */
function activeContent(html: string): string[] {
  body.innerHTML = html;
  const found = inspect(body);
  // Serialised and read again (as an email client or an innerHTML round trip does): still nothing.
  const serialised = body.innerHTML;
  body.innerHTML = serialised;
  found.push(...inspect(body).map((what) => `after a round trip: ${what}`));
  return found;
}

function inspect(root: Element): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll("*")) {
    const name = element.localName;
    const allowed = element.namespaceURI === xhtml ? allowedTags.get(name) : undefined;
    if (!allowed) {
      found.push(`element <${name}> (${element.namespaceURI})`);
      continue;
    }
    for (const attribute of element.attributes) {
      if (!allowed.has(attribute.name)) found.push(`attribute ${attribute.name} on <${name}>`);
      else if (urlAttributes.has(attribute.name) && !isSafeUrl(attribute.value, attribute.name === "href"))
        found.push(`${attribute.name}="${attribute.value}" on <${name}>`);
    }
  }
  return found;
}

/** Whether a browser would read the URL as absolute http(s), or mailto: for a link. */
function isSafeUrl(value: string, isLink: boolean): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === "http:" || protocol === "https:" || (isLink && protocol === "mailto:");
  } catch {
    return false;
  }
}

const marker = (n: number) => `zq${n}zq`;
const markers = (count: number) => Array.from({ length: count }, (_, n) => marker(n));

/**
 * Checks one input: ours holds no active content, and every marker sanitize-html removed is gone from ours too
 * (not even left as text). Returns what went wrong, for the assertion message.
 */
function differences(input: string, markerCount: number): string[] {
  const mine = ours(input);
  const problems = activeContent(mine).map((what) => `active content in ours: ${what}`);
  const ref = theirs(input);
  for (const m of markers(markerCount)) {
    if (!ref.includes(m) && mine.includes(m)) problems.push(`${m} removed by sanitize-html survives in ours`);
  }
  return problems.length ? [...problems, `input:  ${JSON.stringify(input)}`, `ours:   ${JSON.stringify(mine)}`] : [];
}

const escapes: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f", "0": "\0", x01: "\u0001", x1b: "\u001b" };

function corpus(): string[] {
  const text = readFileSync(new URL("../../../test/fixtures/xss/corpus.txt", import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => line.replace(/\\(x01|x1b|[tnrf0])/g, (_, code: string) => escapes[code] ?? ""));
}

/** Pieces of hostile HTML, each holding the marker `m` where it would run if it got through. */
const activePieces: Array<(m: string, q: string) => string> = [
  (m) => `<script>${m}()</script>`,
  (m) => `<script>${m}(`,
  (m, q) => `<img src=x onerror=${q}${m}()${q}>`,
  (m, q) => `<a href=${q}javascript:${m}()${q}>`,
  (m, q) => `<a href=${q}java&#x09;script:${m}${q}>`,
  (m, q) => `<img src=${q}&#106;avascript:${m}${q}>`,
  (m, q) => `<video poster=${q}vbscript:${m}${q}>`,
  (m, q) => `<blockquote cite=${q}data:text/html,${m}${q}>`,
  (m, q) => `<p style=${q}background:url(${m})${q}>`,
  (m) => `<style>${m}{}</style>`,
  (m) => `<iframe src="https://evil.example/">${m}</iframe>`,
  (m) => `<svg><g onload="${m}()">${m}</g></svg>`,
  (m) => `<math><mtext><table><mglyph><style><img src=x onerror=${m}()>`,
  (m) => `<noscript><p title="</noscript><img src=x onerror=${m}()>">`,
  (m) => `<template>${m}</template>`,
  (m) => `<textarea>${m}</textarea>`,
  (m) => `<title>${m}</title>`,
  (m) => `<object data="https://evil.example/${m}">`,
  (m) => `<embed src="https://evil.example/${m}">`,
  (m) => `<base href="https://evil.example/${m}/">`,
  (m) => `<meta http-equiv=refresh content="0;url=javascript:${m}">`,
  (m, q) => `<form action=${q}javascript:${m}${q}><button formaction=${q}javascript:${m}${q}>`,
  (m, q) => `<a href="https://example.com/" onclick=${q}${m}${q} onmouseover=${m}>`,
  (m) => `<img src="https://example.com/i.png" srcset="https://evil.example/${m} 2x">`,
  (m) => `<select><option>${m}</option></select>`,
];

/** Markup that shifts how what follows is read: stray and broken syntax, quotes, comments, allowed tags. */
const noise = fc.oneof(
  fc.constantFrom(
    "<",
    ">",
    "</",
    "/",
    "=",
    '"',
    "'",
    "`",
    "&",
    "&#",
    "<!--",
    "-->",
    "--!>",
    "<![CDATA[",
    "]]>",
    "<?",
    "<!",
    "</ ",
    "\t",
    "\n",
    "\f",
    "\r",
    "\0",
    "\u0001",
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<a href=/ok>",
    "</a>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<ul><li>",
    "<img src='/i.png' alt=\"",
    "<svg>",
    "</svg>",
    "<math>",
    "</math>",
    "</script>",
    "</style>",
    "</noscript>",
    "</textarea>",
    "</title>",
    "<div ",
    " x=",
  ),
  fc.string({ maxLength: 6 }),
);

const piece = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ active: fc.nat(activePieces.length - 1), quote: fc.constantFrom("", '"', "'") }),
  },
  { weight: 3, arbitrary: noise },
);

/** A hostile document from generated pieces, with each active piece given its own marker. */
function assemble(pieces: Array<string | { active: number; quote: string }>): { html: string; count: number } {
  let count = 0;
  const html = pieces
    .map((p) => (typeof p === "string" ? p : (activePieces[p.active]?.(marker(count++), p.quote) ?? "")))
    .join("");
  return { html, count };
}

describe("the sanitiser against sanitize-html", () => {
  it("checks what it means to check: sanitize-html's output and clean HTML pass, hostile HTML does not", () => {
    expect(activeContent('<p>a <a href="https://example.com/">b</a></p>')).toEqual([]);
    expect(activeContent('<img src="x" onerror="y">')).not.toEqual([]);
    expect(activeContent('<a href="java&#x09;script:x">a</a>')).not.toEqual([]);
    expect(activeContent("<math><mtext><table><mglyph><style><img src=x onerror=y>")).not.toEqual([]);
    expect(activeContent(theirs('<a href="java&#x09;script:x" onclick=y>a</a><script>z</script>'))).toEqual([]);
    // A marker sanitize-html keeps as inert text, ours may keep; one it strips, ours must strip.
    expect(theirs(`<a title="${marker(0)}">a</a><script>${marker(1)}</script>`)).toContain(marker(0));
    expect(theirs(`<script>${marker(1)}</script>`)).not.toContain(marker(1));
  });

  it("strips everything sanitize-html strips in the XSS corpus, and leaves no active content", () => {
    const vectors = corpus();
    expect(vectors.length).toBeGreaterThan(140);
    const problems = vectors.flatMap((vector) => differences(vector.replaceAll("{m}", marker(0)), 1));
    expect(problems).toEqual([]);
  });

  it("strips everything sanitize-html strips in generated hostile HTML, and leaves no active content", () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (pieces) => {
        const { html, count } = assemble(pieces);
        expect(differences(html, count)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it("leaves no active content when corpus vectors are cut and spliced into each other", () => {
    const vectors = corpus();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(vectors.length - 1), fc.nat(200), fc.nat(200)), { minLength: 1, maxLength: 4 }),
        (cuts) => {
          const html = cuts
            .map(([index, from, length], n) => {
              const vector = (vectors[index] ?? "").replaceAll("{m}", marker(n));
              return vector.slice(from % (vector.length + 1), (from % (vector.length + 1)) + length);
            })
            .join("");
          expect(differences(html, cuts.length)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
