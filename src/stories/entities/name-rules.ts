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

const speechVerbs = /^(?:said|says|told|wrote|added|noted|argued|explained|warned|announced)$/;

function word(scan: Scan, index: number): string {
  return scan.tokens[index]?.text ?? "";
}

function isFreeName(scan: Scan, index: number): boolean {
  if (scan.caps[index] !== 1 || scan.taken[index]) return false;
  const token = word(scan, index);
  return isNameLike(token) && !notNames.has(token) && !orgSuffixes.has(token);
}

/** The family name after a given name, or a second family-name part ("Lip-Bu Tan", "Sam Altman"). */
function personAt(scan: Scan, i: number): number {
  if (scan.taken[i] || scan.caps[i] !== 1) return -1;
  const token = word(scan, i);
  if (honorifics.has(token) && freeAfterPunct(scan, i + 1) && isFreeName(scan, i + 1)) {
    return freeAfter(scan, i + 2) && isFreeName(scan, i + 2) ? i + 2 : i + 1;
  }
  if (!isFreeName(scan, i) || !freeAfter(scan, i + 1)) return -1;
  const next = word(scan, i + 1);
  if (givenNames.has(token) && isFreeName(scan, i + 1)) return i + 1;
  if (chineseFamilyNames.has(token) && pinyinGivenName.test(next) && isFreeName(scan, i + 1)) return i + 1;
  const before = word(scan, i - 1).toLowerCase();
  const twoBefore = word(scan, i - 2).toLowerCase();
  const cued = personCues.has(before) || (before === "executive" && twoBefore === "chief");
  const saidAfter = speechVerbs.test(word(scan, i + 2)) || speechVerbs.test(word(scan, i - 1));
  if ((cued || saidAfter) && isFreeName(scan, i + 1) && !lookupWord(next)) return i + 1;
  return -1;
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
    const end = personAt(scan, i);
    if (end < 0) continue;
    const from = honorifics.has(word(scan, i)) ? i + 1 : i;
    const name = scan.tokens
      .slice(from, end + 1)
      .map((t) => t.text)
      .join(" ");
    const entity = claim(scan, from, end, { type: "person", normalized: name });
    if (entity && from > i) scan.taken[i] = 1;
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
    if (family && parts.length > 1) byFamilyName.set(family, entity.normalized);
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
      let j = k;
      while (j >= 1 && !scan.taken[j - 1] && freeAfter(scan, j) && isOrgPiece(word(scan, j - 1)) && k - j < 4) j -= 1;
      while (j < k && notNames.has(word(scan, j))) j += 1;
      if (j === k) continue;
      const dot = legalSuffixes.has(suffix) && scan.text.charCodeAt(scan.tokens[k]?.end ?? 0) === 46 ? 1 : 0;
      const pieces = scan.tokens.slice(j, k + 1).map((t) => t.text);
      const normalized = (legalSuffixes.has(suffix) ? pieces.slice(0, -1) : pieces).join(" ");
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

function isOrgPiece(token: string): boolean {
  return isCapitalised(token) && !orgSuffixes.has(token) && token.length > 1;
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
