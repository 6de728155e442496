import type { Section, StoryBlock } from "../model/issue.ts";
import { splitSentences } from "../text/sentences.ts";
import { sentenceKey } from "./sentences.ts";

/** Every sentence a section prints (headlines, paragraphs, notes, bullets, market read, quote), in order. */
export function printedSentences(section: Section): string[] {
  const block = (b: StoryBlock) => [
    b.headline,
    ...b.paragraphs.flatMap(splitSentences),
    ...b.notes.flatMap((n) => splitSentences(n.text)),
  ];
  switch (section.kind) {
    case "stories":
      return section.stories.flatMap(block);
    case "groups":
      return section.groups.flatMap((g) => g.stories.flatMap(block));
    case "bullets":
      return section.lines.flatMap((l) => splitSentences(l.text));
    case "market":
      return splitSentences(section.paragraph);
    case "quote":
      return [section.quote];
    default:
      return [];
  }
}

/** The stories a section tells, by id. */
export function toldStories(section: Section): string[] {
  const blocks =
    section.kind === "stories"
      ? section.stories
      : section.kind === "groups"
        ? section.groups.flatMap((g) => g.stories)
        : [];
  return blocks.map((b) => b.storyId).filter((id): id is string => !!id);
}

/**
 * Drops from a section what earlier sections printed: a story told already (a story runs in one section only) and
 * any sentence printed already (a paragraph keeps its other sentences; a note, bullet or block left with nothing is
 * dropped). Returns the section (null when nothing is left) and how many repeats were dropped. Writers already avoid
 * repeats; this is the issue-wide guarantee, whatever the writer.
 */
export function withoutPrinted(
  section: Section,
  printed: Set<string>,
  told: Set<string>,
): { section: Section | null; dropped: number } {
  let dropped = 0;
  // Within the section too: a writer's repeated bullet or sentence is printed once.
  const seen = new Set(printed);
  const seenStories = new Set(told);
  const fresh = (sentence: string) => {
    const key = sentenceKey(sentence);
    if (!key) return true;
    if (seen.has(key)) {
      dropped += 1;
      return false;
    }
    seen.add(key);
    return true;
  };
  const text = (t: string) => splitSentences(t).filter(fresh).join(" ");
  const block = (b: StoryBlock): StoryBlock | null => {
    if (b.storyId && seenStories.has(b.storyId)) {
      dropped += 1;
      return null;
    }
    if (b.storyId) seenStories.add(b.storyId);
    const paragraphs = b.paragraphs.map(text).filter((p) => p.trim());
    const notes = b.notes.map((n) => ({ ...n, text: text(n.text) })).filter((n) => n.text.trim());
    const headlineFresh = fresh(b.headline);
    // A rapid line or one-liner is its headline: printed already, the block says nothing new.
    if (!headlineFresh && !paragraphs.length) return null;
    return { ...b, paragraphs, notes };
  };
  switch (section.kind) {
    case "stories": {
      const stories = section.stories.map(block).filter((b): b is StoryBlock => !!b);
      return { section: stories.length ? { ...section, stories } : null, dropped };
    }
    case "groups": {
      const groups = section.groups
        .map((g) => ({ ...g, stories: g.stories.map(block).filter((b): b is StoryBlock => !!b) }))
        .filter((g) => g.stories.length);
      return { section: groups.length ? { ...section, groups } : null, dropped };
    }
    case "bullets": {
      const lines = section.lines
        .map((l) => (l.text ? { ...l, text: text(l.text) } : l))
        .filter((l, i) => l.text.trim() || (i === 0 && l.lead));
      const hasText = lines.some((l) => l.text.trim());
      return { section: hasText ? { ...section, lines } : null, dropped };
    }
    case "market": {
      const paragraph = text(section.paragraph);
      return { section: paragraph.trim() ? { ...section, paragraph } : null, dropped };
    }
    case "quote":
      return { section: fresh(section.quote) ? section : null, dropped };
    default:
      return { section, dropped };
  }
}

/** Adds a section's sentences and stories to what the issue has printed. */
export function remember(section: Section, printed: Set<string>, told: Set<string>): void {
  for (const sentence of printedSentences(section)) printed.add(sentenceKey(sentence));
  for (const id of toldStories(section)) told.add(id);
}
