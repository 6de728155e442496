const paragraphLike = "p, li, pre, blockquote, td, dd, h2, h3, h4";

/** A paragraph-like element with its text length and the share of that text in links. */
type Paragraph = { el: Element; length: number; linkShare: number };

/**
 * The element holding most of the page's running text: each paragraph-like element with enough words and few
 * links credits its text length to its parent (fully) and grandparent (half); the winner then grows to the
 * ancestor holding clearly more running text (see expandBlock). A fallback for pages Readability cannot read
 * (lists, tables, short pages) and a check on Readability's choice.
 */
export function densestBlock(document: Document): Element | null {
  const root = document.body ?? document.documentElement;
  if (!root) return null;
  const paragraphs: Paragraph[] = [];
  for (const el of root.querySelectorAll(paragraphLike)) {
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text.length < 25) continue;
    let linkChars = 0;
    for (const a of el.querySelectorAll("a")) linkChars += (a.textContent ?? "").length;
    paragraphs.push({ el, length: text.length, linkShare: Math.min(1, linkChars / text.length) });
  }
  const scores = new Map<Element, number>();
  const credit = (el: Element | null, amount: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + amount);
  };
  for (const { el, length, linkShare } of paragraphs) {
    if (linkShare > 0.5) continue;
    const text = el.textContent ?? "";
    const weight = length * (1 - linkShare) + (/[.!?:]["”’)]?\s*$/.test(text) ? 20 : 0);
    credit(el.parentElement, weight);
    credit(el.parentElement?.parentElement ?? null, weight / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best ? expandBlock(best, root, paragraphs) : null;
}

/**
 * Page builders (Elementor, WPBakery, Gutenberg groups) split one article across sibling rows and columns: climbs
 * up to six levels from the densest block to the ancestor holding clearly more running text, when what it adds is
 * mostly running text and its links stay rare.
 */
function expandBlock(block: Element, root: Element, paragraphs: Paragraph[]): Element {
  const prose = paragraphs.filter((p) => p.length >= 60 && p.linkShare < 0.3);
  const proseIn = (el: Element) => prose.reduce((sum, p) => sum + (el.contains(p.el) ? p.length : 0), 0);
  let best = block;
  let bestProse = proseIn(block);
  let bestText = textLength(block);
  let el = block.parentElement;
  for (let level = 0; el && el !== root && level < 6; level += 1, el = el.parentElement) {
    const added = proseIn(el) - bestProse;
    if (added < 150 || added < bestProse * 0.2) continue;
    const text = textLength(el);
    if (added < (text - bestText) * 0.7 || linkLength(el) > text * 0.25) continue;
    best = el;
    bestProse += added;
    bestText = text;
  }
  return best;
}

function textLength(el: Element): number {
  return (el.textContent ?? "").replace(/\s+/g, " ").length;
}

function linkLength(el: Element): number {
  let total = 0;
  for (const a of el.querySelectorAll("a")) total += (a.textContent ?? "").replace(/\s+/g, " ").length;
  return total;
}
