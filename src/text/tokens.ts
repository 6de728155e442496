/** Words that carry no topic. News boilerplate verbs ("said", "announced") are included: every story has them. */
const stopwords = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i
if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours yourself yourselves
said says say saying told tell announced announces announce announcing according reported reports report reporting
new news week today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
year years month months day days time times one two three four five six seven eight nine ten first second third
company companies firm firms inc corp corporation ltd llc co plc group holdings
also including include includes included per via amid among across within without while since though although
like well much many may might must shall us its it's it’s don't doesn't isn't wasn't weren't won't can't couldn't
get gets got make makes made take takes took use uses used using way ways back still even yet already
people thing things lot lots part parts set sets based number numbers plan plans planned move moves`.split(/\s+/),
);

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
const letterOrNumber = /^[\p{L}\p{N}]$/u;
/** Characters that may join a word's parts: ' ’ . - */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 46 || c === 45;
/** Letter-or-number test for one UTF-16 unit (surrogates excluded by the caller), ASCII answered without a look-up. */
const nonAsciiWordChar = new Map<number, boolean>();
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let known = nonAsciiWordChar.get(c);
  if (known === undefined) {
    known = letterOrNumber.test(String.fromCharCode(c));
    if (nonAsciiWordChar.size < 4096) nonAsciiWordChar.set(c, known);
  }
  return known;
}
const surrogates = /[\ud800-\udfff]/;

/**
 * Lower-case content words of a text: stopwords and bare numbers dropped, possessives and plural endings folded
 * ("Nvidia's" → "nvidia", "chips" → "chip"), version-like tokens kept whole ("gpt-5.1", "v3.2").
 */
export function contentTokens(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  // Words are letters and numbers, joined by ' ’ . or - ; read with a scanner (V8's Unicode classes are slow), or
  // with the pattern when the text has characters outside the Basic Multilingual Plane.
  if (surrogates.test(lower)) {
    for (const match of lower.matchAll(wordPattern)) addToken(out, match[0], marksOf(match[0]));
    return out;
  }
  const length = lower.length;
  let i = 0;
  while (i < length) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    let end = i + 1;
    let j = i + 1;
    let marks = markOf(lower.charCodeAt(i));
    let pending = 0;
    while (j < length) {
      const c = lower.charCodeAt(j);
      if (isWordChar(c)) {
        end = j + 1;
        marks |= pending | markOf(c);
        pending = 0;
      } else if (isJoiner(c)) pending |= markOf(c);
      else break;
      j += 1;
    }
    addToken(out, lower.slice(start, end), marks);
    i = end;
  }
  return out;
}

/** `contentTokens` as a regular expression reads it: the reference the scanner is tested against. */
export function contentTokensByPattern(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(wordPattern)) addToken(out, match[0], marksOf(match[0]));
  return out;
}

/** What a word contains besides letters, as bits: an apostrophe, a digit, a hyphen. */
const apostrophe = 1;
const digit = 2;
const hyphen = 4;
const markOf = (c: number) =>
  c >= 48 && c <= 57 ? digit : c === 45 ? hyphen : c === 39 || c === 0x2019 ? apostrophe : 0;

function marksOf(word: string): number {
  let marks = 0;
  for (let i = 0; i < word.length; i += 1) marks |= markOf(word.charCodeAt(i));
  return marks;
}

/** Adds a word's content token(s); `marks` says which of the rarer characters it holds, so plain words skip all. */
function addToken(out: string[], word: string, marks: number): void {
  let token = word;
  if (marks & apostrophe) token = token.replace(/['’]s$/, "").replace(/['’]/g, "");
  if (token.length < 2 || stopwords.has(token)) return;
  const hasDigit = (marks & digit) !== 0;
  if (hasDigit && /^[\d.,-]+$/.test(token)) return;
  if (!hasDigit) {
    const last = token.charCodeAt(token.length - 1);
    if (last === 46 || last === 45) token = token.replace(/[.-]+$/, "");
    if (marks & hyphen && token.includes("-")) {
      for (const part of token.split("-")) if (part.length >= 2 && !stopwords.has(part)) out.push(stem(part));
      return;
    }
    token = stem(token);
  }
  if (token.length >= 2 && !stopwords.has(token)) out.push(token);
}

/** A light suffix folding: enough to meet "chips"/"chip", "investing"/"invests"/"invest", not a full stemmer. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5 && !word.endsWith("eed")) return word.slice(0, -2);
  if (word.endsWith("es") && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is"))
    return word.slice(0, -1);
  return word;
}

/** The first `limit` words of a text: the lead, where news puts who, what and how much. */
export function leadWords(text: string, limit: number): string {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 160;
    if (space) {
      if (inWord && ++count >= limit) return text.slice(0, i);
      inWord = false;
    } else inWord = true;
  }
  return text;
}
