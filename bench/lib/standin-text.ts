/**
 * Text handling shared by the two stand-in servers (embeddings-standin.ts, judge-standin.ts): words, a crude
 * suffix-stripping stem and a stop list. Nothing here knows an event, a synonym or a label: it is plain lexical
 * processing, which is why the stand-ins are lower bounds of what a real semantic model does.
 */

const stop = new Set(
  (
    "a an the and or but if of to in on at by for from with without into onto over under about after before as is " +
    "are was were be been being has have had do does did will would can could may might must shall should it its " +
    "this that these those their there them they he she his her we our you your i me my not no yes so than then " +
    "also just more most such which who whom whose what when where while how why all any each other some new says " +
    "said say according told tell per via up out off one two its it's s t"
  ).split(" "),
);

/** Lower-cased words and numbers, in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\d+)?/gu) ?? [];
}

/** Content words: words not in the stop list, stemmed. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) if (!stop.has(word)) out.push(stem(word));
  return out;
}

/** Strips the commonest English suffixes from words long enough to keep a stem of four letters. */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  for (const [suffix, replacement] of [
    ["ies", "y"],
    ["ing", ""],
    ["ed", ""],
    ["es", ""],
    ["s", ""],
    ["ly", ""],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length + replacement.length >= 4)
      return word.slice(0, word.length - suffix.length) + replacement;
  }
  return word;
}

/** 32-bit FNV-1a of a string. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
