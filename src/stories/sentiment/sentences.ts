import type { Entity } from "../../model/entity.ts";
import { findCompany } from "../entities/companies.ts";

/** One word of a sentence as the sentiment rules see it; a company or an amount of money is one word. */
export type Word = {
  /** Lower case; "<company>" for a company, "<money>" for an amount of money. */
  w: string;
  start: number;
  end: number;
  /** The company a "<company>" word names. */
  company?: { normalized: string; ticker: string | null };
};

export type Sentence = { start: number; end: number; words: Word[] };

// Abbreviations whose full stop does not end a sentence.
const abbreviations = new Set(
  "mr mrs ms dr prof sr jr st inc corp co ltd llc plc vs etc no fig approx est dept gov sen rep jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m".split(
    " ",
  ),
);

/** Splits a text into sentences: at ".", "!" or "?" before a capital, a digit or a quote, and at line breaks. */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  const boundary = /[.!?]+["'”’)]?(?=\s+["'“‘(]?[\p{Lu}\d])|\n\s*/gu;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith(".")) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index))?.[1] ?? "";
      // "U.S." and "Inc." end words, not sentences; a single capital is an initial ("C.C. Wei").
      if (abbreviations.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before)) continue;
    }
    if (text.slice(start, end).trim()) spans.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}

// Latin letters cover the financial vocabulary; other scripts pass through as words of their own.
const wordPattern = /[0-9]+(?:[.,][0-9]+)*%?|[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)?|[,;:()"“”]|[^\s\x00-\x7F]+/g;

/**
 * The words of each sentence, lower case, hyphenated words split ("debt-funded" → "debt", "funded"), with each
 * company mention and each amount of money merged into one word.
 */
export function sentenceWords(text: string, entities: readonly Entity[]): Sentence[] {
  const spans = entities
    .filter((e) => e.type === "money" || (e.type === "org" && (e.ticker || findCompany(e.normalized))))
    .sort((a, b) => a.start - b.start);
  let spanIndex = 0;
  return splitSentences(text).map(({ start, end }) => {
    const words: Word[] = [];
    wordPattern.lastIndex = start;
    for (let m = wordPattern.exec(text); m !== null && m.index < end; m = wordPattern.exec(text)) {
      const at = m.index;
      while (spanIndex < spans.length && (spans[spanIndex]?.end ?? 0) <= at) spanIndex += 1;
      const span = spans[spanIndex];
      if (span && span.start <= at) {
        const last = words[words.length - 1];
        if (!last || last.start !== span.start) words.push(entityWord(span));
        continue;
      }
      let w = m[0].toLowerCase();
      if (w.includes("’")) w = w.replace(/’/g, "'");
      if (w.endsWith("'s")) w = w.slice(0, -2);
      words.push({ w, start: at, end: at + m[0].length });
    }
    return { start, end, words };
  });
}

function entityWord(entity: Entity): Word {
  if (entity.type === "money") return { w: "<money>", start: entity.start, end: entity.end };
  return {
    w: "<company>",
    start: entity.start,
    end: entity.end,
    company: { normalized: entity.normalized, ticker: entity.ticker ?? null },
  };
}
