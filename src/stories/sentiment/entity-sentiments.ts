import type { Entity, EntitySentiment } from "../../model/entity.ts";
import { findCompany } from "../../text/entities/companies.ts";
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

/**
 * How much a company's verdict (its shares, results or guidance moving) outweighs the rest of what a text says
 * about it: "Micron shares dipped 2%" sets Micron's read even in an article full of upbeat demand quotes.
 */
const VERDICT_SHARE = 0.75;

/** A sentence telling how things stood before ("shares have more than doubled in 2025"): background, not news. */
const background =
  /\b(?:have|has)\s+(?:\w+\s+){0,3}?\w+(?:ed|en|wn)\b|\bso far this year\b|\byear to date\b|\bthis year\b/i;

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

/** A sentence's words joined back, enough for the background test. */
function sentenceText(sentence: ScoredSentence): string {
  return sentence.words.map((w) => w.w).join(" ");
}

/**
 * Sentiment towards each company a text names, from the sentences about it. A sentence that names no company
 * ("Its shares fell 5%.") is about the subject of the last sentence that named one.
 */
export function entitySentimentsOf(
  sentences: readonly ScoredSentence[],
  entities: readonly Entity[],
): EntitySentiment[] {
  type Total = { key: CompanyKey; sum: number; sentences: number; verdict: number; verdicts: number };
  const totals = new Map<string, Total>();
  for (const entity of entities) {
    if (entity.type !== "org" || (!entity.ticker && !findCompany(entity.normalized))) continue;
    if (!totals.has(entity.normalized))
      totals.set(entity.normalized, {
        key: { normalized: entity.normalized, ticker: entity.ticker ?? null },
        sum: 0,
        sentences: 0,
        verdict: 0,
        verdicts: 0,
      });
  }
  let lastCompany: CompanyKey | null = null;
  for (const sentence of sentences) {
    const mentions = sentence.words.flatMap((w) => (w.company ? [{ ...w.company, at: w.start }] : []));
    // Every sentence about a company counts, toned or not: one aside does not set a company's tone.
    const touched = new Set<string>(mentions.length ? mentions.map((m) => m.normalized) : []);
    if (!mentions.length && lastCompany && sentence.evidence.length) touched.add(lastCompany.normalized);
    const candidates = candidatesOf(mentions);
    const news = !background.test(sentenceText(sentence));
    const verdictOf = new Set<Total>();
    for (const evidence of sentence.evidence) {
      const company = mentions.length ? companyFor(evidence, candidates) : lastCompany;
      const total = company ? totals.get(company.normalized) : undefined;
      if (!total) continue;
      total.sum += evidence.value;
      if (evidence.verdict && news) {
        total.verdict += evidence.value;
        verdictOf.add(total);
      }
      touched.add(company?.normalized ?? "");
    }
    for (const total of verdictOf) total.verdicts += 1;
    for (const name of touched) {
      const total = totals.get(name);
      if (total) total.sentences += 1;
    }
    // "Its" and "the company" refer to the sentence's subject, which news names first.
    const subject = candidates[0];
    if (subject) lastCompany = subject;
  }
  return [...totals.values()].map(({ key, sum, sentences: count, verdict, verdicts }) => {
    const overall = sum / Math.max(1, count);
    const raw = verdicts ? VERDICT_SHARE * (verdict / verdicts) + (1 - VERDICT_SHARE) * overall : overall;
    return {
      normalized: key.normalized,
      ticker: key.ticker,
      ...toSentiment(raw),
      ...(verdicts ? { verdict: true } : {}),
    };
  });
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
