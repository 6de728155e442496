import { lookupWord } from "./gazetteer.ts";
import {
  chineseFamilyNames,
  givenNames,
  honorifics,
  legalSuffixes,
  notNames,
  orgHeads,
  orgSuffixes,
  personCues,
  pinyinGivenName,
} from "./name-words.ts";
import { claim, freeAfter, type Scan } from "./scan.ts";
import { isCapitalised, isNameLike } from "./tokenize.ts";

// Names not in the gazetteer, found from their shape and their neighbours: given name + family name, a role
// before a name ("chief executive Sridhar Ramaswamy"), an organisation suffix ("Celestial AI", "Acme Robotics
// Inc."), a place before a known state or country ("Sunnyvale, California").

const weekdays = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const dateCue = /^(?:on|by|since|until|till|from|last|next|this|every|each|late|early|before|after)$/i;
const speechVerbs = /^(?:said|says|told|wrote|added|noted|argued|explained)$/;

function word(scan: Scan, index: number): string {
  return scan.tokens[index]?.text ?? "";
}

function isFreeName(scan: Scan, index: number): boolean {
  if (scan.caps[index] !== 1 || scan.taken[index]) return false;
  const token = word(scan, index);
  return isNameLike(token) && !notNames.has(token) && !orgSuffixes.has(token);
}

/** After honorifics and titles ("Mrs Justice", "Dr."), the one or two names that follow: [first, last] or null. */
function afterHonorifics(scan: Scan, i: number): [number, number] | null {
  let first = i + 1;
  while (honorifics.has(word(scan, first)) && freeAfterPunct(scan, first)) first += 1;
  if (!freeAfterPunct(scan, first) || !isFreeName(scan, first) || honorifics.has(word(scan, first))) return null;
  return [first, freeAfter(scan, first + 1) && isFreeName(scan, first + 1) ? first + 1 : first];
}

/** The family name after a given name, or a second family-name part ("Lip-Bu Tan", "Sam Altman"). */
function personAt(scan: Scan, i: number): number {
  // Every rule below needs two capitalised words in a row.
  if (scan.taken[i] || scan.caps[i] !== 1 || scan.caps[i + 1] !== 1) return -1;
  const token = word(scan, i);
  if (honorifics.has(token)) return -1;
  if (!isFreeName(scan, i) || !freeAfter(scan, i + 1)) return -1;
  const next = word(scan, i + 1);
  if (givenNames.has(token) && isFreeName(scan, i + 1)) return i + 1;
  if (chineseFamilyNames.has(token) && pinyinGivenName.test(next) && isFreeName(scan, i + 1)) return i + 1;
  const before = word(scan, i - 1).toLowerCase();
  const twoBefore = word(scan, i - 2).toLowerCase();
  const cued = personCues.has(before) || (before === "executive" && twoBefore === "chief");
  // "Jane Doe said" and "said Jane Doe", with only a space between: not "Kairos Power, announced".
  const saidAfter =
    (speechVerbs.test(word(scan, i + 2)) && spaceOnly(scan, i + 1, i + 2)) ||
    (speechVerbs.test(word(scan, i - 1)) && spaceOnly(scan, i - 1, i));
  if ((cued || saidAfter) && isFreeName(scan, i + 1) && !lookupWord(next)) return i + 1;
  return -1;
}

function spaceOnly(scan: Scan, a: number, b: number): boolean {
  const first = scan.tokens[a];
  const second = scan.tokens[b];
  return Boolean(first && second && scan.text.slice(first.end, second.start) === " ");
}

/** After an honorific the full stop is allowed: "Mr. Huang". */
function freeAfterPunct(scan: Scan, index: number): boolean {
  const previous = scan.tokens[index - 1];
  const token = scan.tokens[index];
  if (!previous || !token || scan.taken[index]) return false;
  return /^\.? $/.test(scan.text.slice(previous.end, token.start));
}

export function findPeople(scan: Scan): void {
  for (let i = 0; i < scan.tokens.length; i += 1) {
    if (scan.taken[i] || scan.caps[i] !== 1) continue;
    const span: [number, number] | null = honorifics.has(word(scan, i))
      ? afterHonorifics(scan, i)
      : [i, personAt(scan, i)];
    if (!span || span[1] < 0) continue;
    const [from, end] = span;
    const name = scan.tokens
      .slice(from, end + 1)
      .map((t) => t.text)
      .join(" ");
    claim(scan, from, end, { type: "person", normalized: name });
    i = end;
  }
}

