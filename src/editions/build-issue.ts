import { createHash } from "node:crypto";
import type { Issue, IssueNote, Section } from "../model/issue.ts";
import type { DayContext } from "./day.ts";
import type { EditionDefinition } from "./definition.ts";
import { withoutRepeats } from "./follow-ups.ts";
import { groundSection } from "./grounding.ts";
import { issueWriterInfo } from "./llm/usage.ts";
import { OfflineWriter, themeOf } from "./offline/offline-writer.ts";
import { selectStories } from "./select.ts";
import { fill, type SectionDraft, type Writer } from "./writer.ts";

export type WriteIssueOptions = {
  /** The writer to use (the LLM writer when configured); the offline writer fills any section it cannot. */
  writer?: Writer;
  offline?: OfflineWriter;
  now?: Date;
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
  const writer = options.writer ?? offline;
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
  for (const definition of edition.sections) {
    const selection = selections.get(definition.id) ?? { stories: [], items: [], groups: [] };
    vars.theme = themeOf(day, selection.stories);
    const request = { edition, definition, day, selection, vars: { ...vars } };
    let draft: SectionDraft | null = null;
    try {
      draft = await writer.writeSection(request);
    } catch (error) {
      notes.push({
        level: "warning",
        section: definition.id,
        code: "fallback",
        message: `${writer.name} writer failed (${(error as Error).message}); the offline writer wrote this section.`,
      });
      draft = await offline.writeSection(request);
    }
    if (!draft && writer !== offline && definition.kind !== "intro") draft = await offline.writeSection(request);
    const grounded = draft ? groundSection(draft) : { section: null, notes: [] };
    notes.push(...grounded.notes);
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
        message: `Nothing for "${definition.heading ?? definition.id}" today; the section is left out rather than padded.`,
      });
    }
    const wanted = definition.select?.count;
    const got = selection.stories.length || selection.items.length;
    if (wanted && got && got < wanted && definition.kind === "stories") {
      notes.push({
        level: "info",
        section: definition.id,
        code: "thin-day",
        message: `Only ${got} of ${wanted} stories for "${definition.heading ?? definition.id}" today.`,
      });
    }
  }
  const title = subjectLine(fill(edition.subject, vars), vars.headlines ?? "", edition.name, vars.date ?? day.date);
  return {
    id: issueId(edition.id, day.date),
    edition: edition.id,
    editionName: edition.name,
    date: day.date,
    title,
    preheader: preheaderOf(sections, title),
    sections,
    notes,
    writer: issueWriterInfo(writer),
    status: "draft",
    createdAt: (options.now ?? new Date()).toISOString(),
    url: null,
  };
}

export function issueId(edition: string, date: string): string {
  return `is_${createHash("sha256").update(`${edition}|${date}`).digest("hex").slice(0, 16)}`;
}

/** The subject: the template filled; "{{headlines}}" is as many of the top headlines as fit in 120 characters. */
function subjectLine(filled: string, headlines: string, name: string, date: string): string {
  if (!filled.trim()) return `${name} — ${date}`;
  if (!filled.includes(" · ") || filled.length <= 120) return filled.trim();
  const parts = headlines.split(" · ");
  let out = parts[0] ?? "";
  for (const part of parts.slice(1)) {
    if (`${out} · ${part}`.length > 120) break;
    out = `${out} · ${part}`;
  }
  return out;
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
