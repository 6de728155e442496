import type { IssueNote, Section, StoryBlock } from "../model/issue.ts";
import { splitSentences } from "../text/sentences.ts";
import type { DayItem } from "./day.ts";
import type { EditionDefinition } from "./definition.ts";
import { normaliseText } from "./grounding.ts";

/** One sentence of a written section and the sources it cites, for a judge to say whether they state it. */
export type Claim = { id: string; text: string; sources: DayItem[] };

/** A judge's answer about one claim. */
export type Verdict = { id: string; supported: boolean; reason: string | null };

/**
 * Something that judges whether sentences are stated by their sources (the LLM writer, with `llm.claimCheck`). It
 * answers for every claim it is given, or throws.
 */
export interface ClaimChecker {
  checkClaims(sectionId: string, claims: Claim[], edition: EditionDefinition): Promise<Verdict[]>;
}

type Role = "headline" | "lead" | "text";

/** Calls `visit` on each checkable text of a section, in one fixed order, and rebuilds it from the answers. */
function mapTexts(
  section: Section,
  evidence: DayItem[],
  visit: (text: string, role: Role, sources: DayItem[], where: string) => string | null,
): Section | null {
  const cited = (urls: string[]) => {
    const found = evidence.filter((i) => i.url !== null && urls.includes(i.url));
    return found.length ? found : evidence;
  };
  const block = (b: StoryBlock): StoryBlock => {
    const sources = cited(b.citations.map((c) => c.url));
    const headline = visit(b.headline, "headline", sources, `"${b.headline}"`);
    const where = `"${headline ?? b.citations[0]?.title ?? b.headline}"`;
    return {
      ...b,
      headline: headline ?? b.citations[0]?.title ?? b.headline,
      paragraphs: b.paragraphs.map((p) => visit(p, "text", sources, where) ?? "").filter(Boolean),
      notes: b.notes
        .map((n) => ({ ...n, text: visit(n.text, "text", sources, `${n.label} of ${where}`) ?? "" }))
        .filter((n) => n.text),
    };
  };
  switch (section.kind) {
    case "stories": {
      const stories = section.stories.map(block);
      return { ...section, stories };
    }
    case "groups":
      return { ...section, groups: section.groups.map((g) => ({ ...g, stories: g.stories.map(block) })) };
    case "bullets": {
      const sources = cited(section.citations.map((c) => c.url));
      const where = section.heading ?? section.id;
      const lines = section.lines
        .map((line, i) => {
          // The podcast's first line is the episode's own title, not a claim.
          if (i === 0 && line.lead && !line.text) return line;
          const lead = line.lead === undefined ? undefined : visit(line.lead, "lead", sources, where);
          if (lead === null) return null;
          const text = visit(line.text, "text", sources, where) ?? "";
          return text ? { ...line, text } : null;
        })
        .filter((l) => l !== null);
      return lines.some((l) => l.text) ? { ...section, lines } : null;
    }
    case "market": {
      const paragraph = visit(section.paragraph, "text", cited(section.citations.map((c) => c.url)), section.heading);
      return paragraph ? { ...section, paragraph } : null;
    }
    default:
      // Quotes are checked word for word by the grounding check; the rest is not written from sources.
      return section;
  }
}

/** Whether a sentence is written word for word in one of its sources (nothing for a judge to weigh). */
function copied(sentence: string, sources: DayItem[]): boolean {
  const wanted = normaliseText(sentence).replace(/[.!?…]+$/, "");
  return sources.some((i) => normaliseText(`${i.title}\n${i.text}`).includes(wanted));
}

/** The claims of a section, one per sentence (a headline and a bullet's lead whole); copied sentences are left out. */
export function collectClaims(section: Section, evidence: DayItem[]): Claim[] {
  const claims: Claim[] = [];
  mapTexts(section, evidence, (text, role, sources) => {
    const sentences = role === "text" ? splitSentences(text) : [text];
    for (const sentence of sentences) {
      if (copied(sentence, sources)) continue;
      claims.push({ id: `C${claims.length + 1}`, text: sentence, sources });
    }
    return text;
  });
  return claims;
}

/**
 * Asks the checker about every sentence of a written section (after the deterministic grounding check) and drops
 * those it finds unsupported: a sentence from its paragraph, a bullet whose lead fails, a headline replaced by its
 * source's own title. Each drop is reported to the editor with the checker's reason.
 *
 * @example
 * const { section, notes } = await checkSectionClaims(grounded, draft.evidence, checker, edition);
 */
export async function checkSectionClaims(
  section: Section,
  evidence: DayItem[],
  checker: ClaimChecker,
  edition: EditionDefinition,
): Promise<{ section: Section | null; notes: IssueNote[]; checked: number }> {
  const claims = collectClaims(section, evidence);
  if (!claims.length) return { section, notes: [], checked: 0 };
  const verdicts = await checker.checkClaims(section.id, claims, edition);
  const refused = new Map(verdicts.filter((v) => !v.supported).map((v) => [v.id, v.reason]));
  const notes: IssueNote[] = [];
  const note = (message: string) => notes.push({ level: "warning", section: section.id, code: "claim-check", message });
  const why = (id: string) => {
    const reason = refused.get(id);
    return reason ? ` (${reason.replace(/[.\s]+$/, "")})` : "";
  };
  // The same walk as collectClaims: the claims come up in the same order.
  let next = 0;
  const rebuilt = mapTexts(section, evidence, (text, role, sources, where) => {
    const sentences = role === "text" ? splitSentences(text) : [text];
    const kept: string[] = [];
    for (const sentence of sentences) {
      if (copied(sentence, sources)) {
        kept.push(sentence);
        continue;
      }
      const claim = claims[next];
      next += 1;
      if (!claim || !refused.has(claim.id)) {
        kept.push(sentence);
        continue;
      }
      if (role === "headline")
        note(
          `Replaced headline "${sentence}" with its source's own title: the claim check found it unsupported${why(claim.id)}.`,
        );
      else if (role === "lead")
        note(`Dropped the bullet "${sentence}": the claim check found it unsupported${why(claim.id)}.`);
      else
        note(
          `Dropped from ${where}: "${sentence}" — the claim check found it unsupported by its sources${why(claim.id)}.`,
        );
    }
    return kept.length ? kept.join(" ") : null;
  });
  return { section: rebuilt, notes, checked: claims.length };
}
