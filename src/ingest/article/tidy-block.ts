/**
 * Furniture recognised by its links rather than its names: teaser cards for other articles ("Read also" boxes with a
 * linked headline), and runs of links at the top or the bottom of the article block.
 */

const headings = "h1, h2, h3, h4, h5, h6";
const blockTags = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);
/** A teaser card holds a headline and a line or two of blurb; anything longer is the article's own section. */
const maxTeaserChars = 500;

/**
 * Removes teaser cards for other pages from `root` in place: a container with exactly one heading, the heading a
 * link to another page, and little else. `selfUrls` (the page's URL and canonical URL) tell links to other pages
 * from links to this one (a headline linking to its own permalink is not a teaser).
 */
export function removeTeaserCards(root: Element, selfUrls: (string | null)[]): void {
  // Headings share ancestors: their text lengths are measured once (a removal only makes them shorter).
  const lengths = new Map<Element, number>();
  const lengthOf = (el: Element) => {
    let length = lengths.get(el);
    if (length === undefined) {
      length = textOf(el).length;
      lengths.set(el, length);
    }
    return length;
  };
  for (const heading of [...root.querySelectorAll(headings)]) {
    if (!heading.isConnected) continue;
    const link = heading.querySelector("a[href]");
    if (!link || !linksElsewhere(link.getAttribute("href") ?? "", selfUrls)) continue;
    const headingText = textOf(heading);
    if (!headingText || textOf(link).length < headingText.length * 0.9) continue;
    let card: Element | null = null;
    for (let el = heading.parentElement; el && el !== root; el = el.parentElement) {
      if (lengthOf(el) > maxTeaserChars || el.querySelectorAll(headings).length > 1) break;
      // A linked heading over a list is a section of the page ("Our programs" and what they are).
      if (el.querySelector("ul, ol, table")) break;
      card = el;
    }
    card?.remove();
  }
}

function linksElsewhere(href: string, selfUrls: (string | null)[]): boolean {
  const value = href.trim();
  if (!value || value.startsWith("#") || /^(?:javascript|mailto|tel):/i.test(value)) return false;
  const pages = selfUrls.filter((url): url is string => Boolean(url));
  if (pages.length === 0) return true;
  const target = pageKey(value, pages[0] as string);
  return target !== null && pages.every((page) => pageKey(page, page) !== target);
}

/** Origin and path without a trailing slash: what identifies a page, whatever its query or fragment. */
function pageKey(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.origin + url.pathname.replace(/\/$/, "");
  } catch {
    return null;
  }
}

type Leaf = { el: Element; text: number; links: number; heading: boolean };

/**
 * Removes link-only blocks and orphaned headings at either end of the article block in place: skip links, "Most
 * popular" lists, "More on this topic" links. Links to other sites are sources, not navigation (see isNavigation).
 * Stops at the first block of real text, and never removes most of the block (a page of links is kept).
 */
export function removeEdgeLinks(root: Element, pageUrl: string | null): void {
  const leaves = leafBlocks(root, hostOf(pageUrl));
  const total = leaves.reduce((sum, leaf) => sum + leaf.text, 0);
  const isLinks = (leaf: Leaf) => leaf.links >= leaf.text * 0.7;
  const doomed: Leaf[] = [];
  let start = 0;
  for (; start < leaves.length; start += 1) {
    const leaf = leaves[start] as Leaf;
    if (leaf.text === 0) continue; // An image or an empty box: neither text nor links.
    if (!isLinks(leaf)) break;
    doomed.push(leaf);
  }
  let sawLinks = false;
  for (let end = leaves.length - 1; end > start; end -= 1) {
    const leaf = leaves[end] as Leaf;
    if (leaf.text === 0) continue;
    if (isLinks(leaf)) sawLinks = true;
    // The heading over a trailing run of links ("Most popular", "Auch auf …") goes with it, and so does a heading
    // left with nothing after it, unless it reads as a sentence ("Be there or be square!").
    else if (!(leaf.heading && leaf.text <= 80 && (sawLinks || !/[.!?…"”»)]$/.test(textOf(leaf.el))))) break;
    doomed.push(leaf);
  }
  const removed = doomed.reduce((sum, leaf) => sum + leaf.text, 0);
  if (removed === 0 || removed > total * 0.5) return;
  for (const leaf of doomed) removeWithEmptyParents(leaf.el, root);
}

/** Block elements holding text but no other blocks, in document order, with the text of their links to `host`. */
function leafBlocks(root: Element, host: string | null): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (el: Element) => {
    let hasBlockChild = false;
    for (const child of el.children) {
      if (blockTags.has(child.tagName)) {
        hasBlockChild = true;
        walk(child);
      }
    }
    if (hasBlockChild || el === root) return;
    const text = textOf(el).length;
    let links = 0;
    for (const a of el.querySelectorAll("a")) if (isNavigation(a, host)) links += textOf(a).length;
    leaves.push({ el, text, links, heading: /^H[1-6]$/.test(el.tagName) || isBoldOnly(el) });
  };
  walk(root);
  return leaves;
}

/**
 * Links within the site navigate; a link to another site is a source the text cites ("via CNN"), and so is a link
 * printed as its address ("https://example.org/petition").
 */
function isNavigation(a: Element, host: string | null): boolean {
  const text = textOf(a);
  if (/^(?:https?:\/\/|www\.)/i.test(text)) return false;
  const href = (a.getAttribute("href") ?? "").trim();
  if (!host || !/^(?:https?:)?\/\//i.test(href)) return true;
  return hostOf(href.startsWith("//") ? `https:${href}` : href) === host;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/** "<p><strong>Most read</strong></p>": a paragraph used as a heading. */
function isBoldOnly(el: Element): boolean {
  const only = el.children.length === 1 ? el.firstElementChild : null;
  return Boolean(only && /^(?:B|STRONG)$/.test(only.tagName) && textOf(only) === textOf(el));
}

function removeWithEmptyParents(el: Element, root: Element): void {
  let target = el;
  while (target.parentElement && target.parentElement !== root && target.parentElement.children.length === 1) {
    target = target.parentElement;
  }
  target.remove();
}

function textOf(el: Element): string {
  return (el.textContent ?? "").replace(/\s+/g, " ").trim();
}
