import {
  badObjects,
  barriers,
  concessive,
  contrastBefore,
  goodObjects,
  hedges,
  intensifiers,
  marketNeutralizers,
  movesDown,
  movesUp,
  negators,
  neutralizers,
  polarWords,
  spendObjects,
  subordinate,
  toneless,
} from "./lexicon-words.ts";

/** What one word or phrase means to the sentiment rules. */
export type Cue =
  /** A financial object: `good` is +1 when more of it is good (revenue), -1 when bad (losses). */
  | { kind: "object"; good: number; inherent: number; barrier: boolean }
  /** A direction word; a completion ("closed its investigation") is good whatever it completes. */
  | { kind: "move"; dir: number; strength: number; transitive: boolean; weak: boolean; completion: boolean }
  | { kind: "polar"; value: number }
  | { kind: "negator"; value: number }
  | { kind: "hedge" }
  /** "flat", "in line": `pull` scales the sentence toward neutral. */
  | { kind: "neutral"; pull: number }
  | { kind: "toneless" }
  | { kind: "contrast"; mode: "before" | "concessive" | "subordinate" }
  | { kind: "intensifier"; factor: number };

export type LexiconEntry = { words: string[]; cue: Cue };

/** Lexicon entries keyed by their first word, longest phrase first. */
export const lexicon = new Map<string, LexiconEntry[]>();

/** Lower case, apostrophes straightened, hyphens as spaces: "Sell-off" and "sell off" meet. */
export function normalizeWords(phrase: string): string[] {
  return phrase.toLowerCase().replace(/’/g, "'").replace(/-/g, " ").split(/\s+/).filter(Boolean);
}

function add(forms: string, cue: Cue): void {
  for (const form of forms.split("|")) {
    const words = normalizeWords(form);
    const first = words[0];
    if (!first) continue;
    const list = lexicon.get(first) ?? [];
    // The first meaning given for a phrase wins; the order below is the precedence.
    if (list.some((e) => e.words.join(" ") === words.join(" "))) continue;
    list.push({ words, cue });
    list.sort((a, b) => b.words.length - a.words.length);
    lexicon.set(first, list);
  }
}

const barrierWords = new Set(barriers.split("|"));

add(toneless, { kind: "toneless" });
for (const [forms, value] of Object.entries(negators)) add(forms, { kind: "negator", value });
add(contrastBefore, { kind: "contrast", mode: "before" });
add(concessive, { kind: "contrast", mode: "concessive" });
add(subordinate, { kind: "contrast", mode: "subordinate" });
// "Shares were flat" says the market did not move: a stronger pull than "in line" about the results.
add(marketNeutralizers, { kind: "neutral", pull: 0.25 });
add(neutralizers, { kind: "neutral", pull: 0.5 });
for (const [forms, factor] of Object.entries(intensifiers)) {
  if (forms.includes("than")) add(forms, { kind: "intensifier", factor });
}
for (const [forms, value] of Object.entries(polarWords)) add(forms, { kind: "polar", value });
for (const [table, dir] of [
  [movesUp, 1],
  [movesDown, -1],
] as const) {
  for (const [forms, [strength, transitive, weak]] of Object.entries(table)) {
    const completion = forms.startsWith("closed a");
    add(forms, { kind: "move", dir, strength, transitive, weak: Boolean(weak), completion });
  }
}
add(spendObjects, { kind: "object", good: -0.5, inherent: 0, barrier: false });
for (const [table, good] of [
  [goodObjects, 1],
  [badObjects, -1],
] as const) {
  for (const [forms, inherent] of Object.entries(table)) {
    for (const form of forms.split("|")) {
      add(form, { kind: "object", good, inherent: good * inherent, barrier: barrierWords.has(form) });
    }
  }
}
for (const [forms, factor] of Object.entries(intensifiers)) add(forms, { kind: "intensifier", factor });
add(hedges, { kind: "hedge" });

/** The longest lexicon phrase starting at `index` in `words`, or null. */
export function matchLexicon(words: readonly string[], index: number): LexiconEntry | null {
  const candidates = lexicon.get(words[index] ?? "");
  if (!candidates) return null;
  for (const entry of candidates) {
    let matches = true;
    for (let k = 1; k < entry.words.length && matches; k += 1) matches = words[index + k] === entry.words[k];
    if (matches) return entry;
  }
  return null;
}
