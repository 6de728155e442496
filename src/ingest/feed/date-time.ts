/**
 * Calendar arithmetic and the two date forms nearly every feed uses, read without regular expressions or Date
 * objects: feed parsing reads one or two dates per item, and this is the hot path (dates.ts handles everything else).
 */

const dayMs = 86_400_000;
const pad = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), after H. Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthDays[month - 1] ?? 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Milliseconds since the epoch as ISO 8601 UTC, without milliseconds when they are zero (years 1000–9999). */
export function isoFromTime(time: number): string {
  const days = Math.floor(time / dayMs);
  let rest = time - days * dayMs;
  const [year, month, day] = civilFromDays(days);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const ms = rest - seconds * 1000;
  const fraction = ms === 0 ? "" : `.${String(ms).padStart(3, "0")}`;
  return `${year}-${pad[month]}-${pad[day]}T${pad[hours]}:${pad[minutes]}:${pad[seconds]}${fraction}Z`;
}

const monthIndex: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Reads `count` digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9)) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** A numeric zone "+hhmm", "+hh:mm" (or "Z" / "GMT" / "UT" / "UTC") filling the text from `at`, in minutes; else null. */
function zoneAt(text: string, at: number): number | null {
  const rest = text.length - at;
  const sign = text.charCodeAt(at);
  if (sign === 0x2b || sign === 0x2d) {
    const hours = digits(text, at + 1, 2);
    const colon = text.charCodeAt(at + 3) === 0x3a ? 1 : 0;
    const minutes = digits(text, at + 3 + colon, 2);
    if (hours < 0 || minutes < 0 || rest !== 5 + colon) return null;
    return (sign === 0x2d ? -1 : 1) * (hours * 60 + minutes);
  }
  const zone = text.slice(at);
  return zone === "Z" || zone === "GMT" || zone === "UT" || zone === "UTC" ? 0 : null;
}

/** The time in milliseconds, or null when the parts are out of range or the day is not in the month. */
function timeOf(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: number) {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || s > 60) return null;
  return (daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + Math.min(s, 59)) * 1000 + ms - zone * 60_000;
}

/**
 * "Mon, 01 Dec 2025 09:05:00 +0000" (RFC 822 as RSS writes it) or "2025-12-01T09:05:00Z" / "…+01:00" (RFC 3339), read
 * exactly; undefined for any other form, null for one of these forms that is no real time.
 */
export function commonDate(text: string): number | null | undefined {
  if (text.length >= 20 && text.charCodeAt(4) === 0x2d && text.charCodeAt(10) === 0x54) {
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 2);
    const d = digits(text, 8, 2);
    const h = digits(text, 11, 2);
    const mi = digits(text, 14, 2);
    const s = digits(text, 17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || text.charCodeAt(7) !== 0x2d) return undefined;
    if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
    let at = 19;
    let ms = 0;
    if (text.charCodeAt(at) === 0x2e) {
      const start = at + 1;
      at = start;
      while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at += 1;
      if (at === start) return undefined;
      ms = Math.round(Number(`0.${text.slice(start, at)}`) * 1000);
    }
    const zone = zoneAt(text, at);
    return zone === null ? undefined : timeOf(y, mo, d, h, mi, s, ms, zone);
  }
  const comma = text.indexOf(", ");
  if (comma !== 3 || text.length < 26) return undefined;
  const d = digits(text, 5, 2);
  const mo = monthIndex[text.slice(8, 11).toLowerCase()];
  const y = digits(text, 12, 4);
  const h = digits(text, 17, 2);
  const mi = digits(text, 20, 2);
  const s = digits(text, 23, 2);
  const shape = text.charCodeAt(7) === 0x20 && text.charCodeAt(11) === 0x20 && text.charCodeAt(16) === 0x20;
  if (!shape || mo === undefined || d < 0 || y < 0 || h < 0 || mi < 0 || s < 0) return undefined;
  if (text.charCodeAt(19) !== 0x3a || text.charCodeAt(22) !== 0x3a || text.charCodeAt(25) !== 0x20) return undefined;
  const zone = zoneAt(text, 26);
  return zone === null ? undefined : timeOf(y, mo, d, h, mi, s, 0, zone);
}
