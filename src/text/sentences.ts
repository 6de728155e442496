/** Abbreviations after which a full stop does not end a sentence. */
const abbreviations = new Set(
  "inc corp co ltd llc plc mr mrs ms dr prof sr jr st no vs etc approx est dept gov sen rep gen col lt jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.i a.m p.m fig al mt calif wash mass ill tex fla ore ariz colo conn ga ky la md mich minn mo nev okla pa tenn va wis".split(
    " ",
  ),
);

/** A sentence's place in the text it was split from: `text.slice(start, end)`. */
export type SentenceSpan = { start: number; end: number };

export type SentenceOptions = {
  /** End a sentence at every line break, not only at a blank line (a title line above its text, a list). */
  lineBreaks?: boolean;
};

const boundary = /([.!?…]["”’)]*)\s+(?=["“‘(]?[\p{Lu}\d])/gu;

/**
 * Where the sentences of a text are: at ".", "!", "?" or "…" followed by a space and a capital, a digit or a quote,
 * except after abbreviations ("Inc.", "Dec.", "U.S."), initials and decimals; a paragraph break (a blank line, or a
 * line starting a bullet) always ends a sentence. Offsets refer to the text as given, so analysers can map what
 * they find in a sentence back to it. With `lineBreaks`, every line break ends a sentence too.
 *
 * @example
 * sentenceSpans("Nvidia rose. AMD fell.") // [{ start: 0, end: 12 }, { start: 13, end: 22 }]
 */
export function sentenceSpans(text: string, options: SentenceOptions = {}): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const breaks = options.lineBreaks ? /\n\s*/g : /\n\s*\n|\n(?=[-•*] )/g;
  let paragraphStart = 0;
  const paragraphs: SentenceSpan[] = [];
  for (const m of text.matchAll(breaks)) {
    paragraphs.push({ start: paragraphStart, end: m.index });
    paragraphStart = m.index + m[0].length;
  }
  paragraphs.push({ start: paragraphStart, end: text.length });
  for (const paragraph of paragraphs) {
    const body = text.slice(paragraph.start, paragraph.end);
    let start = 0;
    for (const match of body.matchAll(boundary)) {
      const end = match.index + (match[1] as string).length;
      if (match[1] === "." && abbreviationBefore(body.slice(start, match.index + 1))) continue;
      push(out, text, paragraph.start + start, paragraph.start + end);
      start = match.index + match[0].length;
    }
    push(out, text, paragraph.start + start, paragraph.end);
  }
  return out;
}

/** "Inc.", "U.S.", a single initial ("J."): a full stop that does not end the sentence. */
function abbreviationBefore(before: string): boolean {
  const lastWord = /([A-Za-z.]+)\.$/.exec(before)?.[1]?.toLowerCase() ?? "";
  return (
    abbreviations.has(lastWord.replace(/\.$/, "")) ||
    /^[a-z]$/i.test(lastWord) ||
    /(?:^|\.)[a-z]\.[a-z]$/i.test(lastWord)
  );
}

/** Adds the span with surrounding white space trimmed, unless it is empty or a lone character. */
function push(out: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s += 1;
  while (e > s && /\s/.test(text[e - 1] as string)) e -= 1;
  if (e - s > 1) out.push({ start: s, end: e });
}

/**
 * Splits text into sentences (see `sentenceSpans`), each with its white space collapsed: the one splitter every
 * stage uses.
 *
 * @example
 * splitSentences("Shares rose 2.5% on Monday. Analysts at J. P. Morgan agreed.")
 * // ["Shares rose 2.5% on Monday.", "Analysts at J. P. Morgan agreed."]
 */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => text.slice(span.start, span.end).replace(/\s+/g, " "));
}

/** Words in a text. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Cuts a text to at most `words` words at a word boundary, without an ellipsis in the middle of a fact. */
export function limitWords(text: string, words: number): string {
  const parts = text.split(/\s+/);
  if (parts.length <= words) return text;
  return `${parts
    .slice(0, words)
    .join(" ")
    .replace(/[,;:—–-]+$/, "")}…`;
}
