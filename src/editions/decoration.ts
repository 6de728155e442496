import type { Section } from "../model/issue.ts";
import type { EditionDefinition } from "./definition.ts";

/** Emoji and the joiners, variation selectors and keycap marks that build emoji sequences. */
const emojiParts = /\p{Extended_Pictographic}|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}|[\u{1F3FB}-\u{1F3FF}]/gu;
const hasEmoji = /\p{Extended_Pictographic}/u;

/** A heading or label with any emoji taken out ("🤖 Agentic Frontier" → "Agentic Frontier"), unless nothing is left. */
function plain(text: string): string {
  if (!hasEmoji.test(text)) return text;
  return text.replace(emojiParts, "").replace(/\s+/g, " ").trim() || text;
}

/**
 * The edition's decoration applied to its sections: with `emoji: true` each section gets its definition's `icon`;
 * with emoji off (the default) no section carries an icon, no Rapid Fire group an emoji, and no heading or group
 * label an emoji a writer (a model) put in it, so no reader without an emoji font sees boxes in the structure of an
 * issue. Text quoted from sources is left as written.
 */
export function decorate(edition: EditionDefinition, sections: Section[]): Section[] {
  const icons = new Map(edition.sections.map((d) => [d.id, d.icon ?? null]));
  return sections.map((section): Section => {
    if (edition.emoji) return { ...section, icon: icons.get(section.id) ?? null };
    if (section.kind === "groups")
      return {
        ...section,
        icon: null,
        heading: section.heading && plain(section.heading),
        groups: section.groups.map((g) => ({ ...g, label: plain(g.label), emoji: null })),
      };
    // Every kind has a heading (some may be null): only its text changes, never its presence.
    return { ...section, icon: null, ...(section.heading ? { heading: plain(section.heading) } : {}) } as Section;
  });
}
