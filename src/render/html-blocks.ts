import type { Citation, StoryBlock } from "../model/issue.ts";
import { escapeHtml } from "./escape.ts";
import { type HtmlContext, link } from "./html-context.ts";
import { leadFigure } from "./lead-image.ts";

/** Citations with unique URLs, each labelled by its outlet ("Outlet (2)" when one outlet is cited twice). */
export function labelCitations(citations: Citation[]): Array<Citation & { label: string }> {
  const seenUrls = new Set<string>();
  const perOutlet = new Map<string, number>();
  const out: Array<Citation & { label: string }> = [];
  for (const citation of citations) {
    if (seenUrls.has(citation.url)) continue;
    seenUrls.add(citation.url);
    const outlet = citation.outlet.trim() || hostOf(citation.url);
    const n = (perOutlet.get(outlet) ?? 0) + 1;
    perOutlet.set(outlet, n);
    out.push({ ...citation, label: n === 1 ? outlet : `${outlet} (${n})` });
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "source";
  }
}

/** Outlets shown after a story before the rest are counted: "Outlet A, Outlet B, Outlet C +4 more". */
export const shownOutlets = 3;

/**
 * The citations a reader sees: one per outlet (its first, most trusted article), at most `shownOutlets`, and how
 * many more outlets covered it.
 */
export function compactCitations(citations: Citation[]): { shown: Array<Citation & { label: string }>; more: number } {
  const perOutlet = new Map<string, Citation & { label: string }>();
  for (const citation of labelCitations(citations)) {
    const outlet = citation.outlet.trim() || hostOf(citation.url);
    if (!perOutlet.has(outlet)) perOutlet.set(outlet, { ...citation, label: outlet });
  }
  const all = [...perOutlet.values()];
  return { shown: all.slice(0, shownOutlets), more: Math.max(0, all.length - shownOutlets) };
}

/** "Sources: Outlet A, Outlet B, Outlet C +2 more" with each outlet linked to the article, or "" when there are none. */
export function sourcesInline(ctx: HtmlContext, citations: Citation[]): string {
  const { shown, more } = compactCitations(citations);
  if (shown.length === 0) return "";
  const links = shown.map((c) => link(ctx, "src", c.url, c.label, c.title)).join(", ");
  return `${shown.length === 1 && !more ? "Source" : "Sources"}: ${links}${more ? ` +${more} more` : ""}`;
}

/** The sources line as its own paragraph. */
export function sourcesLine(ctx: HtmlContext, citations: Citation[]): string {
  const inline = sourcesInline(ctx, citations);
  return inline ? `<p${ctx.attrs("sources")}>${inline}</p>` : "";
}

/** "Label: text" with the label in the accent colour. */
export function labelled(ctx: HtmlContext, label: string, text: string): string {
  return `<strong${ctx.attrs("label")}>${escapeHtml(withColon(label))}</strong> ${escapeHtml(text)}`;
}

/** A lead or label ends in a colon unless it already ends in punctuation. */
export function withColon(text: string): string {
  const trimmed = text.trim();
  return /[:.?!]$/.test(trimmed) ? trimmed : `${trimmed}:`;
}

/** A full story: headline (numbered or not), the lead image if it has one, paragraphs, labelled notes in callouts, sources. */
export function fullStory(ctx: HtmlContext, story: StoryBlock, number: number | null): string {
  const num = number === null ? "" : `<span${ctx.attrs("num")}>${number}.</span> `;
  const parts = [`<h3${ctx.attrs("h3")}>${num}${escapeHtml(story.headline)}</h3>`, leadFigure(ctx, story.image)];
  for (const paragraph of story.paragraphs) parts.push(`<p${ctx.attrs("p")}>${escapeHtml(paragraph)}</p>`);
  for (const note of story.notes) parts.push(`<p${ctx.attrs("note")}>${labelled(ctx, note.label, note.text)}</p>`);
  parts.push(sourcesLine(ctx, story.citations));
  return `<div${ctx.attrs("story")}>${parts.join("")}</div>`;
}

/** A one-line headline with its sources after it. */
export function headlineItem(ctx: HtmlContext, story: StoryBlock): string {
  const sources = sourcesInline(ctx, story.citations);
  const after = sources ? ` <span${ctx.attrs("when")}>${sources.replace(/^Sources?: /, "— ")}</span>` : "";
  return `<li${ctx.attrs("li")}>${escapeHtml(story.headline)}${after}</li>`;
}

/** "Company: what happened." then each note ("Insight: …") and the sources on lines of their own. */
export function rapidItem(ctx: HtmlContext, story: StoryBlock): string {
  const what = [story.headline, ...story.paragraphs]
    .map((t) => t.trim())
    .filter(Boolean)
    .join(" ");
  const subject = story.subject?.trim();
  const first = subject
    ? `<strong${ctx.attrs("lead")}>${escapeHtml(withColon(subject))}</strong> ${escapeHtml(what)}`
    : escapeHtml(what);
  const rest = story.notes.map((note) => `<br>${labelled(ctx, note.label, note.text)}`);
  const sources = sourcesInline(ctx, story.citations);
  if (sources) rest.push(`<br><span${ctx.attrs("when")}>${sources}</span>`);
  return `<li${ctx.attrs("li")}>${first}${rest.join("")}</li>`;
}
