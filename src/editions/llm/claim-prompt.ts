import { z } from "zod";
import type { Claim, Verdict } from "../claim-check.ts";
import type { DayItem } from "../day.ts";
import { type Parsed, validate } from "./parse-answer.ts";
import { leadText } from "./source-text.ts";
import { idProblems } from "./tasks/common.ts";

const answerSchema = z.object({
  claims: z
    .array(
      z.object({
        id: z.string(),
        supported: z.boolean(),
        reason: z.string().trim().nullish(),
      }),
    )
    .min(1),
});

/**
 * The placeholders of claim-check.md: the claims, each with the ids of the sources it cites, and those sources once
 * each (outlet, title, link, opening text within the budget).
 *
 * @example
 * claimVars(claims, 12_000) // { count: "2", claims: "[C1] (sources A1) Nvidia bought…", sources: "[A1] Wirebeat: …" }
 */
export function claimVars(claims: Claim[], budgetChars: number): Record<string, string> {
  const items: DayItem[] = [];
  for (const claim of claims) for (const item of claim.sources) if (!items.includes(item)) items.push(item);
  const idOf = (item: DayItem) => `A${items.indexOf(item) + 1}`;
  const perItem = Math.max(300, Math.floor(budgetChars / Math.max(1, items.length)));
  const sources = items.map((item) => {
    const header = `[${idOf(item)}] ${item.sourceName}: "${item.title.replace(/\s+/g, " ").trim()}"${item.url ? ` <${item.url}>` : ""} (${item.publishedAt.slice(0, 10)})`;
    return `${header}\n${leadText(item.text, perItem - header.length)}`;
  });
  return {
    count: String(claims.length),
    claims: claims.map((c) => `[${c.id}] (sources ${c.sources.map(idOf).join(", ")}) ${c.text}`).join("\n"),
    sources: sources.join("\n\n"),
  };
}

/** The verdicts of an answer, one per claim asked about, or what is wrong with the answer (sent back on retry). */
export function parseVerdicts(value: unknown, claims: Claim[]): Parsed<Verdict[]> {
  const parsed = validate(answerSchema, value);
  if (!parsed.ok) return parsed;
  const problems = idProblems(
    "claims",
    parsed.value.claims,
    claims.map((c) => c.id),
  );
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: parsed.value.claims.map((c) => ({ id: c.id, supported: c.supported, reason: c.reason ?? null })),
  };
}
