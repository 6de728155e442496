import type { Entity, EntitySentiment } from "../../model/entity.ts";
import { findCompany } from "../entities/companies.ts";
import type { Evidence } from "./score-sentence.ts";
import { type ScoredSentence, scoreSentences, toSentiment } from "./score-sentiment.ts";

type CompanyKey = { normalized: string; ticker: string | null };

// Banks, brokers and rating agencies are quoted about other companies ("Morgan Stanley raised its target on
// Broadcom"); when another company is in the sentence, the evidence is about that one.
const QUOTED_SOURCE_PROMINENCE = 0.2;

function isQuotedSource(company: CompanyKey): boolean {
  return (findCompany(company.normalized)?.prominence ?? 1) <= QUOTED_SOURCE_PROMINENCE;
}

type Mention = CompanyKey & { at: number };

/** The companies evidence can be about: the sentence's mentions, brokers only when no one else is named. */
function candidatesOf(mentions: Mention[]): Mention[] {
  const principals = mentions.filter((m) => !isQuotedSource(m));
  return principals.length ? principals : mentions;
}

/** The company a piece of evidence is about: its object, else the nearest company before it, else after it. */
function companyFor(evidence: Evidence, candidates: Mention[]): CompanyKey | null {
  if (evidence.company) return evidence.company;
  let best: Mention | null = null;
  for (const mention of candidates) if (mention.at <= evidence.at) best = mention;
  return best ?? candidates[0] ?? null;
}

/**
 * Sentiment towards each company a text names, from the sentences about it. A sentence that names no company
 * ("Its shares fell 5%.") is about the subject of the last sentence that named one.
 */
export function entitySentimentsOf(
  sentences: readonly ScoredSentence[],
  entities: readonly Entity[],
): EntitySentiment[] {
  const totals = new Map<string, { key: CompanyKey; sum: number; sentences: number }>();
  for (const entity of entities) {
    if (entity.type !== "org" || (!entity.ticker && !findCompany(entity.normalized))) continue;
    if (!totals.has(entity.normalized))
      totals.set(entity.normalized, {
        key: { normalized: entity.normalized, ticker: entity.ticker ?? null },
        sum: 0,
        sentences: 0,
      });
  }
  let lastCompany: CompanyKey | null = null;
  for (const sentence of sentences) {
    const mentions = sentence.words.flatMap((w) => (w.company ? [{ ...w.company, at: w.start }] : []));
    // Every sentence about a company counts, toned or not: one aside does not set a company's tone.
    const touched = new Set<string>(mentions.length ? mentions.map((m) => m.normalized) : []);
    if (!mentions.length && lastCompany && sentence.evidence.length) touched.add(lastCompany.normalized);
    const candidates = candidatesOf(mentions);
    for (const evidence of sentence.evidence) {
      const company = mentions.length ? companyFor(evidence, candidates) : lastCompany;
      const total = company ? totals.get(company.normalized) : undefined;
      if (!total) continue;
      total.sum += evidence.value;
      touched.add(company?.normalized ?? "");
    }
    for (const name of touched) {
      const total = totals.get(name);
      if (total) total.sentences += 1;
    }
    // "Its" and "the company" refer to the sentence's subject, which news names first.
    const subject = candidates[0];
    if (subject) lastCompany = subject;
  }
  return [...totals.values()].map(({ key, sum, sentences: count }) => ({
    normalized: key.normalized,
    ticker: key.ticker,
    ...toSentiment(sum / Math.max(1, count)),
  }));
}

/**
 * Sentiment towards each company in `entities` (as `extractEntities` found them in `text`).
 *
 * @example
 * const text = "Intel shares jumped after Nvidia agreed to buy $5 billion of its stock.";
 * entitySentiments(text, extractEntities(text)) // [{ normalized: "Intel", ticker: "INTC", label: "positive", … }, …]
 */
export function entitySentiments(text: string, entities: readonly Entity[]): EntitySentiment[] {
  return entitySentimentsOf(scoreSentences(text, entities), entities);
}
