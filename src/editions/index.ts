/**
 * The editions stage's entry: what the pipeline and the command line use of it. An issue is written from plain
 * records the pipeline read from the store (`assembleDay`, then `writeIssue`, or both at once with
 * `writeEditionIssue`); the writers (offline, LLM) and the answer cache's interface are here too.
 */

import type { Issue } from "../model/issue.ts";
import { assembleDay, type DayInput } from "./assemble-day.ts";
import { type WriteIssueOptions, writeIssue } from "./build-issue.ts";
import type { EditionDefinition } from "./definition.ts";

export { assembleDay, type DayInput, type DaySourceItem } from "./assemble-day.ts";
export { issueId, type WriteIssueOptions, writeIssue } from "./build-issue.ts";
export type { Claim, ClaimChecker, Verdict } from "./claim-check.ts";
export type { ArchiveLink, DayContext, DayItem, DayStory } from "./day.ts";
export { builtinEditions, type EditionDefinition, loadEdition, type SectionDefinition } from "./definition.ts";
export { applyField, type DraftField, issueFields, moveBlock, parseBlockRef, sectionFields } from "./draft-fields.ts";
export { EVENING_HOURS } from "./follow-ups.ts";
export type { ImageProbe } from "./lead-image.ts";
export { type CreateLlmWriterOptions, createLlmWriter } from "./llm/create.ts";
export { type CachedAnswer, type LlmCache, MemoryLlmCache } from "./llm/llm-cache.ts";
export { LlmWriter, type LlmWriterOptions } from "./llm/llm-writer.ts";
export { issueWriterInfo, type LlmUsage } from "./llm/usage.ts";
export { OfflineWriter } from "./offline/offline-writer.ts";
export { checkEditedText, rewriteSection, swapCandidates } from "./rewrite-section.ts";
export type { SectionDraft, WriteRequest, Writer } from "./writer.ts";

/**
 * Writes one issue of an edition from what the pipeline read for its day.
 *
 * @example
 * const issue = await writeEditionIssue(loadEdition("briefing"), dayInput, { writer });
 */
export function writeEditionIssue(
  edition: EditionDefinition,
  input: DayInput,
  options: WriteIssueOptions = {},
): Promise<Issue> {
  return writeIssue(edition, assembleDay(input), options);
}
