import { z } from "zod";
import type { Citation, Section } from "../../../model/issue.ts";
import type { DayStory } from "../../day.ts";
import { buildEvidence } from "../../grounding.ts";
import { citationsOf, repeats } from "../../offline/story-text.ts";
import { sentenceKey } from "../../sentences.ts";
import { validate } from "../parse-answer.ts";
import { renderSources } from "../source-text.ts";
import { checkedLine, firstSentences, limitVars, type Plan, type PlanInput, wordProblem } from "./common.ts";

type BulletsSection = Extract<Section, { kind: "bullets" }>;

/** How many of the day's stories the implications prompt shows (best-ranked first). */
const shownStories = 8;

/** The bullets sections: what the day means for builders (implications) and the podcast of the day. */
export function planBullets(input: PlanInput, section: BulletsSection): Plan {
  return input.request.definition.content === "podcast"
    ? planPodcast(input, section)
    : planImplications(input, section);
}

function planImplications(input: PlanInput, section: BulletsSection): Plan {
  const { definition: def, day } = input.request;
  const news = day.stories.filter((s) => s.items.some((i) => i.sourceKind !== "arxiv" && i.sourceKind !== "podcast"));
  const cited = new Set(section.citations.map((c) => c.url));
  const stories = news.filter(
    (s, rank) => rank < shownStories || s.items.some((i) => i.url !== null && cited.has(i.url)),
  );
  const ids = stories.map((_, i) => `S${i + 1}`);
  const units = stories.map((story, i) => ({
    id: ids[i] as string,
    label: topicLabel(input, story),
    items: story.items,
  }));
  const data = section.lines.map((l) => `- ${l.lead ? `${l.lead}: ` : ""}${l.text}`).join("\n");
  const max = def.write.bullets;
  const schema = z.object({
    bullets: z
      .array(
        z.object({
          lead: z.string().trim().min(2),
          text: z.string().trim().min(3),
          stories: z.array(z.string()).nullish(),
        }),
      )
      .min(1)
      .max(max),
  });
  return {
    prompt: "implications",
    vars: { ...limitVars(input.request), count: String(max), data, sources: renderSources(units, input.budget) },
    apply(value) {
      const parsed = validate(schema, value);
      if (!parsed.ok) return parsed;
      const bullets = parsed.value.bullets;
      const problems: string[] = [];
      bullets.forEach((b, i) => {
        problems.push(...wordProblem(`bullets.${i}.lead`, b.lead, 8), ...wordProblem(`bullets.${i}.text`, b.text, 45));
        // A bullet that says again what an earlier one said is refused, lead or text.
        const twin = bullets.findIndex(
          (o, j) => j < i && (sentenceKey(o.lead) === sentenceKey(b.lead) || repeats(b.text, [o.text])),
        );
        if (twin >= 0) problems.push(`bullets.${i} repeats bullets.${twin}: each bullet must say something new`);
        const unknown = (b.stories ?? []).filter((id) => !ids.includes(id));
        if (unknown.length)
          problems.push(`bullets.${i}.stories: unknown ${unknown.join(", ")} (use only ${ids.join(", ")})`);
      });
      if (problems.length) return { ok: false, problems };
      const evidenceItems = stories.flatMap((s) => s.items);
      const evidence = buildEvidence(evidenceItems, input.scaffold.derived);
      const lines = bullets.map((b) => checkedLine(b.lead, firstSentences(b.text, 2), evidence));
      const citations: Citation[] = [];
      for (const id of bullets.flatMap((b) => b.stories ?? [])) {
        const first = citationsOf(stories[ids.indexOf(id)]?.items ?? [])[0];
        if (first && !citations.some((c) => c.url === first.url)) citations.push(first);
      }
      return {
        ok: true,
        value: {
          ...input.scaffold,
          section: { ...section, lines, citations: citations.length ? citations : section.citations },
          evidence: evidenceItems,
        },
      };
    },
  };
}

function planPodcast(input: PlanInput, section: BulletsSection): Plan {
  const { definition: def, selection } = input.request;
  const episode = selection.items[0];
  const max = def.write.bullets;
  const schema = z.object({ bullets: z.array(z.string().trim().min(3)).min(1).max(max) });
  return {
    prompt: "podcast",
    vars: {
      ...limitVars(input.request),
      count: String(max),
      sources: renderSources([{ id: "E1", items: episode ? [episode] : [] }], input.budget),
    },
    apply(value) {
      const parsed = validate(schema, value);
      if (!parsed.ok) return parsed;
      const problems = parsed.value.bullets.flatMap((b, i) => wordProblem(`bullets.${i}`, b, 40));
      parsed.value.bullets.forEach((b, i) => {
        const twin = parsed.value.bullets.findIndex(
          (o, j) => j < i && (sentenceKey(o) === sentenceKey(b) || repeats(b, [o])),
        );
        if (twin >= 0) problems.push(`bullets.${i} repeats bullets.${twin}: each bullet must say something new`);
      });
      if (problems.length) return { ok: false, problems };
      const [title] = section.lines;
      const lines = parsed.value.bullets.map((b) => {
        const text = firstSentences(b, 2);
        return { text: /[.!?…]$/.test(text) ? text : `${text}.` };
      });
      return {
        ok: true,
        value: { ...input.scaffold, section: { ...section, lines: title ? [title, ...lines] : lines } },
      };
    },
  };
}

function topicLabel(input: PlanInput, story: DayStory): string {
  const label = input.request.day.topics.find((t) => t.id === story.topic)?.label;
  return label ? `(topic: ${label})` : "";
}
