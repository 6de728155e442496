import type { Entity } from "../../model/entity.ts";
import { scaleValue, unitNames, usdPerUnit, wordNumbers } from "./amount-tables.ts";
import { type Token, tokenize } from "./tokenize.ts";

// Money and quantities with units, found by precompiled regular expressions over the raw text.

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_WORD = "thousand|million|billion|trillion|mln|mn|bln|bn|trn|tn";
const CURRENCY_SIGN = String.raw`US\$|U\.S\.\s?\$|USD|AU?\$|CA?\$|HK\$|NT\$|S\$|\$|€|EUR|£|GBP|¥|JPY|CNY|RMB|₩|KRW|₹|INR|CHF`;
const CURRENCY_WORD = String.raw`US dollars|U\.S\. dollars|dollars|euros?|pounds sterling|pounds|sterling|yuan|renminbi|yen|won|rupees|Swiss francs|USD|EUR|GBP|CNY|RMB|JPY`;

// Each expression is sticky: it is tried only where a number starts, so a text costs one attempt per number.
const currencyBefore = new RegExp(String.raw`(${CURRENCY_SIGN})\s?$`);
const moneyAmount = new RegExp(
  String.raw`(${NUM})(?:\s?[-–]\s?(${NUM}))?(?:[\s-]?(${SCALE_WORD})\b|([kKmMbBtT])\b)?`,
  "y",
);
const moneyAfter = new RegExp(String.raw`(${NUM})(?:[\s-]?(${SCALE_WORD}))?\s(${CURRENCY_WORD})\b`, "y");

const WORD_NUMBER =
  "[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Tt]welve|[Ff]ifteen|[Tt]wenty|[Ff]ifty|[Hh]undred";
const UNIT = String.raw`GW|gigawatts?|MW|megawatts?|kW|kilowatts?|parameters?|params|tokens?|GPUs?|graphics processing units|chips?|accelerators?|TPUs?|XPUs?|nm|nanometres?|nanometers?|TB\/s|GB\/s|TB|GB|PB|petaflops|PFLOPS|exaflops|EFLOPS`;
const MODIFIER = String.raw`[A-Z][\w.+]*|active|total|more|additional|new|advanced|custom|vision|training|inference|context|input|output|dense`;
const MODIFIERS = String.raw`(?:[\s-]((?:${MODIFIER})(?:\s(?:${MODIFIER}))?))?`;
const quantity = new RegExp(
  String.raw`(${NUM})(?:[\s-]?(${SCALE_WORD})\b|([kKMBT])(?=[\s-]))?${MODIFIERS}[\s-]?(${UNIT})(?![\w/])`,
  "y",
);
// Numbers in words count with a scale ("one million Google TPUs") or in power ("six gigawatts").
const wordQuantity = new RegExp(
  String.raw`(${WORD_NUMBER})(?:[\s-](${SCALE_WORD})${MODIFIERS}[\s-](${UNIT})|[\s-](gigawatts?|megawatts?))\b`,
  "y",
);
const multiplier = new RegExp(
  String.raw`(${NUM})(?:\s?[x×](?![\w])|\s(?:times)(?=\s(?:the|more|faster|as|higher|larger|bigger|better|greater|cheaper|lower|smaller|over|that|its|what)\b))`,
  "y",
);
const activeOrTotal = new RegExp(String.raw`(${NUM})(?:\s?(${SCALE_WORD})\b|([kKMBT]))\s(active|total)\b`, "y");

function currencyCode(sign: string): string {
  if (sign.includes("US") || sign === "$" || /^U\.S\./.test(sign)) return "USD";
  const codes: Record<string, string> = { "€": "EUR", "£": "GBP", "¥": "JPY", RMB: "CNY", "₩": "KRW", "₹": "INR" };
  if (codes[sign]) return codes[sign];
  if (/^AU?\$$/.test(sign)) return "AUD";
  if (/^CA?\$$/.test(sign)) return "CAD";
  if (sign === "HK$") return "HKD";
  if (sign === "NT$") return "TWD";
  if (sign === "S$") return "SGD";
  return sign;
}

