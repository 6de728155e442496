import type { Section } from "../../model/issue.ts";
import { extractEntities } from "../../text/entities/extract-entities.ts";
import { notNames } from "../../text/entities/name-words.ts";
import { escapeRegex } from "../../text/regex.ts";
import { splitSentences } from "../../text/sentences.ts";
import { buildEvidence, normaliseText } from "../grounding.ts";
import type { SectionDraft } from "../writer.ts";

const capitalised = /(?<![\p{L}\d])\p{Lu}[\p{L}\d'’.&-]*[\p{L}\d]/gu;

/**
 * Capitalised words inside a model's sentences that no source contains and the entity extractor does not recognise
 * as a name ("…partnered with Quillion"). The grounding check catches the names it recognises (and drops only their
 * sentence); about the others the model is asked again before its answer is accepted. A sentence's first word is left to the grounding check (any sentence
 * starts with a capital), as are ordinary capitalised words ("Monday", "Chief").
 *
 * @example
 * unknownNames(draft, scaffold) // ["Quillion"]
 */
export function unknownNames(draft: SectionDraft, scaffold: SectionDraft): string[] {
  const evidence = buildEvidence(draft.evidence, draft.derived);
  const known = new Set(draft.evidence.flatMap((i) => i.entities.map((e) => normaliseText(e.text))));
  const before = new Set(proseOf(scaffold.section));
  const out = new Set<string>();
  for (const text of proseOf(draft.section)) {
    if (before.has(text)) continue;
    for (const sentence of splitSentences(text)) {
      const entities = extractEntities(sentence);
      for (const match of sentence.matchAll(capitalised)) {
        const at = match.index ?? 0;
        if (at === 0 || /(?:^|[:;—–(“"‘]\s*)$/.test(sentence.slice(0, at))) continue;
        // A name the extractor recognises is the grounding check's to judge: it drops just that sentence.
        if (entities.some((e) => at >= e.start && at < e.end)) continue;
        const word = match[0].replace(/['’]s$/, "");
        const lower = normaliseText(word);
        if (notNames.has(word) || known.has(lower) || evidence.derived.has(lower) || containsWord(evidence.text, lower))
          continue;
        const head = lower.split("-")[0] ?? lower;
        if (head !== lower && containsWord(evidence.text, head)) continue;
        out.add(word);
      }
    }
  }
  return [...out];
}

function containsWord(text: string, word: string): boolean {
  const escaped = escapeRegex(word);
  return new RegExp(`(?<![\\p{L}\\d])${escaped}`, "u").test(text);
}

/** The prose of a section a writer wrote: headlines, paragraphs, notes, bullets, the market paragraph. */
export function proseOf(section: Section): string[] {
  switch (section.kind) {
    case "stories":
      return section.stories.flatMap((b) => [b.headline, ...b.paragraphs, ...b.notes.map((n) => n.text)]);
    case "groups":
      return section.groups.flatMap((g) => g.stories.flatMap((b) => [...b.paragraphs, ...b.notes.map((n) => n.text)]));
    case "bullets":
      return section.lines.flatMap((l) => [l.lead ?? "", l.text]).filter(Boolean);
    case "market":
      return [section.paragraph];
    default:
      return [];
  }
}
