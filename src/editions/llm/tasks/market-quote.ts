import { z } from "zod";
import type { Section } from "../../../model/issue.ts";
import type { DayContext } from "../../day.ts";
import { type FoundQuote, findQuote } from "../../offline/quote.ts";
import { validate } from "../parse-answer.ts";
import { renderSources } from "../source-text.ts";
import { firstSentences, limitVars, type Plan, type PlanInput, wordProblem } from "./common.ts";

const marketSchema = z.object({ paragraph: z.string().trim().min(10) });

/**
 * Market Pulse: the ticker, company and sentiment come from the data (the day's coverage, scored); the model
 * rewrites only the paragraph, from the items that drove the reading.
 */
export function planMarket(input: PlanInput, section: Extract<Section, { kind: "market" }>): Plan {
  return {
    prompt: "market",
    vars: {
      ...limitVars(input.request),
      ticker: section.ticker,
      company: section.company,
      sentiment: section.sentiment,
      sources: renderSources(
        input.scaffold.evidence.map((item, i) => ({ id: `M${i + 1}`, items: [item] })),
        input.budget,
      ),
    },
    apply(value) {
      const parsed = validate(marketSchema, value);
      if (!parsed.ok) return parsed;
      const paragraph = firstSentences(parsed.value.paragraph, 3);
      const problems = wordProblem("paragraph", paragraph, 90);
      if (problems.length) return { ok: false, problems };
      return { ok: true, value: { ...input.scaffold, section: { ...section, paragraph } } };
    },
  };
}

/** Real quotations with a named speaker, one per article, from the day's best stories (the offline rule). */
export function quoteCandidates(day: DayContext, max = 6): FoundQuote[] {
  const out: FoundQuote[] = [];
  let rest = day;
  for (let found = findQuote(rest); found && out.length < max; found = findQuote(rest)) {
    out.push(found);
    const usedItem = found.item;
    rest = { ...rest, stories: rest.stories.map((s) => ({ ...s, items: s.items.filter((i) => i !== usedItem) })) };
  }
  return out;
}

/**
 * Quote of the day: the model only chooses, by number, among quotations found word for word in the sources — it
 * never writes one. With fewer than two candidates there is nothing to choose and no call is made.
 */
export function planQuote(input: PlanInput, section: Extract<Section, { kind: "quote" }>): Plan | null {
  const candidates = quoteCandidates(input.request.day);
  if (candidates.length < 2) return null;
  const list = candidates
    .map((c, i) => `${i + 1}. “${c.quote}” — ${c.speaker} (${c.citation.outlet}: "${c.item.title}")`)
    .join("\n");
  const schema = z.object({ choice: z.coerce.number().int().min(1).max(candidates.length) });
  return {
    prompt: "quote",
    vars: { ...limitVars(input.request), count: String(candidates.length), candidates: list, sources: "" },
    apply(value) {
      const parsed = validate(schema, value);
      if (!parsed.ok) return parsed;
      const chosen = candidates[parsed.value.choice - 1] as FoundQuote;
      return {
        ok: true,
        value: {
          ...input.scaffold,
          section: { ...section, quote: chosen.quote, speaker: chosen.speaker, citation: chosen.citation },
          evidence: [chosen.item],
        },
      };
    },
  };
}
