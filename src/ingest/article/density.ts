const paragraphLike = "p, li, pre, blockquote, td, dd, h2, h3, h4";

/**
 * The element holding most of the page's running text: each paragraph-like element with enough words and few
 * links credits its text length to its parent (fully) and grandparent (half). A fallback for pages Readability
 * cannot read (lists, tables, short pages) and a check on Readability's choice.
 */
export function densestBlock(document: Document): Element | null {
  const scores = new Map<Element, number>();
  const credit = (el: Element | null, amount: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + amount);
  };
  const root = document.body ?? document.documentElement;
  if (!root) return null;
  for (const el of root.querySelectorAll(paragraphLike)) {
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text.length < 25) continue;
    let linkChars = 0;
    for (const a of el.querySelectorAll("a")) linkChars += (a.textContent ?? "").length;
    if (linkChars / text.length > 0.5) continue;
    const weight = text.length * (1 - linkChars / text.length) + (/[.!?:]["”’)]?$/.test(text) ? 20 : 0);
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
  return best;
}
