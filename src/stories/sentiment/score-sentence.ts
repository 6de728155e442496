import { type Cue, matchLexicon } from "./lexicon.ts";
import { verbCues } from "./lexicon-words.ts";
import type { Word } from "./sentences.ts";

// The rules for one sentence, as an analyst reads it:
// - a direction word moves a financial object, and the object says which way is good ("the loss narrowed" is
//   good, "costs climbed" is bad); a company or its shares as the object is the market's verdict and weighs more;
// - words with their own tone count as they are ("downgraded", "beat", "lawsuit");
// - a negator flips what follows it in its clause ("did not cut its dividend"); a hedge softens ("could face");
// - after "but" the clause before counts less; a concessive clause ("despite record revenue") counts less;
// - "flat", "in line", "reiterated" pull the sentence toward neutral.

/** One piece of evidence: its tone, where it is, and the company it is about when its object is a company. */
export type Evidence = {
  value: number;
  at: number;
  company?: { normalized: string; ticker: string | null };
  /**
   * Set when the evidence is what happened to the company by the market's measure: its shares or the company
   * moved, or its results or guidance did. The market read of a ticker rests on these first.
   */
  verdict?: boolean;
};

type Item = { word: Word; cue: Cue | null; index: number; boundary: boolean };

const verbBefore = new Set(verbCues.split("|"));
const boundaries = new Set([",", ";", ":", "(", ")", '"', "“", "”"]);
const marketWords = new Set(["shares", "stock", "stocks", "share price", "stock price", "<company>"]);
/** Results and guidance: what a company reports of itself, as the market reads it. */
const resultWords = new Set(
  (
    "revenue|revenues|sales|turnover|income|profit|profits|earnings|eps|earnings per share|net income|" +
    "operating income|ebitda|margin|margins|gross margin|operating margin|guidance|forecast|forecasts|outlook|" +
    "loss|losses|net loss|operating loss|dividend|bookings|backlog|rating|price target|free cash flow|cash flow"
  ).split("|"),
);
const liftWords = new Set(["lift", "lifts", "lifted", "lifting"]);
const relief = new Set(["smaller", "less", "lower", "better", "milder", "narrower", "fewer"]);
const worse = new Set(["bigger", "larger", "worse", "deeper", "wider", "steeper", "more"]);

const CONTRAST_DISCOUNT = 0.4;
const SUBORDINATE_DISCOUNT = 0.7;
const HEDGE = 0.75;
const MARKET_WEIGHT = 1.5;

function toItems(words: Word[]): Item[] {
  const items: Item[] = [];
  const plain = words.map((w) => w.w);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as Word;
    if (word.w === "<company>" || word.w === "<money>") {
      items.push({
        word,
        cue: { kind: "object", good: 1, inherent: 0, barrier: false },
        index: items.length,
        boundary: false,
      });
      continue;
    }
    const entry = matchLexicon(plain, i);
    // "to record an impairment" uses "record" as a verb.
    const isVerbRecord = word.w === "record" && verbBefore.has(plain[i - 1] ?? "");
    if (entry && !isVerbRecord) {
      const span = entry.words.length;
      const last = words[i + span - 1] ?? word;
      const merged: Word = { w: entry.words.join(" "), start: word.start, end: last.end };
      items.push({ word: merged, cue: entry.cue, index: items.length, boundary: false });
      i += span - 1;
    } else {
      items.push({ word, cue: null, index: items.length, boundary: boundaries.has(word.w) });
    }
  }
  return items;
}

/** Weight of each item: clauses before "but" and concessive clauses count less. */
function contrastWeights(items: Item[]): number[] {
  const weights = items.map(() => 1);
  let segmentStart = 0;
  for (const item of items) {
    if (item.cue?.kind !== "contrast") continue;
    if (item.cue.mode === "before") {
      for (let j = segmentStart; j < item.index; j += 1) weights[j] = (weights[j] ?? 1) * CONTRAST_DISCOUNT;
      segmentStart = item.index;
    } else {
      const discount = item.cue.mode === "concessive" ? CONTRAST_DISCOUNT : SUBORDINATE_DISCOUNT;
      for (let j = item.index; j < items.length && !(j > item.index && items[j]?.boundary); j += 1) {
        weights[j] = (weights[j] ?? 1) * discount;
      }
    }
  }
  return weights;
}

