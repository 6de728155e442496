import { z } from "zod";
import type { StoryBlock } from "../../../model/issue.ts";
import { splitSentences } from "../../../text/sentences.ts";
import { buildEvidence } from "../../grounding.ts";
import { fill, type SectionDraft } from "../../writer.ts";
import { type Parsed, validate } from "../parse-answer.ts";
import { renderSources, type SourceUnit } from "../source-text.ts";
import {
  firstSentences,
  groundedHeadline,
  idProblems,
  limitVars,
  mergeNotes,
  noteLabel,
  type Plan,
  type PlanInput,
  repeatProblems,
  restates,
  safeLabel,
  wordProblem,
} from "./common.ts";
import { planRapidFire } from "./rapid-fire.ts";

type StoriesSection = Extract<SectionDraft["section"], { kind: "stories" }>;

/** Longest a written paragraph may run: this many words per sentence asked for. */
const sentenceWords = 32;
/** Longest a labelled note (The Tactical Edge, The Alpha, The Insight, Builder Use Case) may run, in words. */
const noteWords = 45;

const fullSchema = z.object({
  stories: z
    .array(
      z.object({
        id: z.string(),
        headline: z.string().trim().min(3),
        paragraph: z.string().trim().optional(),
        paragraphs: z.array(z.string().trim()).optional(),
        notes: z.record(z.string(), z.string().nullable()).optional(),
      }),
    )
    .min(1),
});

const headlinesSchema = z.object({
  theme: z.string().nullish(),
  headlines: z.array(z.object({ id: z.string(), headline: z.string().trim().min(3) })).min(1),
});

const researchSchema = z.object({
  papers: z
    .array(
      z.object({
        id: z.string(),
        summary: z.string().trim().nullish(),
        insight: z.string().trim().min(3),
        useCase: z.string().trim().min(3),
      }),
    )
    .min(1),
});

/** The story sections: numbered top stories, the deep dive, the themed headline list, and Research Corner. */
export function planStories(input: PlanInput, section: StoriesSection): Plan | null {
  const { definition: def } = input.request;
  if (def.select?.sourceKinds.length) return planResearch(input, section);
  if (def.style === "headline") return planHeadlines(input, section);
  if (def.style === "rapid") return planRapidFire(input, section);
  return planFull(input, section);
}

function storyUnits(input: PlanInput, section: StoriesSection): SourceUnit[] {
  const stories = input.request.selection.stories;
  return section.stories.map((block, i) => ({
    id: `S${i + 1}`,
    items: stories.find((s) => s.id === block.storyId)?.items ?? [],
    facts: block.notes.map((n) => n.text),
  }));
}

function planFull(input: PlanInput, section: StoriesSection): Plan {
  const { definition: def } = input.request;
  const units = storyUnits(input, section);
  const ids = units.map((u) => u.id);
  const deep = def.write.notes.some((n) => n === "tactical-edge" || n === "alpha");
  return {
    prompt: deep ? "deep-dive" : "top-stories",
    vars: {
      ...limitVars(input.request),
      count: String(units.length),
      notes: def.write.notes.map(noteLabel).join(", "),
      sources: renderSources(units, input.budget),
    },
    apply(value) {
      const parsed = validate(fullSchema, value);
      if (!parsed.ok) return parsed;
      const answers = parsed.value.stories;
      const problems = idProblems("stories", answers, ids);
      problems.push(
        ...repeatProblems(
          "stories.headline",
          answers.map((a) => a.headline),
        ),
      );
      answers.forEach((a, i) => {
        problems.push(...wordProblem(`stories.${i}.headline`, a.headline, def.write.headlineWords));
        const paragraphs = a.paragraphs ?? (a.paragraph ? [a.paragraph] : []);
        if (def.write.sentences > 0 && !paragraphs.some(Boolean))
          problems.push(`stories.${i}: "paragraphs" is missing or empty`);
        const shaped = shapeParagraphs(paragraphs.filter(Boolean), def.write.sentences, def.write.paragraphs);
        const paragraphWords = sentenceWords * Math.max(1, def.write.sentences);
        problems.push(...shaped.flatMap((p, j) => wordProblem(`stories.${i}.paragraphs.${j}`, p, paragraphWords)));
        const opening = splitSentences(shaped[0] ?? "")[0];
        if (opening && restates(opening, a.headline))
          problems.push(
            `stories.${i}: the paragraph's first sentence restates the headline; open with what the headline does not say`,
          );
        const notes = Object.values(a.notes ?? {}).filter((n): n is string => Boolean(n?.trim()));
        problems.push(...notes.flatMap((n, j) => wordProblem(`stories.${i}.notes.${j}`, n, noteWords)));
        problems.push(...repeatProblems(`stories.${i}.notes`, notes));
        notes.forEach((n, j) => {
          if (shaped.flatMap((p) => splitSentences(p)).some((sentence) => restates(n, sentence)))
            problems.push(`stories.${i}.notes.${j} repeats the paragraphs: give the takeaway, not the news again`);
        });
      });
      if (problems.length) return { ok: false, problems };
      const stories = section.stories.map((block, i): StoryBlock => {
        const answer = answers.find((a) => a.id === ids[i]);
        if (!answer) return block;
        const texts = (answer.paragraphs ?? (answer.paragraph ? [answer.paragraph] : [])).filter(Boolean);
        const written = shapeParagraphs(texts, def.write.sentences, def.write.paragraphs);
        return {
          ...block,
          headline: answer.headline,
          paragraphs: written,
          notes: mergeNotes(def.write.notes, answer.notes, block),
        };
      });
      return done(input, { ...section, stories });
    },
  };
}

