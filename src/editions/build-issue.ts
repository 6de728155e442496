import { createHash } from "node:crypto";
import type { Issue, IssueNote, Section } from "../model/issue.ts";
import { checkSectionClaims } from "./claim-check.ts";
import type { DayContext } from "./day.ts";
import { decorate } from "./decoration.ts";
import type { EditionDefinition, SectionDefinition } from "./definition.ts";
import { withoutRepeats } from "./follow-ups.ts";
import { groundSection } from "./grounding.ts";
import { leadClause } from "./lead-clause.ts";
import { type ImageProbe, withLeadImage } from "./lead-image.ts";
import { issueWriterInfo } from "./llm/usage.ts";
import { OfflineWriter, themeOf } from "./offline/offline-writer.ts";
import { printedSentences, remember, toldStories, withoutPrinted } from "./printed.ts";
import { eligible, type Selection, selectStories } from "./select.ts";
import { shortTitle } from "./sentences.ts";
import { fill, type SectionDraft, type Writer } from "./writer.ts";

export type WriteIssueOptions = {
  /** The writer to use (the LLM writer when configured); the offline writer fills any section it cannot. */
  writer?: Writer;
  offline?: OfflineWriter;
  now?: Date;
  /** Measures the lead story's image (fetching it); without one the issue has no lead image. */
  images?: ImageProbe;
};

/**
 * Writes one issue of an edition for a day: selects stories section by section, has the writer fill each section
 * (falling back to the offline writer, section by section, when a model fails), checks every text against its
 * sources, and records for the editor what fell back, what was dropped, and where the day was thin.
 *
 * @example
 * const issue = await writeIssue(loadEdition("digest"), day);
 */
export async function writeIssue(
  edition: EditionDefinition,
  given: DayContext,
  options: WriteIssueOptions = {},
): Promise<Issue> {
  const { day, note: repeats } = withoutRepeats(given, edition.windowHours);
  const offline = options.offline ?? new OfflineWriter();
  const writer: Writer = options.writer ?? offline;
  const checker = writer.claimChecker ?? null;
  // A writer that keeps a token account starts a fresh one for each issue.
  (writer as { resetUsage?: () => void }).resetUsage?.();
  const selections = selectStories(edition, day);
  const date = new Date(`${day.date}T12:00:00Z`);
  const vars: Record<string, string> = {
    date: date.toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" }),
    weekday: date.toLocaleDateString("en-US", { weekday: "long", timeZone: "UTC" }),
    name: edition.name,
  };
  const sections: Section[] = [];
  const notes: IssueNote[] = repeats ? [repeats] : [];
  const printed = new Set<string>();
  const printedText: string[] = [];
  const told = new Set<string>();
  const toldAtLength = new Set<string>();
  const selected = new Set([...selections.values()].flatMap((s) => s.stories.map((story) => story.id)));
  for (const definition of edition.sections) {
    const selection = refill(
      definition,
      selections.get(definition.id) ?? { stories: [], items: [], groups: [] },
      day,
      told,
      selected,
    );
    vars.theme = themeOf(day, selection.stories);
    const request = {
      edition,
      definition,
      day,
      selection,
      vars: { ...vars },
      printed: [...printedText],
      told: [...told],
      toldAtLength: [...toldAtLength],
    };
    let draft: SectionDraft | null = null;
    let byWriter = writer !== offline;
    const fallBack = async (error: unknown) => {
      notes.push({
        level: "warning",
        section: definition.id,
        code: "fallback",
        message: `${writer.name} writer failed (${(error as Error).message}); the offline writer wrote this section.`,
      });
      byWriter = false;
      return offline.writeSection(request);
    };
    try {
      draft = await writer.writeSection(request);
    } catch (error) {
      draft = await fallBack(error);
    }
    if (!draft && writer !== offline && definition.kind !== "intro") {
      byWriter = false;
      draft = await offline.writeSection(request);
    }
    let grounded = draft ? groundSection(draft) : { section: null, notes: [] };
    if (draft && grounded.section && byWriter && checker) {
      // The optional claim check judges what the model wrote; a check that cannot run leaves nothing unchecked.
      try {
        const checked = await checkSectionClaims(grounded.section, draft.evidence, checker, edition);
        grounded = { section: checked.section, notes: [...grounded.notes, ...checked.notes] };
      } catch (error) {
        draft = await fallBack(error);
        grounded = draft ? groundSection(draft) : { section: null, notes: [] };
      }
    }
    notes.push(...grounded.notes);
    if (draft?.omitted?.length) {
      notes.push({
        level: "info",
        section: definition.id,
        code: "thin-day",
        message: `Left out rather than padded (the sources say nothing true to put there): ${draft.omitted.join("; ")}.`,
      });
    }
    if (grounded.section) {
      // The issue-wide guarantee, whatever the writer: a story in one section only, no sentence printed twice.
      const once = withoutPrinted(grounded.section, printed, told);
      if (once.dropped) {
        notes.push({
          level: "info",
          section: definition.id,
          code: "selection",
          message: `${once.dropped} repeat${once.dropped === 1 ? "" : "s"} of what the issue printed already left out.`,
        });
      }
      grounded.section = once.section;
      if (once.section) {
        remember(once.section, printed, told);
        if (once.section.kind === "groups" || (once.section.kind === "stories" && once.section.style !== "headline"))
          for (const id of toldStories(once.section)) toldAtLength.add(id);
        printedText.push(...printedSentences(once.section));
        // The market read tells the stories its sentences come from: they are not told again below.
        if (once.section.kind === "market" && draft) {
          const drivers = new Set(draft.evidence.map((i) => i.id));
          for (const story of day.stories) if (story.items.some((i) => drivers.has(i.id))) told.add(story.id);
        }
      }
    }
    // The subject's {{headlines}} are those of the first section that has headlines.
    for (const [key, value] of Object.entries(draft?.vars ?? {}))
      if (key !== "headlines" || !vars.headlines) vars[key] = value;
    if (grounded.section) {
      sections.push(grounded.section);
    } else if (
      definition.kind === "stories" ||
      definition.kind === "groups" ||
      definition.kind === "market" ||
      definition.kind === "quote"
    ) {
      notes.push({
        level: "info",
        section: definition.id,
        code: "thin-day",
        message: `Nothing for "${headingShown(definition, vars)}" today; the section is left out rather than padded.`,
      });
    }
    const wanted = definition.select?.count;
    const got = selection.stories.length || selection.items.length;
    if (wanted && got && got < wanted && definition.kind === "stories") {
      notes.push({
        level: "info",
        section: definition.id,
        code: "thin-day",
        message: `Only ${got} of ${wanted} stories for "${headingShown(definition, vars)}" today.`,
      });
    }
  }
  const title = subjectLine(edition.subject, vars, edition.name, vars.date ?? day.date);
  let finished = decorate(edition, sections);
  if (options.images) {
    const lead = await withLeadImage(edition, finished, day, options.images);
    finished = lead.sections;
    notes.push(...lead.notes);
  }
  return {
    id: issueId(edition.id, day.date),
    edition: edition.id,
    editionName: edition.name,
    date: day.date,
    title,
    preheader: preheaderOf(finished, title),
    sections: finished,
    notes,
    writer: issueWriterInfo(writer),
    status: "draft",
    createdAt: (options.now ?? new Date()).toISOString(),
    url: null,
  };
}

