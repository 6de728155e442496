import type { Section } from "../model/issue.ts";
import type { ClaimChecker } from "./claim-check.ts";
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
  /** Sentences earlier sections of the issue printed: none is printed twice. */
  printed?: string[];
  /** Stories earlier sections of the issue told, in order. */
  told?: string[];
  /**
   * Those of `told` printed at length (full stories, Rapid Fire items), not only as a headline: the market read does
   * not retell them.
   */
  toldAtLength?: string[];
  /**
   * Set when the draft is a scaffold a model rewrites (the LLM writer): a section is drafted even when the offline
   * writer has nothing true to say in it, so the model can be asked.
   */
  scaffold?: boolean;
};

/**
 * A written section with what it may be checked against: the items it draws on (their texts are the evidence for
 * every number, name and quotation) and the facts the writer derived from data (counts such as "three of today's
 * eight stories").
 */
export type SectionDraft = {
  section: Section;
  evidence: DayItem[];
  derived: string[];
  vars?: Record<string, string>;
  /** What the writer left out for want of anything true to say ("The Alpha under …: the sources give no reason"). */
  omitted?: string[];
};

/** What the issue builder needs from a writer: one section at a time; null when there is nothing to write. */
export interface Writer {
  readonly name: "offline" | "llm";
  writeSection(request: WriteRequest): Promise<SectionDraft | null>;
  /** Judges the writer's own sentences against their sources after the grounding check (the optional claim check). */
  readonly claimChecker?: ClaimChecker | null;
}

/** Fills {{name}} placeholders; unknown names are left empty. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? "");
}