function planHeadlines(input: PlanInput, section: StoriesSection): Plan {
  const { definition: def, vars } = input.request;
  const units = storyUnits(input, section);
  const ids = units.map((u) => u.id);
  return {
    prompt: "headlines",
    vars: {
      ...limitVars(input.request),
      count: String(units.length),
      theme: vars.theme ?? "",
      sources: renderSources(units, input.budget),
    },
    apply(value) {
      const parsed = validate(headlinesSchema, value);
      if (!parsed.ok) return parsed;
      const answers = parsed.value.headlines;
      const problems = [
        ...idProblems("headlines", answers, ids),
        ...answers.flatMap((a, i) => wordProblem(`headlines.${i}.headline`, a.headline, def.write.headlineWords)),
        ...repeatProblems(
          "headlines",
          answers.map((a) => a.headline),
        ),
      ];
      if (problems.length) return { ok: false, problems };
      const stories = section.stories.map((block, i) => ({
        ...block,
        headline: answers.find((a) => a.id === ids[i])?.headline ?? block.headline,
      }));
      const theme = safeLabel(parsed.value.theme, input.scaffold.evidence)?.toUpperCase() ?? vars.theme ?? "";
      const heading = def.heading === null ? null : fill(def.heading, { ...vars, theme });
      return done(input, { ...section, heading, stories }, { theme });
    },
  };
}

function planResearch(input: PlanInput, section: StoriesSection): Plan {
  const { definition: def, selection } = input.request;
  const units = section.stories.map((_, i) => ({
    id: `P${i + 1}`,
    items: selection.items[i] ? [selection.items[i]] : [],
  }));
  const ids = units.map((u) => u.id);
  return {
    prompt: "research",
    vars: { ...limitVars(input.request), count: String(units.length), sources: renderSources(units, input.budget) },
    apply(value) {
      const parsed = validate(researchSchema, value);
      if (!parsed.ok) return parsed;
      const answers = parsed.value.papers;
      const problems = idProblems("papers", answers, ids);
      answers.forEach((a, i) => {
        problems.push(
          ...wordProblem(`papers.${i}.insight`, a.insight, noteWords),
          ...wordProblem(`papers.${i}.useCase`, a.useCase, noteWords),
        );
        if (restates(a.useCase, a.insight))
          problems.push(`papers.${i}.useCase repeats the insight: say what a builder can do with it`);
      });
      problems.push(
        ...repeatProblems(
          "papers.insight",
          answers.map((a) => a.insight),
        ),
      );
      if (problems.length) return { ok: false, problems };
      const stories = section.stories.map((block, i): StoryBlock => {
        const answer = answers.find((a) => a.id === ids[i]);
        if (!answer) return block;
        const summary =
          def.write.sentences > 0 && answer.summary
            ? [firstSentences(answer.summary, def.write.sentences)]
            : block.paragraphs;
        const written = {
          "the-insight": firstSentences(answer.insight, 2),
          "builder-use-case": firstSentences(answer.useCase, 2),
        };
        return { ...block, paragraphs: summary, notes: mergeNotes(def.write.notes, written, block) };
      });
      return done(input, { ...section, stories });
    },
  };
}

/**
 * Paragraphs within the section's limits: at most `paragraphs` of at most `sentences` sentences. One long paragraph
 * where several were asked for is split at sentence ends rather than cut.
 */
export function shapeParagraphs(texts: string[], sentences: number, paragraphs: number): string[] {
  if (sentences <= 0 || texts.length >= paragraphs)
    return texts.slice(0, paragraphs).map((p) => firstSentences(p, sentences));
  const all = texts.flatMap((p) => splitSentences(p)).slice(0, sentences * paragraphs);
  const out: string[] = [];
  for (let i = 0; i < all.length; i += sentences) out.push(all.slice(i, i + sentences).join(" "));
  return out;
}

/** The draft with the new section; the `headlines` placeholder (the subject line) takes only grounded headlines. */
function done(input: PlanInput, section: StoriesSection, vars: Record<string, string> = {}): Parsed<SectionDraft> {
  const evidence = buildEvidence(input.scaffold.evidence, input.scaffold.derived);
  const headlines = section.stories.map((b) => groundedHeadline(b, evidence)).join(" · ");
  return { ok: true, value: { ...input.scaffold, section, vars: { ...input.scaffold.vars, ...vars, headlines } } };
}
