import type { Entity } from "../../model/entity.ts";
import { findCompany } from "../../text/entities/companies.ts";
import { sentenceSpans } from "../../text/sentences.ts";

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

/** "(SNPS)", "(NASDAQ: NVDA)", "(9984.T)" right after a company's name. */
const tickerInBrackets = /^\((?:[A-Z]+:\s*)?[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?\)/;

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
  // The one sentence splitter; a title on its own line is a sentence of its own.
  return sentenceSpans(text, { lineBreaks: true }).map(({ start, end }) => {
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
      // "Synopsys (SNPS) rose": a ticker in brackets after a company is part of its name, not a clause of its own.
      const last = words[words.length - 1];
      if (last?.w === "<company>" && tickerInBrackets.test(text.slice(at, Math.min(end, at + 24)))) {
        const close = text.indexOf(")", at);
        wordPattern.lastIndex = close + 1;
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
