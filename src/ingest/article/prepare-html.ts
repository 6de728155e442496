/**
 * What a page's markup may cost before it is parsed. Extraction runs on pages fetched from anywhere: megabytes of
 * inline scripts or data, 100,000 nested or unclosed tags. Everything here is one linear pass and leaves real
 * articles untouched (they are far below each limit).
 */

/** Markup kept after scripts, styles and comments are gone; no real article needs more. */
export const maxHtmlChars = 2_000_000;
/** Open elements kept while reading; deeper start tags are dropped (the parser slows down past a few thousand). */
export const maxOpenElements = 1000;
/** Start tags read; the page is cut before the next one (parsing and scoring grow with the element count). */
export const maxStartTags = 30_000;
/** JSON-LD scripts longer than this are dropped with the other scripts. */
const maxJsonLdChars = 1_000_000;
/** Attribute values longer than this (inline images, serialised state) are emptied. */
const maxAttributeChars = 4096;

/** Elements whose content is not markup. Scripts, styles and the like are dropped; the others are only skipped. */
const rawTextOpener = /<!--|<(script|style|svg|noscript|template|title|textarea|xmp)(?=[\s/>])/gi;
const droppedRawText = new Set(["script", "style", "svg", "noscript", "template"]);
const jsonLd = /\btype\s*=\s*["']?application\/ld\+json/i;
const longAttribute = new RegExp(
  `(\\s[\\w:.-]+\\s*=\\s*)(?:"[^"<]{${maxAttributeChars},}"|'[^'<]{${maxAttributeChars},}')`,
  "g",
);

/**
 * The page's markup ready to parse: scripts (except JSON-LD, which carries the metadata), styles, inline SVG and
 * comments removed, giant attribute values emptied, start tags past `maxOpenElements` open elements dropped, and
 * the result cut before the `maxStartTags`-th start tag or at `maxHtmlChars`. An unclosed script or comment runs
 * to the end of the page, as in a browser.
 */
export function prepareHtml(raw: string): string {
  const html = limitNesting(withoutRawText(raw).replace(longAttribute, '$1""'));
  return html.length > maxHtmlChars ? html.slice(0, maxHtmlChars) : html;
}

function withoutRawText(raw: string): string {
  const parts: string[] = [];
  let from = 0;
  rawTextOpener.lastIndex = 0;
  for (let match = rawTextOpener.exec(raw); match; match = rawTextOpener.exec(raw)) {
    const start = match.index;
    const end =
      match[0] === "<!--" ? commentEnd(raw, start) : rawTextEnd(raw, start, (match[1] as string).toLowerCase());
    const name = match[1]?.toLowerCase();
    const drop = !name || (droppedRawText.has(name) && !isJsonLd(raw, start, end, name));
    if (drop) {
      parts.push(raw.slice(from, start));
      from = end;
    }
    rawTextOpener.lastIndex = end;
  }
  parts.push(raw.slice(from));
  return parts.join("");
}

/** A JSON-LD script of a sensible size (a giant one would take the markup budget from the article). */
function isJsonLd(raw: string, start: number, end: number, name: string): boolean {
  return name === "script" && end - start <= maxJsonLdChars && jsonLd.test(tagText(raw, start));
}

function commentEnd(raw: string, start: number): number {
  const end = raw.indexOf("-->", start + 4);
  return end === -1 ? raw.length : end + 3;
}

function tagText(raw: string, start: number): string {
  const end = raw.indexOf(">", start);
  return raw.slice(start, end === -1 ? raw.length : end);
}

const closers = new Map<string, RegExp>();

/** Where the raw-text element opened at `start` ends: after its end tag, or at the end of the page. */
function rawTextEnd(raw: string, start: number, name: string): number {
  const tagEnd = raw.indexOf(">", start);
  // A tag cut off by the end of the page is dropped, as browsers do.
  if (tagEnd === -1) return raw.length;
  let closer = closers.get(name);
  if (!closer) {
    closer = new RegExp(`</${name}\\s*>`, "gi");
    closers.set(name, closer);
  }
  closer.lastIndex = tagEnd + 1;
  const close = closer.exec(raw);
  return close ? close.index + close[0].length : raw.length;
}

/** Start and end tags; the attributes part stops at the next '<' or '>', so matches never overlap. */
const tagPattern = /<(\/?)([a-zA-Z][^\s/<>]*)[^<>]*>?/g;
const voidTags = new Set(
  "area base br col embed hr img input keygen link meta param source track wbr frame basefont isindex".split(" "),
);
const skippedContent = new Set(["script", "style", "title", "textarea", "xmp"]);
const pClosers = new Set(
  "address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul".split(
    " ",
  ),
);
const pTag = new Set(["p"]);
/** Start tags that close the open element on top first, as the parser does (`<li>` after an open `<li>`). */
const impliedEnds = new Map<string, Set<string>>([
  ["li", new Set(["li"])],
  ["dd", new Set(["dd", "dt"])],
  ["dt", new Set(["dd", "dt"])],
  ["tr", new Set(["tr", "td", "th"])],
  ["td", new Set(["td", "th"])],
  ["th", new Set(["td", "th"])],
  ["option", new Set(["option"])],
]);

/**
 * Drops start tags that would open an element deeper than `maxOpenElements`, following the parser's stack closely
 * enough (end tags close up to their match, `<p>`, `<li>` and table cells close their predecessor).
 */
function limitNesting(html: string): string {
  const stack: string[] = [];
  const counts = new Map<string, number>();
  const pop = () => {
    const name = stack.pop() as string;
    counts.set(name, (counts.get(name) ?? 1) - 1);
  };
  const parts: string[] = [];
  let from = 0;
  let startTags = 0;
  tagPattern.lastIndex = 0;
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    const name = (match[2] as string).toLowerCase();
    if (match[1]) {
      if (!counts.get(name)) continue;
      while (stack.length > 0 && stack[stack.length - 1] !== name) pop();
      pop();
      continue;
    }
    const closes = pClosers.has(name) ? pTag : impliedEnds.get(name);
    while (closes && stack.length > 0 && closes.has(stack[stack.length - 1] as string)) pop();
    const kept = voidTags.has(name) || skippedContent.has(name) || stack.length < maxOpenElements;
    if (kept && ++startTags > maxStartTags) {
      parts.push(html.slice(from, match.index));
      return parts.join("");
    }
    if (voidTags.has(name)) continue;
    if (skippedContent.has(name)) {
      tagPattern.lastIndex = rawTextEnd(html, match.index, name);
      continue;
    }
    if (stack.length >= maxOpenElements) {
      parts.push(html.slice(from, match.index));
      from = match.index + match[0].length;
      continue;
    }
    stack.push(name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (from === 0) return html;
  parts.push(html.slice(from));
  return parts.join("");
}