/** Clauses: runs of items between punctuation and contrast words. Negation, hedges and objects stay inside. */
function clauses(items: Item[]): Item[][] {
  const result: Item[][] = [];
  let current: Item[] = [];
  for (const item of items) {
    if (item.boundary || item.cue?.kind === "contrast") {
      if (current.length) result.push(current);
      current = [];
      continue;
    }
    current.push(item);
  }
  if (current.length) result.push(current);
  return result;
}

function isObject(item: Item | undefined): boolean {
  return item?.cue?.kind === "object";
}

/** After a transitive verb a direction word is a noun: "ending a run of declines", "reversing losses". */
function isObjectOrNoun(item: Item | undefined): boolean {
  return isObject(item) || (item?.cue?.kind === "move" && !item.cue.transitive);
}

/**
 * The object a direction word moves: after it for transitive words and for adjectives ("rising debt",
 * "higher costs"), before it (the subject) otherwise ("the loss narrowed").
 */
function findObject(clause: Item[], at: number, transitive: boolean, weak: boolean): Item | null {
  const after = (limit: number, accept: (item: Item | undefined) => boolean) =>
    clause.slice(at + 1, at + 1 + limit).find(accept) ?? null;
  const before = (limit: number) =>
    clause
      .slice(Math.max(0, at - limit), at)
      .reverse()
      .find(isObject) ?? null;
  // "completed its acquisition": a completion needs its object after it.
  let found: Item | null;
  if (weak) found = transitive ? after(3, isObject) : (after(3, isObject) ?? before(6));
  else if (transitive) found = after(6, isObjectOrNoun) ?? before(8);
  else {
    const word = clause[at]?.word.w ?? "";
    const next = clause[at + 1];
    found = word.endsWith("ing") && isObject(next) ? (next ?? null) : (before(8) ?? after(4, isObject));
  }
  // "the $2.8 billion loss": an amount before a financial word only says how much of it.
  const next = found ? clause[clause.indexOf(found) + 1] : undefined;
  if (found?.word.w === "<money>" && next && isObject(next)) return next;
  return found;
}

/** A direction word used as a noun moves like an object: a decline is bad, a gain good. */
function objectGood(object: Item): number {
  if (object.cue?.kind === "object") return object.cue.good;
  return object.cue?.kind === "move" ? object.cue.dir : 0;
}

