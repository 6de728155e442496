import type { Issue, IssueNote, Section } from "../model/issue.ts";
import { splitSentences } from "../text/sentences.ts";
import type { DayContext, DayItem, DayStory } from "./day.ts";
import type { EditionDefinition } from "./definition.ts";
import { buildEvidence, groundSection, unsupportedClaims } from "./grounding.ts";
import { OfflineWriter, themeOf } from "./offline/offline-writer.ts";
import { printedSentences, remember, toldStories, withoutPrinted } from "./printed.ts";
import { eligible, selectStories } from "./select.ts";
import type { SectionDraft, Writer } from "./writer.ts";

export type RewriteOptions = {
  writer?: Writer;
  offline?: OfflineWriter;
  /** The stories the section is to tell, in order; without it, the best stories no other section tells. */
  storyIds?: string[];
};

/**
 * Writes one section of an issue again — after the editor pinned or blocked stories, or swapped one for another —
 * with the same writer, grounding check and no-repeat rule as `writeIssue`, against what the other sections print.
 * Returns the section (null when nothing true is left to say) and its notes, which replace the section's old ones.
 *
 * @example
 * const { section, notes } = await rewriteSection(edition, day, issue, "top-stories", { storyIds: ["st_1", "st_2"] });
 */
export async function rewriteSection(
  edition: EditionDefinition,
  day: DayContext,
  issue: Issue,
  sectionId: string,
  options: RewriteOptions = {},
): Promise<{ section: Section | null; notes: IssueNote[] }> {
  const definition = edition.sections.find((s) => s.id === sectionId);
  if (!definition) return { section: null, notes: [] };
  const others = issue.sections.filter((s) => s.id !== sectionId);
  const told = new Set(others.flatMap(toldStories));
  const printed = new Set<string>();
  for (const other of others) remember(other, printed, new Set());
  const byId = new Map(day.stories.map((s) => [s.id, s]));
  let stories: DayStory[];
  let items: DayItem[];
  if (options.storyIds) {
    stories = options.storyIds.map((id) => byId.get(id)).filter((s): s is DayStory => !!s);
    items = stories.flatMap((s) => s.items);
  } else {
    const rest = { ...day, stories: day.stories.filter((s) => !told.has(s.id)) };
    const picked = selectStories({ ...edition, sections: [definition] }, rest).get(sectionId);
    stories = picked?.stories ?? [];
    items = picked?.items ?? [];
  }
  const groups =
    definition.kind === "groups"
      ? [...new Set(stories.map((s) => s.topic ?? "other"))].map((topic) => ({
          topic,
          stories: stories.filter((s) => (s.topic ?? "other") === topic),
        }))
      : [];
  const date = new Date(`${day.date}T12:00:00Z`);
  const vars: Record<string, string> = {
    date: date.toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" }),
    weekday: date.toLocaleDateString("en-US", { weekday: "long", timeZone: "UTC" }),
    name: edition.name,
    theme: themeOf(day, stories),
  };
  const request = {
    edition,
    definition,
    day,
    selection: { stories, items, groups },
    vars,
    printed: others.flatMap(printedSentences),
    told: [...told],
  };
  const offline = options.offline ?? new OfflineWriter();
  const writer = options.writer ?? offline;
  const notes: IssueNote[] = [];
  let draft: SectionDraft | null;
  try {
    draft = await writer.writeSection(request);
  } catch (error) {
    notes.push({
      level: "warning",
      section: sectionId,
      code: "fallback",
      message: `${writer.name} writer failed (${(error as Error).message}); the offline writer wrote this section.`,
    });
    draft = await offline.writeSection(request);
  }
  if (!draft) return { section: null, notes };
  const grounded = groundSection(draft);
  notes.push(...grounded.notes);
  if (!grounded.section) return { section: null, notes };
  const once = withoutPrinted(grounded.section, printed, told);
  return { section: once.section, notes };
}

/** The stories a section could tell instead of its own: eligible for it and told by no section of the issue. */
export function swapCandidates(
  edition: EditionDefinition,
  day: DayContext,
  issue: Issue,
  sectionId: string,
): DayStory[] {
  const definition = edition.sections.find((s) => s.id === sectionId);
  if (!definition?.select) return [];
  const told = new Set(issue.sections.flatMap(toldStories));
  const rules = definition.select;
  return day.stories.filter((s) => !told.has(s.id) && eligible(s, rules));
}

/**
 * What an editor's text claims that its sources do not say: each sentence checked as the writer's are (numbers,
 * amounts, names, quotations, who said what). Empty when every sentence holds.
 */
export function checkEditedText(text: string, evidence: DayItem[]): Array<{ sentence: string; claims: string[] }> {
  const checked = buildEvidence(evidence);
  const out: Array<{ sentence: string; claims: string[] }> = [];
  for (const sentence of splitSentences(text)) {
    const failures = unsupportedClaims(sentence, checked);
    if (failures.length) out.push({ sentence, claims: failures.map((f) => f.claim) });
  }
  return out;
}
