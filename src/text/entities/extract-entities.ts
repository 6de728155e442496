import type { Entity } from "../../model/entity.ts";
import { findAmounts } from "./amounts.ts";
import { type GazetteerEntry, lookupWord, matchGazetteer } from "./gazetteer.ts";
import { findLaterMentions, findOrganisations, findPeople, findPlacesBeforeRegions } from "./name-rules.ts";
import { legalSuffixes } from "./name-words.ts";
import { extendProduct, findDigitProducts, findNamedVersions } from "./product-rules.ts";
import { claim, claimSpan, freeAfter, type Scan, startScan } from "./scan.ts";
import { findTickers } from "./tickers.ts";
import { tokenize } from "./tokenize.ts";

/**
 * Finds the organisations (with tickers), people, places, products, money (valued in US dollars) and quantities
 * (with units) in a text. Fast enough for every item of a day's ingest: one tokenizer pass, dictionary lookups and
 * precompiled regular expressions, no model.
 *
 * @example
 * extractEntities("AWS will invest $11B in Georgia.")
 * // [{ type: "org", text: "AWS", normalized: "Amazon", ticker: "AMZN", … },
 * //  { type: "money", text: "$11B", normalized: "USD 11B", value: 11000000000, … },
 * //  { type: "place", text: "Georgia", normalized: "Georgia", … }]
 */
export function extractEntities(text: string): Entity[] {
  const tokens = tokenize(text);
  const scan = startScan(text, tokens);
  findKnownNames(scan);
  findDigitProducts(scan);
  findPeople(scan);
  findNamedVersions(scan);
  findOrganisations(scan);
  findPlacesBeforeRegions(scan);
  findLaterMentions(scan);
  findTickers(scan);
  // A version is not a count: the "3" of "Gaudi 3 accelerators" belongs to the product.
  const amounts = findAmounts(text, tokens).filter(
    (a) => !scan.found.some((e) => a.start > e.start && a.start < e.end),
  );
  // Names inside a count stay ("15,000 H100 GPUs", "10,000 Nvidia Blackwell GPUs"); inside money they do not.
  const named = scan.found.filter(
    (e) => !amounts.some((a) => a.type === "money" && e.start >= a.start && e.end <= a.end),
  );
  return [...named, ...amounts].sort((a, b) => a.start - b.start || b.end - a.end);
}

function findKnownNames(scan: Scan): void {
  const { text, tokens } = scan;
  for (let i = 0; i < tokens.length; i += 1) {
    if (scan.taken[i] || (scan.caps[i] === 0 && !mayStartLowerName(tokens[i]?.text ?? ""))) continue;
    const entry = matchGazetteer(text, tokens, i);
    if (entry) {
      if (!acceptEntry(scan, i, entry)) continue;
      recordEntry(scan, i, entry);
      i += entry.tokenCount - 1;
    } else if (scan.caps[i] === 1 && tokens[i]?.text.includes("-")) {
      findInCompound(scan, i);
    }
  }
}

/** Names that start with a small letter: "xAI", "iPhone", "o3", "a16z", "gpt-oss", "watsonx". */
function mayStartLowerName(word: string): boolean {
  const second = word.charCodeAt(1);
  return (
    (second >= 65 && second <= 90) ||
    (second >= 48 && second <= 57) ||
    word === "gpt-oss" ||
    word === "watsonx" ||
    word === "mainland"
  );
}

/** Context checks: "X" the company is not the "X" of "Series X"; "US" in "US$80" is money, not a place. */
function acceptEntry(scan: Scan, i: number, entry: GazetteerEntry): boolean {
  const token = scan.tokens[i];
  if (!token) return false;
  if (entry.alias === "US" && scan.text.charCodeAt(token.end) === 36) return false;
  if (entry.alias.length === 1) {
    const previous = scan.tokens[i - 1];
    if (previous && /^\p{Lu}/u.test(previous.text) && scan.text.slice(previous.end, token.start) === " ") return false;
    if (/^[-.]/.test(scan.text.slice(token.end, token.end + 1))) return false;
  }
  return true;
}

function recordEntry(scan: Scan, i: number, entry: GazetteerEntry): void {
  let last = i + entry.tokenCount - 1;
  let extra = entry.dotEnd ? 1 : 0;
  if (entry.type === "org" && !entry.dotEnd) {
    // "Broadcom Inc.", "Nvidia Corp.": the legal form and its full stop belong to the name.
    const next = scan.tokens[last + 1];
    if (next && freeAfter(scan, last + 1) && legalSuffixes.has(next.text)) last += 1;
    const end = scan.tokens[last];
    if (end && legalSuffixes.has(end.text)) extra = scan.text.charCodeAt(end.end) === 46 ? 1 : 0;
  }
  if (entry.type === "product") {
    const extended = extendProduct(scan, last, Boolean(entry.versioned));
    if (extended > last) {
      last = extended;
      extra = 0;
    }
    // "Amazon Bedrock", "Google Search": the company is named too.
    const company = entry.tokenCount > 1 ? lookupWord(scan.tokens[i]?.text ?? "") : null;
    const first = scan.tokens[i];
    if (company?.type === "org" && first) claimSpan(scan, first.start, first.end, company);
  }
  const normalized = last > i + entry.tokenCount - 1 && entry.type === "product" ? "" : entry.normalized;
  const entity = claim(scan, i, last, entry, extra);
  if (entity && entry.type === "product") entity.normalized = normalized || entity.text;
}

/** "California-based", "Nvidia-backed", "US-China": known names inside a hyphenated word. */
function findInCompound(scan: Scan, i: number): void {
  const token = scan.tokens[i];
  // Names with digits ("GPT-5-powered") are the product rules' business.
  if (!token || /\d/.test(token.text)) return;
  let offset = token.start;
  for (const part of token.text.split("-")) {
    const entry = /^\p{Lu}/u.test(part) ? lookupWord(part) : null;
    if (entry) {
      claimSpan(scan, offset, offset + part.length, entry);
      scan.taken[i] = 1;
    }
    offset += part.length + 1;
  }
}