/** A family name alone after the full name appeared: "Huang said" after "Jensen Huang". */
export function findLaterMentions(scan: Scan): void {
  const byFamilyName = new Map<string, string>();
  for (const entity of scan.found) {
    if (entity.type !== "person") continue;
    const parts = entity.normalized.split(" ");
    const last = parts[parts.length - 1];
    const family = chineseFamilyNames.has(parts[0] ?? "") && parts.length === 2 ? parts[0] : last;
    if (family) byFamilyName.set(family, entity.normalized);
  }
  if (byFamilyName.size === 0) return;
  for (let i = 0; i < scan.tokens.length; i += 1) {
    if (scan.caps[i] !== 1) continue;
    const full = byFamilyName.get(word(scan, i));
    if (full && !scan.taken[i]) claim(scan, i, i, { type: "person", normalized: full });
  }
}

/** "Celestial AI", "Acme Robotics Inc.", "University of Tokyo": organisations named by their last word. */
export function findOrganisations(scan: Scan): void {
  for (let k = 1; k < scan.tokens.length; k += 1) {
    if (scan.taken[k] || (scan.caps[k] !== 1 && scan.tokens[k]?.text !== "of")) continue;
    const suffix = word(scan, k);
    if (orgSuffixes.has(suffix)) {
      // "Acme Robotics Inc.": the name ends at the last of several suffix words.
      while (freeAfter(scan, k + 1) && orgSuffixes.has(word(scan, k + 1))) k += 1;
      let j = k;
      while (j >= 1 && !scan.taken[j - 1] && freeAfter(scan, j) && isOrgPiece(word(scan, j - 1)) && k - j < 4) j -= 1;
      // "Sunday Robotics": a weekday right before the suffix is the company's name, not a date ("on Monday").
      const named = (at: number) => at === k - 1 && weekdays.test(word(scan, at)) && !dateCue.test(word(scan, at - 1));
      while (j < k && notNames.has(word(scan, j)) && !named(j)) j += 1;
      if (j === k || (suffix === "AI" && !isLabName(scan, j, k))) continue;
      const last = word(scan, k);
      const dot = legalSuffixes.has(last) && scan.text.charCodeAt(scan.tokens[k]?.end ?? 0) === 46 ? 1 : 0;
      const pieces = scan.tokens.slice(j, k + 1).map((t) => t.text);
      const normalized = (legalSuffixes.has(last) ? pieces.slice(0, -1) : pieces).join(" ");
      claim(scan, j, k, { type: "org", normalized }, dot);
    } else if (suffix === "of" && orgHeads.has(word(scan, k - 1)) && !scan.taken[k - 1]) {
      let end = k;
      while (freeAfter(scan, end + 1) && isNameLike(word(scan, end + 1)) && end - k < 3) end += 1;
      if (end === k) continue;
      const name = scan.text.slice(scan.tokens[k - 1]?.start ?? 0, scan.tokens[end]?.end ?? 0);
      claim(scan, k - 1, end, { type: "org", normalized: name });
      k = end;
    }
  }
}

/**
 * "Celestial AI" and "Arcee AI" are companies; "Generative AI", "Building AI" and "General-Purpose AI" are not:
 * before "AI" a company has one capitalised word that is not an adjective, a verb or an abbreviation.
 */
function isLabName(scan: Scan, from: number, ai: number): boolean {
  const name = word(scan, from);
  if (ai - from !== 1 || name.includes("-") || name === name.toUpperCase()) return false;
  return !/(?:ing|ive|ic|al|ize|ise|ed|ous|ful|less|able|ible|ent|ant)$/.test(name);
}

function isOrgPiece(token: string): boolean {
  return isCapitalised(token) && token.length > 1;
}

/** "Sunnyvale, California": a capitalised name before a known state or country is a place. */
export function findPlacesBeforeRegions(scan: Scan): void {
  const regions = scan.found.filter((e) => e.type === "place");
  for (const region of regions) {
    const index = scan.tokens.findIndex((t) => t.start === region.start);
    if (index < 2 || scan.text.slice(scan.tokens[index - 1]?.end ?? 0, region.start) !== ", ") continue;
    let from = index - 1;
    if (!isFreeName(scan, from)) continue;
    while (from - 1 >= 0 && freeAfter(scan, from) && isFreeName(scan, from - 1) && index - from < 3) from -= 1;
    const name = scan.text.slice(scan.tokens[from]?.start ?? 0, scan.tokens[index - 1]?.end ?? 0);
    claim(scan, from, index - 1, { type: "place", normalized: name });
  }
}
