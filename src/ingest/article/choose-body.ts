/**
 * The choice between the two candidates for the article body: the block Readability picks, and the densest block
 * of running text (density.ts). Readability is usually right; the density block wins when Readability kept much
 * less, or when it holds all of Readability's text and clearly more.
 */
import { densestBlock } from "./density.ts";
import { normalise } from "./main-article.ts";
import { removeEdgeLinks } from "./tidy-block.ts";
import { htmlElementToText } from "./to-text.ts";

/** Plain text and HTML of an article body. */
export type Body = { text: string; html: string };

/** The densest block of paragraphs (see density.ts), without the runs of links at its edges. */
export function densityBody(document: Document, pageUrl: string | null): Body {
  const root = densestBlock(document);
  if (!root) return { text: "", html: "" };
  const block = root.cloneNode(true) as Element;
  removeEdgeLinks(block, pageUrl);
  return { text: htmlElementToText(block), html: block.innerHTML };
}

/**
 * The article body: Readability's choice, without the runs of links at its edges, or the density block when
 * Readability found much less (it sometimes keeps one section of a long page).
 */
export function chooseBody(fallback: Body, readabilityRoot: Element | null, pageUrl: string | null): Body {
  if (!readabilityRoot) return fallback;
  removeEdgeLinks(readabilityRoot, pageUrl);
  const text = htmlElementToText(readabilityRoot);
  // The density block wins when it holds Readability's text and clearly more (an article split by a page builder).
  if (fallback.text.length > text.length * 1.2 && contains(fallback.text, text)) return fallback;
  if (text.length >= fallback.text.length * 0.6 || text.length > 2000) return { text, html: readabilityRoot.innerHTML };
  return fallback;
}

/** Whether nearly all of `inner`'s paragraphs (by length) are in `outer`. */
function contains(outer: string, inner: string): boolean {
  const o = normalise(outer);
  let found = 0;
  for (const p of inner.split("\n\n")) if (o.includes(normalise(p).slice(0, 80))) found += p.length;
  return found >= inner.length * 0.95;
}
