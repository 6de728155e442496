/** Abbreviations after which a full stop does not end a sentence. */
const abbreviations = new Set(
  "inc corp co ltd llc plc mr mrs ms dr prof sr jr st no vs etc approx est dept gov sen rep gen col lt jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.i fig al mt calif wash mass ill tex fla ore ariz colo conn ga ky la md mich minn mo nev okla pa tenn va wis".split(
    " ",
  ),
);

/**
 * Splits text into sentences: at ".", "!" or "?" followed by a space and a capital, a digit or a quote — except after
 * abbreviations ("Inc.", "Dec.", "U.S."), initials and decimals. Paragraph breaks always end a sentence.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\n(?=[-•*] )/)) {
    const flat = paragraph.replace(/\s+/g, " ").trim();
    if (!flat) continue;
    let start = 0;
    const boundary = /([.!?…]["”’)]*)\s+(?=["“‘(]?[A-Z0-9])/g;
    for (let match = boundary.exec(flat); match; match = boundary.exec(flat)) {
      const end = match.index + (match[1] as string).length;
      const before = flat.slice(start, match.index + 1);
      const lastWord = /([A-Za-z.]+)\.$/.exec(before)?.[1]?.toLowerCase() ?? "";
      if (
        match[1] === "." &&
        (abbreviations.has(lastWord.replace(/\.$/, "")) ||
          /^[a-z]$/i.test(lastWord) ||
          /(?:^|\.)[a-z]\.[a-z]$/i.test(lastWord))
      ) {
        continue;
      }
      out.push(flat.slice(start, end).trim());
      start = boundary.lastIndex;
    }
    const rest = flat.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out.filter((s) => s.length > 1);
}

/**
 * Safe compression only: drops what adds no fact — a wire dateline ("SAN FRANCISCO, Dec 1 (Wirebeat) —"), a
 * press-wire tag, a trailing "the company said" or "according to a statement" — and never rewords a claim.
 */
export function compressSentence(sentence: string): string {
  let s = sentence.trim();
  s = s.replace(
    /^(?:[A-Z][A-Z.'-]+(?:[ ,]+(?:and\s+)?[A-Z][A-Za-z.'-]+){0,5}),?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\)|\/[^/]{1,40}\/)?\s*(?:—|–|--|-)\s+/,
    "",
  );
  s = s.replace(/\s*\/[A-Za-z ]{2,30}\/\s*/g, " ");
  s = s.replace(
    /,\s+(?:the (?:company|firm|startup|group|lab|chipmaker|bank|agency)|it|he|she|they|[A-Z][a-z]+ [A-Z][a-z]+) (?:said|says|announced|added|noted|wrote)(?: (?:on|in) [A-Z][a-z]+(?: \d{1,2})?| in a (?:statement|blog post|filing|post))?\.$/,
    ".",
  );
  s = s.replace(/,\s+according to (?:a|the) (?:statement|filing|press release|blog post|company)\.$/, ".");
  s = s.replace(/\s+/g, " ").trim();
  if (s && /^[a-z]/.test(s)) s = s[0]?.toUpperCase() + s.slice(1);
  return s;
}

/** Words in a sentence. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Sentences that lean on what came before ("It said…", "The company…", "He added…") cannot stand alone. */
export function standsAlone(sentence: string): boolean {
  const s = sentence.trim();
  return (
    !/^(?:it|this|that|these|those|they|he|she|its|their|his|her|the (?:company|firm|move|deal|startup|chip|model|lab)|but|and|also|however|meanwhile|still|instead|in (?:addition|contrast)|that's)\b/i.test(
      s,
    ) &&
    !/^(?:with|after|as part of|alongside|following|under) (?:the|this|that|its|these) (?:announcement|deal|move|launch|acquisition|release|news|agreement|partnership)\b/i.test(
      s,
    ) &&
    // "On Thursday it introduced…": a time phrase does not give the pronoun a referent.
    !/^(?:on|in|at|last|this|earlier|later)\b[^,]{0,30},?\s+(?:it|he|she|they)\b/i.test(s)
  );
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

/** Numbers as words, "zero" to "twenty", by value. */
export const numberWords = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];
