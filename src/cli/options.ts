import { DaybriefError } from "../errors.ts";

/**
 * Parsers for option values: each checks the text the user typed and throws a coded error naming the option and
 * the accepted form, so `--weight abc` is refused instead of quietly becoming a default.
 */
export type OptionParser<T> = (value: string, option: string) => T;

/** A finite number within [min, max]; `integer` refuses fractions. */
export function numberParser(range: { min?: number; max?: number; integer?: boolean } = {}): OptionParser<number> {
  return (value, option) => {
    const text = value.trim();
    const number = text === "" ? Number.NaN : Number(text);
    const form = `${range.integer ? "a whole number" : "a number"}${describeRange(range)}`;
    if (!Number.isFinite(number) || (range.integer && !Number.isInteger(number))) {
      throw new DaybriefError("E_USAGE", `${option} "${value}" is not ${form}.`);
    }
    if ((range.min !== undefined && number < range.min) || (range.max !== undefined && number > range.max)) {
      throw new DaybriefError("E_USAGE", `${option} ${value} is out of range: give ${form}.`);
    }
    return number;
  };
}

function describeRange(range: { min?: number; max?: number }): string {
  if (range.min !== undefined && range.max !== undefined) return ` from ${range.min} to ${range.max}`;
  if (range.min !== undefined) return ` of at least ${range.min}`;
  if (range.max !== undefined) return ` of at most ${range.max}`;
  return "";
}

/**
 * A calendar day as YYYY-MM-DD that exists: "2026-02-30" and "2026-13-01" are refused rather than rolled over.
 *
 * @example
 * parseDay("2025-12-04", "--date") // "2025-12-04"
 */
export function parseDay(value: string, option = "--date"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) throw new DaybriefError("E_USAGE", `${option} "${value}" is not a date: use YYYY-MM-DD.`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new DaybriefError("E_USAGE", `${option} "${value}" is not a day of the calendar: use YYYY-MM-DD.`);
  }
  return match[0];
}

/** One of a fixed list of words. */
export function choiceParser<T extends string>(choices: readonly T[]): OptionParser<T> {
  return (value, option) => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new DaybriefError("E_USAGE", `${option} "${value}" is not one of: ${choices.join(", ")}.`);
  };
}
