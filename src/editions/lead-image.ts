import type { IssueNote, LeadImage, Section, StoryBlock } from "../model/issue.ts";
import { imageAltText } from "../text/alt-text.ts";
import type { DayContext, DayItem } from "./day.ts";
import type { EditionDefinition } from "./definition.ts";

/** A measured image: where it ended up after redirects, and its pixel size. */
export type MeasuredImage = { url: string; width: number; height: number };

/**
 * How the editions stage learns an image's size: fetch it and read its header. The pipeline implements it with
 * ingest's `probeImage` (SSRF guard, size limits, format and shape checks); it throws, with the reason, for an
 * image that must not lead an issue.
 */
export interface ImageProbe {
  measure(url: string): Promise<MeasuredImage>;
}

/** Images tried for the lead story at most: each is one fetch at build time. */
const maxTries = 3;

/**
 * The image URL an item may lead with: only from a page we fetched (its og:image) or the feed we read, only
 * http(s), without credentials, of a sane length — anything else is not used at all.
 */
export function usableImageUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 2048) return null;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    if (parsed.username || parsed.password) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** The section whose first story leads the issue: the edition's `leadImage`, else its first full-story section. */
function leadSectionId(edition: EditionDefinition): string | null {
  if (edition.leadImage !== undefined) return edition.leadImage;
  return edition.sections.find((s) => s.kind === "stories" && s.style === "full")?.id ?? null;
}

function candidates(items: DayItem[]): Array<{ url: string; item: DayItem }> {
  const seen = new Set<string>();
  const out: Array<{ url: string; item: DayItem }> = [];
  for (const item of items) {
    const url = usableImageUrl(item.image);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, item });
  }
  return out;
}

/**
 * Gives the lead story its picture: the images its articles name, most trusted source first, are measured one by one
 * and the first usable one is kept with its size, alt text, link and credit. What was tried and why it was not used
 * goes into the issue's notes, so an issue without an image says why.
 */
export async function withLeadImage(
  edition: EditionDefinition,
  sections: Section[],
  day: DayContext,
  probe: ImageProbe,
): Promise<{ sections: Section[]; notes: IssueNote[] }> {
  const id = leadSectionId(edition);
  const index = sections.findIndex((s) => s.id === id && s.kind === "stories");
  const section = sections[index];
  if (section?.kind !== "stories") return { sections, notes: [] };
  const lead = section.stories[0];
  const story = lead?.storyId ? day.stories.find((s) => s.id === lead.storyId) : undefined;
  if (!lead || !story) return { sections, notes: [] };
  const notes: IssueNote[] = [];
  const note = (message: string): IssueNote => ({ level: "info", section: section.id, code: "image", message });
  const tried = candidates(story.items).slice(0, maxTries);
  if (tried.length === 0) {
    notes.push(note(`No lead image: the articles of "${lead.headline}" name none we could use.`));
    return { sections, notes };
  }
  for (const { url, item } of tried) {
    try {
      const measured = await probe.measure(url);
      const final = usableImageUrl(measured.url);
      if (!final) throw new Error(`Image ${url} redirected to an unusable URL.`);
      const image: LeadImage = {
        url: final,
        width: measured.width,
        height: measured.height,
        alt: altText(item),
        link: usableImageUrl(item.url),
        credit: item.sourceName,
      };
      const stories: StoryBlock[] = [{ ...lead, image }, ...section.stories.slice(1)];
      const out = sections.slice();
      out[index] = { ...section, stories };
      return { sections: out, notes };
    } catch (error) {
      notes.push(note((error as Error).message));
    }
  }
  notes.push(note(`No lead image: none of the ${tried.length} tried for "${lead.headline}" was usable.`));
  return { sections, notes };
}

/**
 * What a reader who cannot see the picture is told: what the page or feed says it shows, when it says (cleaned of
 * controls and bounded again here, whatever the store holds); else whose picture it is and of which article.
 */
function altText(item: DayItem): string {
  const described = imageAltText(item.imageAlt);
  if (described) return described;
  const title = item.title.trim();
  const generic =
    title && title !== "(untitled)" ? `Picture from ${item.sourceName}: ${title}` : `Picture from ${item.sourceName}`;
  return imageAltText(generic) ?? "Picture";
}
