// Date formatting in the styles real feeds and pages use. All inputs are ISO 8601 instants.

export interface Zone {
  /** What is written after the time in RFC 822 dates: "GMT", "+0000", "-0500", "EST", "PST", ... */
  label: string;
  /** Offset from UTC in minutes (EST = -300). */
  offset: number;
}

export const GMT: Zone = { label: "GMT", offset: 0 };
export const UTC0000: Zone = { label: "+0000", offset: 0 };
export const EST: Zone = { label: "EST", offset: -300 };
export const MINUS0500: Zone = { label: "-0500", offset: -300 };
export const PST: Zone = { label: "PST", offset: -480 };
export const MINUS0800: Zone = { label: "-0800", offset: -480 };
export const CET: Zone = { label: "+0100", offset: 60 };

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const p2 = (n: number): string => String(n).padStart(2, "0");

export function instant(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad date: ${iso}`);
  return d;
}

/** Wall-clock fields of an instant shifted into a zone (read with getUTC*). */
function shifted(iso: string, offset: number): Date {
  return new Date(instant(iso).getTime() + offset * 60_000);
}

function offsetString(offset: number, colon: boolean): string {
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  return `${sign}${p2(Math.floor(a / 60))}${colon ? ":" : ""}${p2(a % 60)}`;
}

export interface Rfc822Options {
  seconds?: boolean;
  padDay?: boolean;
}

/** "Mon, 01 Dec 2025 14:05:00 GMT"; with {seconds:false, padDay:false}: "Mon, 1 Dec 2025 14:05 GMT". */
export function rfc822(iso: string, zone: Zone, opts: Rfc822Options = {}): string {
  const d = shifted(iso, zone.offset);
  const day = opts.padDay === false ? String(d.getUTCDate()) : p2(d.getUTCDate());
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}${opts.seconds === false ? "" : `:${p2(d.getUTCSeconds())}`}`;
  return `${DAYS[d.getUTCDay()]}, ${day} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${zone.label}`;
}

/** RFC 3339 in a zone: "2025-12-01T09:05:00-05:00"; offset 0 gives "Z" unless zulu=false ("+00:00"). */
export function rfc3339(iso: string, offset = 0, opts: { zulu?: boolean; seconds?: boolean } = {}): string {
  const d = shifted(iso, offset);
  const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}${opts.seconds === false ? "" : `:${p2(d.getUTCSeconds())}`}`;
  const tz = offset === 0 && opts.zulu !== false ? "Z" : offsetString(offset, true);
  return `${date}T${time}${tz}`;
}

/** Date parts in a zone, for URL paths and visible datelines. */
export function parts(iso: string, offset = 0): { y: string; m: string; d: string; day: number; month: number } {
  const d = shifted(iso, offset);
  return {
    y: String(d.getUTCFullYear()),
    m: p2(d.getUTCMonth() + 1),
    d: p2(d.getUTCDate()),
    day: d.getUTCDate(),
    month: d.getUTCMonth(),
  };
}

/** "December 1, 2025" */
export function longDate(iso: string, offset = 0): string {
  const d = shifted(iso, offset);
  return `${LONG_MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** "1 December 2025" */
export function britishDate(iso: string, offset = 0): string {
  const d = shifted(iso, offset);
  return `${d.getUTCDate()} ${LONG_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "Dec. 1, 2025" (AP style, used in press-release datelines) */
export function apDate(iso: string, offset = 0): string {
  const d = shifted(iso, offset);
  const m = LONG_MONTHS[d.getUTCMonth()] ?? "";
  const short = m.length <= 5 ? m : `${m.slice(0, 3)}.`;
  return `${short} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** "2:05 PM" */
export function clock12(iso: string, offset = 0): string {
  const d = shifted(iso, offset);
  const h = d.getUTCHours();
  return `${h % 12 === 0 ? 12 : h % 12}:${p2(d.getUTCMinutes())} ${h < 12 ? "AM" : "PM"}`;
}

/** "14:05" */
export function clock24(iso: string, offset = 0): string {
  const d = shifted(iso, offset);
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/** "Mon 1 Dec 2025" */
export function shortDay(iso: string, offset = 0): string {
  const d = shifted(iso, offset);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Add minutes to an ISO instant. */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(instant(iso).getTime() + minutes * 60_000).toISOString().replace(".000Z", "Z");
}

export function compareIso(a: string, b: string): number {
  return instant(a).getTime() - instant(b).getTime();
}
