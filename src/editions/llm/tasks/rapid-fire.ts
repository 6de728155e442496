import { z } from "zod";
import type { Section, StoryBlock } from "../../../model/issue.ts";
import type { SectionDraft } from "../../writer.ts";
import { validate } from "../parse-answer.ts";
import { renderSources, type SourceUnit } from "../source-text.ts";
import {
  firstSentences,
  idProblems,
  limitVars,
  mergeNotes,
  type Plan,
  type PlanInput,
  repeatProblems,
  restates,
  safeLabel,
  wordProblem,
} from "./common.ts";

type Group = { id: string; label: string; emoji: string | null; stories: StoryBlock[] };

const rapidSchema = z.object({
  groups: z.array(z.object({ id: z.string(), label: z.string().nullish() })).nullish(),
  items: z
    .array(z.object({ id: z.string(), text: z.string().trim().min(3), insight: z.string().trim().nullish() }))
    .min(1),
});

const maxWords = 40;

/**
 * Rapid Fire: "Company: what happened." with an "Insight:" line, in themed groups. The company (the subject) stays
 * the one the data names; the model writes what happened, the insight and — optionally — a sharper group label.
 */
export function planRapidFire(input: PlanInput, section: Extract<Section, { kind: "groups" | "stories" }>): Plan {
  const { definition: def, selection } = input.request;
  const groups: Group[] =
    section.kind === "groups" ? section.groups : [{ id: "all", label: "", emoji: null, stories: section.stories }];
  const blocks = groups.flatMap((g) => g.stories.map((block) => ({ group: g, block })));
  const units: SourceUnit[] = blocks.map(({ group, block }, i) => ({
    id: `R${i + 1}`,
    label: `(group "${group.id}"; company: ${block.subject ?? "none"})`,
    items: selection.stories.find((s) => s.id === block.storyId)?.items ?? [],
    facts: block.notes.map((n) => n.text),
  }));
  const ids = units.map((u) => u.id);
  const groupList = groups.map(
    (g) =>
      `- "${g.id}": ${g.label || "(no label)"} — items ${blocks.flatMap(({ group }, i) => (group === g ? [ids[i]] : [])).join(", ")}`,
  );
  return {
    prompt: "rapid-fire",
    vars: {
      ...limitVars(input.request),
      count: String(units.length),
      groups: section.kind === "groups" ? groupList.join("\n") : "(one list, no groups)",
      sources: renderSources(units, input.budget),
    },
    apply(value) {
      const parsed = validate(rapidSchema, value);
      if (!parsed.ok) return parsed;
      const { items, groups: labels } = parsed.value;
      const problems = [
        ...idProblems("items", items, ids),
        ...items.flatMap((item, i) => [
          ...wordProblem(`items.${i}.text`, firstSentences(item.text, 2), maxWords),
          ...wordProblem(`items.${i}.insight`, item.insight ?? "", maxWords),
          ...(item.insight && restates(item.insight, item.text)
            ? [`items.${i}.insight repeats its text: give the judgement, not the news again`]
            : []),
        ]),
        ...repeatProblems(
          "items",
          items.map((item) => item.text),
        ),
        ...repeatProblems(
          "items.insight",
          items.map((item) => item.insight),
        ),
      ];
      if (problems.length) return { ok: false, problems };
      const rewrite = (block: StoryBlock): StoryBlock => {
        const answer = items.find((a) => a.id === ids[blocks.findIndex((b) => b.block === block)]);
        if (!answer) return block;
        return {
          ...block,
          paragraphs: [firstSentences(answer.text, 2)],
          notes: mergeNotes(def.write.notes, { insight: answer.insight ?? null }, block),
        };
      };
      const written = groups.map((g) => {
        const label = safeLabel(labels?.find((l) => l.id === g.id)?.label, input.scaffold.evidence, 5);
        return { ...g, label: label ?? g.label, stories: g.stories.map(rewrite) };
      });
      const next: SectionDraft["section"] =
        section.kind === "groups"
          ? { ...section, groups: written }
          : { ...section, stories: written[0]?.stories ?? [] };
      return { ok: true, value: { ...input.scaffold, section: next } };
    },
  };
}
