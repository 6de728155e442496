/**
 * Where on the page the article is: which of several <article> elements (infinite-scroll pages carry the next
 * stories in full), and which paragraph beside the headline is the lead that Readability tends to leave out.
 */

/** Prose an <article> element needs to count as a full story rather than a teaser. */
const minStoryChars = 400;
export const titleSeparators = /\s+[|–—:·»/-]\s+|\s+::\s+/;

/**
 * When the page holds several full stories in sibling <article> elements, removes all but the one headed by the
 * page's title. Does nothing when no story carries the title (the page is then a single story split in sections,
 * or the title is unknown).
 */
export function isolateMainArticle(document: Document, title: string | null): void {
  if (!title) return;
  const stories = [...document.querySelectorAll("article")].filter(
    (el) => !el.parentElement?.closest("article") && proseChars(el) >= minStoryChars,
  );
  if (stories.length < 2) return;
  const main = stories.find((story) =>
    [...story.querySelectorAll("h1, h2, h3")].slice(0, 3).some((h) => sameTitle(h.textContent ?? "", title)),
  );
  if (!main) return;
  for (const story of stories) if (story !== main) story.remove();
}

/**
 * The lead (standfirst, teaser, excerpt) printed beside the headline: the element near the page's first heading
 * whose text is the page's description. Null when there is none or its text is not the description.
 */
export function findLead(document: Document, title: string | null, description: string | null): string | null {
  if (!description || description.length < 40) return null;
  const key = normalise(description).slice(0, 60);
  const headings = [...document.querySelectorAll("h1, h2")].filter(
    (h) => title && sameTitle(h.textContent ?? "", title),
  );
  const first = document.querySelector("h1");
  if (first && !headings.includes(first)) headings.push(first);
  for (const headline of headings.slice(0, 4)) {
    // Leads sit beside the headline: within a few levels of it.
    let scope = headline.parentElement;
    for (let level = 0; scope && level < 3; level += 1, scope = scope.parentElement) {
      for (const el of scope.querySelectorAll("p, div, h2, h3, span")) {
        if (el.contains(headline) || el.querySelector("p, div, h2, h3")) continue;
        const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
        if (text.length >= 40 && text.length <= description.length * 2 + 100 && normalise(text).startsWith(key)) {
          return text;
        }
      }
    }
  }
  return null;
}

/** Whether a heading is the page's title ("Title | Site", "Site - Title" and quote marks allowed). */
export function sameTitle(heading: string, title: string): boolean {
  const h = normalise(heading);
  if (h.length < 8) return false;
  const t = normalise(title);
  if (h === t) return true;
  return title.split(titleSeparators).some((part) => {
    const p = normalise(part);
    return p.length >= 8 && (p === h || (h.includes(p) && p.length >= h.length * 0.6));
  });
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, "")
    .replace(/[\s"'„“”‘’«»‹›]+/g, " ")
    .trim();
}

/** Characters in paragraphs of the element: stories have them, teaser lists and navigation do not. */
function proseChars(el: Element): number {
  let total = 0;
  for (const p of el.querySelectorAll("p")) {
    const length = (p.textContent ?? "").trim().length;
    if (length >= 80) total += length;
  }
  return total;
}
