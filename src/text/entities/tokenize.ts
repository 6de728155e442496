/** A word of the text with its character offsets. */
export type Token = { text: string; start: number; end: number };

const letterOrDigit = /[\p{L}\p{N}]/u;

/** ASCII letters and digits by code; anything beyond ASCII through the Unicode classes (rare in English news). */
function isWordChar(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return letterOrDigit.test(text.charAt(index));
}

/**
 * Splits a text into words: letters and digits, joined by ".", "&" or "-" when a letter or digit follows ("U.S",
 * "GPT-5.1", "AT&T", "Lip-Bu"). Apostrophes split ("Nvidia's" → "Nvidia", "s"), so a possessive never hides a
 * name. A hand-written scanner: the extraction runs on every item of a day's ingest.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (!isWordChar(code, text, i)) {
      i += 1;
      continue;
    }
    const start = i;
    for (;;) {
      i += 1;
      if (i >= length) break;
      code = text.charCodeAt(i);
      if (isWordChar(code, text, i)) continue;
      // ".", "&" and "-" join two words: "U.S", "AT&T", "GPT-5.1".
      if ((code === 46 || code === 38 || code === 45) && i + 1 < length) {
        const next = text.charCodeAt(i + 1);
        if (isWordChar(next, text, i + 1)) continue;
      }
      break;
    }
    tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
}

/** True when only spaces separate two tokens (a name never spans a comma, a full stop or a line break). */
export function spaceBetween(text: string, a: Token, b: Token): boolean {
  for (let i = a.end; i < b.start; i += 1) if (text.charCodeAt(i) !== 32) return false;
  return b.start > a.end;
}

const nameLike = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$|^(?:Mc|Mac|De|Le|La|Di)\p{Lu}\p{Ll}+$/u;
const upperFirst = /^\p{Lu}/u;

/** A capitalised word that may be part of a name: "Huang", "Lip-Bu", "McKinsey". */
export function isNameLike(token: string): boolean {
  return nameLike.test(token);
}

/** Starts with a capital letter. */
export function isCapitalised(token: string): boolean {
  const first = token.charCodeAt(0);
  return (first >= 65 && first <= 90) || (first > 127 && upperFirst.test(token));
}