/**
 * A section's heading as the editor's notes name it: placeholders filled where known; one not yet known is left
 * out with the punctuation around it ("Market Pulse: {{ticker}}" is "Market Pulse"), and the section's id stands
 * in when nothing readable is left.
 */
function headingShown(definition: { id: string; heading: string | null }, vars: Record<string, string>): string {
  const heading = (definition.heading ?? "")
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? "\u0000")
    .replace(/[[(]\s*\u0000\s*[\])]|\s*[:\-–—]?\s*\u0000/g, "")
    .trim();
  return /\p{L}/u.test(heading) ? heading : definition.id;
}

/**
 * A story section whose stories an earlier section told (the market read tells the stories its sentences come
 * from) takes the next stories no section has.
 */
function refill(
  definition: SectionDefinition,
  selection: Selection,
  day: DayContext,
  told: Set<string>,
  selected: Set<string>,
): Selection {
  if (definition.kind !== "stories" || !definition.select || definition.select.sourceKinds.length) return selection;
  if (!selection.stories.some((s) => told.has(s.id))) return selection;
  const rules = definition.select;
  const stories = selection.stories.filter((s) => !told.has(s.id));
  for (const story of day.stories) {
    if (stories.length >= rules.count) break;
    if (selected.has(story.id) || told.has(story.id) || !eligible(story, rules)) continue;
    stories.push(story);
    selected.add(story.id);
  }
  return { ...selection, stories, items: stories.flatMap((s) => s.items) };
}

export function issueId(edition: string, date: string): string {
  return `is_${createHash("sha256").update(`${edition}|${date}`).digest("hex").slice(0, 16)}`;
}

/**
 * The subject: the template filled. "{{headlines}}" covers the day: the first clause of each of the top headlines
 * ("Anthropic lines up IPO lawyers · Salesforce raises annual revenue forecast · Anthropic buys Bun"), as many as fit
 * in 120 characters.
 */
function subjectLine(template: string, vars: Record<string, string>, name: string, date: string): string {
  const parts = (vars.headlines ?? "").split(" · ").filter(Boolean);
  // A cut that ends on a verb has lost the verb's complement ("FLUX maker Black Forest Labs valued"): the clause
  // whole, up to where a further one begins ("… valued at $3.25 billion"), if the headline has one that short.
  const short = parts.map((p) => {
    const cut = shortTitle(p, 8);
    return /\b(?:[a-z]{3,}ed|to|is|are|was|were|be|will|has|have)$/.test(cut) ? (leadClause(p, 10) ?? cut) : cut;
  });
  let headlines = short[0] ?? "";
  for (const part of short.slice(1, 3)) {
    if (`${headlines} · ${part}`.length > 120) continue;
    headlines = `${headlines} · ${part}`;
  }
  const filled = fill(template, { ...vars, headlines }).trim();
  return filled || `${name} — ${date}`;
}

function preheaderOf(sections: Section[], title: string): string {
  for (const section of sections) {
    if (section.kind === "stories") {
      const text =
        section.stories[0]?.paragraphs[0] ??
        section.stories
          .slice(1, 3)
          .map((s) => s.headline)
          .join(" · ");
      if (text) return text.length > 140 ? `${text.slice(0, 137).replace(/\s+\S*$/, "")}…` : text;
    }
  }
  return title;
}
