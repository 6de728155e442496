/**
 * Calendar days in a time zone: which day an instant falls on, and when a day starts and ends. An issue covers a
 * day of the configured `timezone`; every stage that turns days into instants (issue windows, story windows, the
 * days of trends and market moods) uses these, so "today" means the same day everywhere.
 */

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, format);
  }
  return format;
}

/** Whether the name is a time zone this runtime knows ("Europe/Berlin", "UTC"); offsets like "+02:00" are not. */
export function isTimeZone(name: string): boolean {
  if (!name.trim()) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The zone to use: the configured one, else the system's (TZ, /etc/localtime), else UTC. */
export function resolveTimeZone(configured: string | null | undefined): string {
  if (configured) return configured;
  const system = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return system && isTimeZone(system) ? system : "UTC";
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock reading in a zone at an instant. */
export function wallClock(instant: Date | number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    hour: parts.hour as number,
    minute: parts.minute as number,
    second: parts.second as number,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in a zone.
 *
 * @example
 * dayOf("2025-12-03T01:11:00Z", "America/New_York") // "2025-12-02"
 * dayOf("2025-12-03T01:11:00Z", "Asia/Tokyo") // "2025-12-03"
 */
export function dayOf(instant: Date | string | number, zone: string): string {
  const time = typeof instant === "string" ? Date.parse(instant) : instant;
  const clock = wallClock(time, zone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** Today in a zone. */
export function today(zone: string, now: Date = new Date()): string {
  return dayOf(now, zone);
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds (whole seconds). */
function offsetAt(time: number, zone: string): number {
  const c = wallClock(time, zone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - Math.floor(time / 1000) * 1000;
}

function parseDayParts(day: string): [number, number, number] {
  const match = dayPattern.exec(day);
  if (!match) throw new RangeError(`"${day}" is not a YYYY-MM-DD day`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * The first instant of a day in a zone: local midnight, or the first moment after it when the clocks skip
 * midnight (a daylight-saving change at 00:00).
 *
 * @example
 * startOfDay("2025-03-09", "America/New_York").toISOString() // "2025-03-09T05:00:00.000Z"
 */
export function startOfDay(day: string, zone: string): Date {
  const [year, month, date] = parseDayParts(day);
  const midnight = Date.UTC(year, month - 1, date);
  // The zone's offset at local midnight is one of the offsets in force a day either side (changes are weeks apart):
  // of the instants those offsets give, the earliest that already reads as this day is the start.
  const candidates = [midnight - dayMs, midnight, midnight + dayMs].map((probe) => midnight - offsetAt(probe, zone));
  const onTheDay = candidates.filter((t) => dayOf(t, zone) >= day).sort((a, b) => a - b);
  return new Date(onTheDay[0] ?? midnight);
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const [year, month, date] = parseDayParts(day);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The day a number of days before (or, negative, after) a YYYY-MM-DD day. */
export function daysBefore(day: string, days: number): string {
  const [year, month, date] = parseDayParts(day);
  return new Date(Date.UTC(year, month - 1, date - days)).toISOString().slice(0, 10);
}

/**
 * The last millisecond of a day in a zone: what "as of day D" means for issue and story windows.
 *
 * @example
 * endOfDay("2025-12-02", "Asia/Tokyo").toISOString() // "2025-12-02T14:59:59.999Z"
 */
export function endOfDay(day: string, zone: string): Date {
  return new Date(startOfDay(nextDay(day), zone).getTime() - 1);
}

/**
 * An instant as a person reads it in a zone: "2025-12-02 20:11".
 *
 * @example
 * formatInstant("2025-12-03T01:11:00Z", "America/New_York") // "2025-12-02 20:11"
 */
export function formatInstant(instant: Date | string, zone: string): string {
  const time = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) return String(instant);
  const c = wallClock(time, zone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
}
