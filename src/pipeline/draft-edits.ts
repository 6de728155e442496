import {
  applyField,
  builtinEditions,
  checkEditedText,
  type DayContext,
  type DayItem,
  type DayStory,
  type EditionDefinition,
  issueFields,
  loadEdition,
  moveBlock,
  OfflineWriter,
  rewriteSection,
  swapCandidates,
} from "../editions/index.ts";
import { DaybriefError } from "../errors.ts";
import { endOfDay, resolveTimeZone } from "../model/day.ts";
import type { Issue } from "../model/issue.ts";
import type { Story } from "../model/story.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { ItemsRepo } from "../store/items-repo.ts";
import { SourcesRepo } from "../store/sources-repo.ts";
import { StoriesRepo } from "../store/stories-repo.ts";
import { buildIssue, dayContext, type IssueDeps } from "./build-issue.ts";
import { buildStories, storyTopics } from "./build-stories.ts";
import { setStoryFlag } from "./edit-stories.ts";
import type { SendContext } from "./send-issue.ts";
import { configuredWriter } from "./writer.ts";

/**
 * What the desk does to a draft — edit a text, move a story, write a section again, swap a story — each loading the
 * draft, changing it through the editions stage, and saving it back. Only a draft changes: an approved or sent issue
 * is refused with E_DRAFT_EDIT.
 */
function issueDeps(ctx: SendContext): IssueDeps {
  return {
    config: ctx.config,
    log: ctx.log,
    items: new ItemsRepo(ctx.db),
    stories: new StoriesRepo(ctx.db),
    sources: new SourcesRepo(ctx.db),
    issues: new IssuesRepo(ctx.db),
  };
}

async function draftOf(ctx: SendContext, id: string): Promise<Issue> {
  const issue = await new IssuesRepo(ctx.db).get(id);
  if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
  if (issue.status !== "draft") {
    throw new DaybriefError("E_DRAFT_EDIT", `Issue ${id} is ${issue.status}; only a draft can be changed.`);
  }
  return issue;
}

async function save(ctx: SendContext, issue: Issue): Promise<Issue> {
  await new IssuesRepo(ctx.db).saveDraft(issue, new Date().toISOString());
  return issue;
}

async function dayOf(ctx: SendContext, issue: Issue, edition: EditionDefinition): Promise<DayContext> {
  const asOf = endOfDay(issue.date, resolveTimeZone(ctx.config.timezone));
  return dayContext(issueDeps(ctx), edition, issue.date, asOf);
}

/** The items a text of the issue may state facts from: its story's coverage and every article it cites. */
function evidenceFor(day: DayContext, storyId: string | null, urls: string[]): DayItem[] {
  const all = day.stories.flatMap((s) => s.items);
  const cited = new Set(urls);
  const story = storyId ? day.stories.find((s) => s.id === storyId) : undefined;
  return [...new Set([...(story?.items ?? []), ...all.filter((i) => i.url && cited.has(i.url))])];
}

export type EditProblem = { key: string; label: string; sentence: string; claims: string[] };
export type EditResult = { ok: true; issue: Issue; changed: number } | { ok: false; problems: EditProblem[] };

/**
 * Applies an editor's texts (by field key, see draft-fields.ts). A text that states facts is checked against its
 * sources as the writer's are; when any sentence fails, nothing is saved and the failures come back, so the editor
 * can fix the sentence (the desk keeps what they typed).
 */
export async function editDraftText(ctx: SendContext, id: string, edits: Record<string, string>): Promise<EditResult> {
  let issue = await draftOf(ctx, id);
  const fields = new Map(issueFields(issue.sections).map((f) => [f.key, f]));
  const changes = Object.entries(edits)
    .map(([key, value]) => [key, value.replace(/\r\n?/g, "\n").trim()] as const)
    .filter(([key, value]) => fields.has(key) && fields.get(key)?.value !== value);
  for (const [key] of Object.entries(edits)) {
    if (!fields.has(key)) throw new DaybriefError("E_DRAFT_EDIT", `The draft has no text "${key}" any more.`);
  }
  if (!changes.length) return { ok: true, issue, changed: 0 };
  const problems: EditProblem[] = [];
  const grounded = changes.filter(([key]) => fields.get(key)?.grounded);
  if (grounded.length) {
    const day = await dayOf(ctx, issue, loadEdition(issue.edition));
    for (const [key, value] of grounded) {
      const field = fields.get(key);
      if (!field) continue;
      const evidence = evidenceFor(
        day,
        field.storyId,
        field.citations.map((c) => c.url),
      );
      for (const failure of checkEditedText(value, evidence)) problems.push({ key, label: field.label, ...failure });
    }
  }
  if (problems.length) return { ok: false, problems };
  let sections = issue.sections;
  for (const [key, value] of changes) {
    const next = applyField(sections, key, value);
    if (!next) throw new DaybriefError("E_DRAFT_EDIT", `The draft has no text "${key}" any more.`);
    sections = next;
  }
  issue = await save(ctx, { ...issue, sections });
  return { ok: true, issue, changed: changes.length };
}