function scoreClause(clause: Item[], weights: number[], evidence: Evidence[]): void {
  const events: Array<Evidence & { pos: number }> = [];
  const used = new Set<Item>();
  const hasStrongMove = clause.some((i) => i.cue?.kind === "move" && !i.cue.weak);
  const feared = fearedComparison(clause);
  if (feared !== 0) {
    const at = clause[0] as Item;
    evidence.push({ value: feared * (weights[at.index] ?? 1), at: at.word.start });
    return;
  }
  clause.forEach((item, pos) => {
    const cue = item.cue;
    if (cue?.kind === "move") {
      if (used.has(item) || (cue.weak && hasStrongMove)) return;
      const object = findObject(clause, pos, cue.transitive, cue.weak);
      // Without an object an intransitive word still leans its own way ("shares of the group fell"), weakly; an
      // adjective ("higher", "record") or a transitive verb ("raised") says nothing without what it moves.
      if (!object && (cue.weak || cue.transitive)) return;
      let value = cue.dir * cue.strength * 0.5;
      let company: Evidence["company"];
      let verdict = false;
      if (object) {
        used.add(object);
        const barrier = object.cue?.kind === "object" && object.cue.barrier;
        const flip = barrier && liftWords.has(item.word.w) ? -1 : 1;
        // A company is the market's verdict only as the direct subject: "Alphabet climbed", not "Tesla's service grew".
        const direct = object.word.w !== "<company>" || Math.abs(clause.indexOf(object) - pos) <= 2;
        const market = marketWords.has(object.word.w) && direct ? MARKET_WEIGHT : 1;
        const good = cue.completion ? 1 : objectGood(object);
        value = cue.dir * flip * good * cue.strength * market;
        company = object.word.company;
        verdict = market > 1 || resultWords.has(object.word.w);
      }
      events.push({
        value,
        at: item.word.start,
        pos,
        ...(company ? { company } : {}),
        ...(verdict ? { verdict } : {}),
      });
    } else if (cue?.kind === "polar") {
      events.push({ value: cue.value, at: item.word.start, pos });
    }
  });
  clause.forEach((item, pos) => {
    if (item.cue?.kind === "object" && !used.has(item) && item.cue.inherent !== 0) {
      events.push({ value: item.cue.inherent, at: item.word.start, pos });
    }
  });
  applyModifiers(clause, events);
  const hedged = clause.some((i) => i.cue?.kind === "hedge") ? HEDGE : 1;
  for (const event of events) {
    const weight = weights[clause[event.pos]?.index ?? 0] ?? 1;
    evidence.push({
      value: event.value * hedged * weight,
      at: event.at,
      ...(event.company ? { company: event.company } : {}),
      ...(event.verdict ? { verdict: true } : {}),
    });
  }
}

/** Negators flip what follows them in the clause; intensifiers scale the nearest piece of evidence. */
function applyModifiers(clause: Item[], events: Array<Evidence & { pos: number }>): void {
  clause.forEach((item, pos) => {
    const cue = item.cue;
    if (cue?.kind === "negator") {
      // The negator flips the first piece of evidence after it ("did not cut its dividend").
      let first: (typeof events)[number] | null = null;
      for (const event of events) {
        if (event.pos > pos && event.pos <= pos + 8 && (!first || event.pos < first.pos)) first = event;
      }
      if (first) first.value = -first.value;
      else if (cue.value !== 0) events.push({ value: cue.value, at: item.word.start, pos });
    } else if (cue?.kind === "intensifier") {
      let nearest: (typeof events)[number] | null = null;
      for (const event of events) {
        if (!nearest || Math.abs(event.pos - pos) < Math.abs(nearest.pos - pos)) nearest = event;
      }
      if (nearest && Math.abs(nearest.pos - pos) <= 4) nearest.value *= cue.factor;
    }
  });
}

/** "smaller than investors had feared" is relief; "bigger than feared" is worse news. */
function fearedComparison(clause: Item[]): number {
  const fearedAt = clause.findIndex((i) => i.word.w === "feared" || i.word.w === "than feared");
  if (fearedAt < 0) return 0;
  for (let j = fearedAt - 1; j >= Math.max(0, fearedAt - 6); j -= 1) {
    const w = clause[j]?.word.w ?? "";
    if (relief.has(w)) return 0.9;
    if (worse.has(w)) return -0.9;
  }
  return 0;
}

/**
 * Scores one sentence: the sum of its evidence, pulled toward neutral by "flat", "in line" and the like.
 * Returns the raw score (unbounded) and the evidence, for per-company sentiment.
 */
export function scoreSentence(words: Word[]): { score: number; evidence: Evidence[] } {
  const items = toItems(words);
  const weights = contrastWeights(items);
  const evidence: Evidence[] = [];
  for (const clause of clauses(items)) scoreClause(clause, weights, evidence);
  let pull = 1;
  for (const item of items) {
    if (item.cue?.kind === "neutral" && (weights[item.index] ?? 1) === 1) pull = Math.min(pull, item.cue.pull);
  }
  for (const e of evidence) e.value *= pull;
  return { score: evidence.reduce((sum, e) => sum + e.value, 0), evidence };
}
