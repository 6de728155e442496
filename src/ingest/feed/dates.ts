import { commonDate, daysFromCivil, daysInMonth, isoFromTime } from "./date-time.ts";

/** Time-zone abbreviations seen in real feeds, as minutes east of UTC. */
const zoneOffsets: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};

const months: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const isoPattern =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$/;

const rfcPattern =
  /^(?:[A-Za-z]{2,9}\.?,?\s+)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?$/;

const asctimePattern =
  /^[A-Za-z]{3,9},?\s+([A-Za-z]{3,9})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([A-Za-z]{1,5}|[+-]\d{4})\s+)?(\d{4})$/;

/**
 * Parses a date as feeds really write it — RFC 822/1123/850 with any zone abbreviation or numeric offset, ISO 8601
 * with or without a zone, asctime — into ISO 8601 UTC. A time without a zone is taken as UTC. Null when unreadable.
 *
 * @example
 * parseFeedDate("Mon, 1 Dec 2025 09:05 EST") // "2025-12-01T14:05:00Z"
 */
export function parseFeedDate(input: string | number | Date | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  if (input instanceof Date) return valid(input.getTime());
  let text = String(input).trim();
  if (!text || text.length > 100) return null;
  if (text.includes("  ") || /[\t\n\r]/.test(text)) text = text.replace(/\s+/g, " ");
  const common = commonDate(text);
  if (common !== undefined) return common === null ? null : valid(common);
  // RFC 9557 adds the zone's name in brackets after the offset: "…+01:00[Europe/Paris]".
  if (text.endsWith("]")) text = text.replace(/\s*\[[^\]]*\]$/, "");
  const iso = isoPattern.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    return build(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms, zone);
  }
  const rfc = rfcPattern.exec(text);
  if (rfc) {
    const [, d, mon, y, h, mi, s, zone] = rfc;
    const month = months[(mon ?? "").slice(0, 3).toLowerCase()];
    if (month === undefined) return fallback(text);
    return build(fullYear(Number(y)), month, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), 0, zone);
  }
  const asc = asctimePattern.exec(text);
  if (asc) {
    const [, mon, d, h, mi, s, zone, y] = asc;
    const month = months[(mon ?? "").slice(0, 3).toLowerCase()];
    if (month === undefined) return fallback(text);
    return build(Number(y), month, Number(d), Number(h), Number(mi), Number(s ?? 0), 0, zone);
  }
  if (/^\d{9,13}$/.test(text)) {
    const n = Number(text);
    return valid(text.length > 11 ? n : n * 1000);
  }
  return fallback(text);
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone?: string,
): string | null {
  if (y < 1900 || y > 2200 || mo < 0 || mo > 11 || d < 1 || h > 24 || mi > 59 || s > 60) return null;
  // A day the month does not have (30 February, 31 June) is a broken date, not one in the next month.
  if (d > daysInMonth(y, mo + 1)) return null;
  const offset = zoneOffset(zone);
  if (offset === null) return null;
  const seconds = daysFromCivil(y, mo + 1, d) * 86_400 + (h * 60 + mi) * 60 + Math.min(s, 59);
  return valid(seconds * 1000 + ms - offset * 60_000);
}

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === "-" ? -minutes : minutes;
  }
  const upper = zone.toUpperCase();
  if (upper in zoneOffsets) return zoneOffsets[upper] as number;
  if (/^[A-IK-Z]$/.test(upper)) return militaryOffset(upper);
  // An unknown abbreviation: better a time a few hours off than no time at all.
  return 0;
}

function militaryOffset(letter: string): number {
  const code = letter.charCodeAt(0);
  if (letter === "Z") return 0;
  if (code <= 73) return (code - 64) * 60; // A–I: +1…+9
  if (code <= 77) return (code - 65) * 60; // K–M: +10…+12
  return -(code - 77) * 60; // N–Y: −1…−12
}

function fullYear(year: number): number {
  if (year >= 100) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Whatever else Date.parse understands, provided it names a plausible year (V8 reads "Version 2" as 2001). */
function fallback(text: string): string | null {
  if (!/(?:^|\D)(?:1[89]|2[01])\d\d(?:\D|$)/.test(text)) return null;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2}|\b[A-Z]{2,5})$/.test(text);
  return valid(Date.parse(hasZone ? text : `${text} UTC`));
}

const earliest = Date.UTC(1900, 0, 1);
const latest = Date.UTC(2201, 0, 1);

/** A time as ISO 8601 UTC (without zero milliseconds), or null outside 1900–2200, where no feed date belongs. */
function valid(time: number): string | null {
  if (!(time >= earliest && time < latest)) return null;
  return isoFromTime(Math.round(time));
}