/** Moves a story block (key `s2.b1`) one place up or down within its section or group. */
export async function moveDraftStory(ctx: SendContext, id: string, key: string, by: -1 | 1): Promise<Issue> {
  const issue = await draftOf(ctx, id);
  const sections = moveBlock(issue.sections, key, by);
  if (!sections) throw new DaybriefError("E_DRAFT_EDIT", `Story ${key} cannot move ${by < 0 ? "up" : "down"}.`);
  return save(ctx, { ...issue, sections });
}

/**
 * Writes one section again: from the current ranking (after pins and blocks), or with `swap` one story of it
 * replaced by another candidate. The stories are brought up to date first, as `issue build` does.
 */
export async function rewriteDraftSection(
  ctx: SendContext,
  id: string,
  sectionId: string,
  options: { swap?: { from: string; to: string } } = {},
): Promise<Issue> {
  const issue = await draftOf(ctx, id);
  const edition = loadEdition(issue.edition);
  if (!edition.sections.some((s) => s.id === sectionId)) {
    throw new DaybriefError("E_DRAFT_EDIT", `The ${issue.edition} edition has no section "${sectionId}".`);
  }
  const deps = issueDeps(ctx);
  const asOf = endOfDay(issue.date, resolveTimeZone(ctx.config.timezone));
  await buildStories(deps, { asOf, topics: storyTopics(ctx.config) });
  const day = await dayContext(deps, edition, issue.date, asOf);
  const current = issue.sections.find((s) => s.id === sectionId);
  let storyIds: string[] | undefined;
  if (options.swap) {
    const told = current ? storyIdsOf(current) : [];
    if (!told.includes(options.swap.from)) {
      throw new DaybriefError("E_DRAFT_EDIT", `Section ${sectionId} does not tell story ${options.swap.from}.`);
    }
    if (!swapCandidates(edition, day, issue, sectionId).some((s) => s.id === options.swap?.to)) {
      throw new DaybriefError("E_DRAFT_EDIT", `Story ${options.swap.to} is not a candidate for ${sectionId}.`);
    }
    storyIds = told.map((s) => (s === options.swap?.from ? options.swap.to : s));
  }
  const writer = await configuredWriter(ctx.config, ctx.db);
  const offline = new OfflineWriter(ctx.config.promptTips ? { tipsPath: ctx.config.promptTips } : {});
  const result = await rewriteSection(edition, day, issue, sectionId, {
    offline,
    ...(writer ? { writer } : {}),
    ...(storyIds ? { storyIds } : {}),
  });
  const order = edition.sections.map((s) => s.id);
  let sections = issue.sections.filter((s) => s.id !== sectionId);
  if (result.section) {
    sections = [...sections, result.section].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }
  const notes = [...issue.notes.filter((n) => n.section !== sectionId), ...result.notes];
  return save(ctx, { ...issue, sections, notes });
}

function storyIdsOf(section: Issue["sections"][number]): string[] {
  const blocks =
    section.kind === "stories"
      ? section.stories
      : section.kind === "groups"
        ? section.groups.flatMap((g) => g.stories)
        : [];
  return blocks.map((b) => b.storyId).filter((s): s is string => !!s);
}

/** Rebuilds the whole draft of an edition and day, as `daybrief issue build` does. */
export async function rebuildDraft(ctx: SendContext, edition: string, date: string): Promise<Issue> {
  const writer = await configuredWriter(ctx.config, ctx.db);
  return buildIssue(issueDeps(ctx), { edition: loadEdition(edition), date, ...(writer ? { writer } : {}) });
}

export type DraftView = {
  issue: Issue;
  /** The stories the issue tells, with their rank factors and coverage. */
  stories: Map<string, Story>;
  /** Per section id, the stories it could swap in. */
  candidates: Map<string, DayStory[]>;
};

/** A draft with what the desk shows beside it. */
export async function draftView(ctx: SendContext, issue: Issue): Promise<DraftView> {
  const ids = issue.sections.flatMap(storyIdsOf);
  const stories = new Map((await new StoriesRepo(ctx.db).list({ ids, includeBlocked: true })).map((s) => [s.id, s]));
  const candidates = new Map<string, DayStory[]>();
  if (issue.status === "draft") {
    const edition = loadEdition(issue.edition);
    const day = await dayOf(ctx, issue, edition);
    for (const section of issue.sections) {
      if (section.kind === "stories" || section.kind === "groups")
        candidates.set(section.id, swapCandidates(edition, day, issue, section.id).slice(0, 15));
    }
  }
  return { issue, stories, candidates };
}

/** The editions the desk builds drafts of. */
export const deskEditions: readonly string[] = builtinEditions;

/** Pins, unpins, blocks or unblocks a story from the desk, as `daybrief stories pin|block` does. */
export async function flagStory(ctx: SendContext, id: string, flag: "pin" | "unpin" | "block" | "unblock") {
  const deps = { stories: new StoriesRepo(ctx.db), items: new ItemsRepo(ctx.db), config: ctx.config };
  await setStoryFlag(deps, id, flag, new Date().toISOString());
}
