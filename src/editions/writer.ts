import type { Section } from "../model/issue.ts";
import type { DayContext, DayItem } from "./day.ts";
import type { EditionDefinition, SectionDefinition } from "./definition.ts";
import type { Selection } from "./select.ts";

export type WriteRequest = {
  edition: EditionDefinition;
  definition: SectionDefinition;
  day: DayContext;
  selection: Selection;
  /** Values for {{theme}}, {{ticker}}… placeholders decided earlier in the issue. */
  vars: Record<string, string>;
};

/**
 * A written section with what it may be checked against: the items it draws on (their texts are the evidence for
 * every number, name and quotation) and the facts the writer derived from data (counts such as "three of today's
 * eight stories").
 */
export type SectionDraft = { section: Section; evidence: DayItem[]; derived: string[]; vars?: Record<string, string> };

/** What the issue builder needs from a writer: one section at a time; null when there is nothing to write. */
export interface Writer {
  readonly name: "offline" | "llm";
  writeSection(request: WriteRequest): Promise<SectionDraft | null>;
}

/** Fills {{name}} placeholders; unknown names are left empty. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? "");
}