function currencyOfWord(word: string): string {
  const lower = word.toLowerCase();
  if (lower.includes("dollar") || lower === "usd") return "USD";
  if (lower.startsWith("euro") || lower === "eur") return "EUR";
  if (lower.startsWith("pound") || lower === "sterling" || lower === "gbp") return "GBP";
  if (lower === "yuan" || lower === "renminbi" || lower === "cny" || lower === "rmb") return "CNY";
  if (lower === "yen" || lower === "jpy") return "JPY";
  if (lower === "won") return "KRW";
  if (lower === "rupees") return "INR";
  return "CHF";
}

function parseNumber(text: string): number {
  const word = wordNumbers[text.toLowerCase()];
  return word ?? Number(text.replace(/,/g, ""));
}

function scaleOf(word: string | undefined, letter: string | undefined): number {
  const key = (word ?? letter ?? "").toLowerCase();
  return key ? (scaleValue[key] ?? 1) : 1;
}

/** "USD 11B", "USD 4.75B", "USD 23.28": the canonical form of an amount of money. */
export function canonicalUsd(value: number): string {
  return `USD ${compactNumber(value)}`;
}

function compactNumber(value: number): string {
  const round = (n: number) => String(Math.round(n * 1000) / 1000);
  if (Math.abs(value) >= 1e12) return `${round(value / 1e12)}T`;
  if (Math.abs(value) >= 1e9) return `${round(value / 1e9)}B`;
  if (Math.abs(value) >= 1e6) return `${round(value / 1e6)}M`;
  return round(value);
}

function overlaps(taken: Entity[], start: number, end: number): boolean {
  for (const entity of taken) if (start < entity.end && end > entity.start) return true;
  return false;
}

/** Rounds away floating-point noise: 1.7 × 1.08 × 1e9 is 1836000000, not 1836000000.0000002. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

function money(text: string, start: number, raw: number): Entity {
  const value = clean(raw);
  return { type: "money", text, normalized: canonicalUsd(value), value, start, end: start + text.length };
}

function quantityEntity(text: string, start: number, raw: number, unit: string): Entity {
  const value = clean(raw);
  const shown = unit === "parameters" || unit === "tokens" ? compactNumber(value) : String(value);
  const normalized = unit === "x" ? `${shown}x` : `${shown} ${unit}`;
  return { type: "quantity", text, normalized, value, unit, start, end: start + text.length };
}

function unitOf(written: string): string {
  const lower = written.toLowerCase();
  return unitNames[lower.replace(/s$/, "")] ?? unitNames[lower] ?? written;
}

/** Every amount of money (valued in US dollars) in a text. */
export function findMoney(text: string): Entity[] {
  return findAmounts(text).filter((e) => e.type === "money");
}

/** Quantities with units: power, parameters, tokens, GPUs and chips, process nodes, memory, multipliers. */
export function findQuantities(text: string): Entity[] {
  return findAmounts(text).filter((e) => e.type === "quantity");
}

function stickyAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Money and quantities, tried where each number starts (`tokens` are the text's words when the caller has them).
 * A number inside another ("000" of "15,000", "5" of "3.5") or glued to a word ("Qwen3") is not a start.
 */
export function findAmounts(text: string, tokens: Token[] = tokenize(text)): Entity[] {
  const found: Entity[] = [];
  let covered = 0;
  const inWords = text.includes("illion") || text.includes("watt");
  for (const token of tokens) {
    const at = token.start;
    if (at < covered) continue;
    if (!isDigit(text.charCodeAt(at))) {
      if (!inWords) continue;
      const entity = token.text.length <= 7 && wordNumberForms.has(token.text) ? wordAmountAt(text, at, found) : null;
      if (entity) {
        found.push(entity);
        covered = entity.end;
      }
      continue;
    }
    const before = text.charCodeAt(at - 1);
    if ((before === 44 || before === 46) && isDigit(text.charCodeAt(at - 2))) continue;
    const entity = amountAt(text, at, before, token.end);
    if (entity) {
      found.push(entity);
      covered = entity.end;
    }
  }
  return found;
}

const wordNumberForms = new Set(Object.keys(wordNumbers).flatMap((w) => [w, w[0]?.toUpperCase() + w.slice(1)]));

function wordAmountAt(text: string, at: number, found: Entity[]): Entity | null {
  const m = stickyAt(wordQuantity, text, at);
  if (!m || overlaps(found, at, at + m[0].length)) return null;
  const [whole, amount = "0", word, , unitText, power = ""] = m;
  return quantityEntity(whole, at, parseNumber(amount) * scaleOf(word, undefined), unitOf(unitText ?? power));
}

function amountAt(text: string, at: number, before: number, end: number): Entity | null {
  // A percentage is neither money nor a quantity the briefing reports.
  if (text.charCodeAt(end) === 37) return null;
  const sign =
    before === 32 || before > 127 || before === 36 ? currencyBefore.exec(text.slice(Math.max(0, at - 7), at)) : null;
  if (sign) {
    const start = at - sign[0].length;
    if (!/[\w$€£¥₩₹]/.test(text[start - 1] ?? " ")) {
      const m = stickyAt(moneyAmount, text, at);
      if (m) {
        const [whole, amount = "0", , word, letter] = m;
        const value = parseNumber(amount) * scaleOf(word, letter) * (usdPerUnit[currencyCode(sign[1] ?? "$")] ?? 1);
        return money(text.slice(start, at + whole.length), start, value);
      }
    }
  }
  // A number after a hyphen or a currency sign is part of something else ("Phase-2", "$5").
  if (before === 45 || before === 36) return null;
  const after = stickyAt(moneyAfter, text, at);
  if (after) {
    const [whole, amount = "0", word, currency = "USD"] = after;
    // "5 won" is more often a verb than Korean money; amounts in won are large.
    if (currency !== "won" || word || amount.includes(",")) {
      const value = parseNumber(amount) * scaleOf(word, undefined) * (usdPerUnit[currencyOfWord(currency)] ?? 1);
      return money(whole, at, value);
    }
  }
  const q = stickyAt(quantity, text, at);
  if (q) {
    const [whole, amount = "0", word, letter, modifiers, unitText = ""] = q;
    // "2025 Nvidia GPUs" is a year, not a count.
    if (!(modifiers && !word && !letter && /^(?:19|20)\d\d$/.test(amount)))
      return quantityEntity(whole, at, parseNumber(amount) * scaleOf(word, letter), unitOf(unitText));
  }
  const x = stickyAt(multiplier, text, at);
  if (x) return quantityEntity(x[0].trim(), at, parseNumber(x[1] ?? "0"), "x");
  const part = stickyAt(activeOrTotal, text, at);
  if (part && mentionsParameters(text, at, part[0].length)) {
    const [whole, amount = "0", word, letter] = part;
    return quantityEntity(whole, at, parseNumber(amount) * scaleOf(word, letter), "parameters");
  }
  return null;
}

/** "41B active / 675B total parameters": the word "parameters" is in the same sentence, close by. */
function mentionsParameters(text: string, index: number, length: number): boolean {
  const after = text.slice(index + length, index + length + 80);
  const before = text.slice(Math.max(0, index - 100), index);
  const afterClause = after.split(/[;!?]|\.\s/)[0] ?? "";
  const beforeClause = before.split(/[;!?]|\.\s/).pop() ?? "";
  return /\bparameters?\b/.test(afterClause) || /\bparameters?\b/.test(beforeClause);
}
