/** Dates as readers see them, always in UTC: an issue's date is a calendar day, not an instant. */

const longDate = new Intl.DateTimeFormat("en-US", {
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const shortDate = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const monthYear = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** Noon UTC of a YYYY-MM-DD day (or the instant of an ISO timestamp); null when the text is not a date. */
export function parseDay(day: string): Date | null {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T12:00:00Z`) : new Date(day);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Wednesday, December 3, 2025". */
export function formatLongDate(day: string): string {
  const date = parseDay(day);
  return date ? longDate.format(date) : day;
}

/** "Wed, Dec 3". */
export function formatShortDate(day: string): string {
  const date = parseDay(day);
  return date ? shortDate.format(date) : day;
}

/** "Dec 3, 2025". */
export function formatMediumDate(day: string): string {
  const date = parseDay(day);
  return date ? dayMonthYear.format(date) : day;
}

/** "December 2025". */
export function formatMonth(day: string): string {
  const date = parseDay(day);
  return date ? monthYear.format(date) : day.slice(0, 7);
}
