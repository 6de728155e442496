import type { Subscriber, SubscriberStatus } from "../model/subscriber.ts";
import { parseCsv, toCsv } from "./csv.ts";
import { normalizeEmail } from "./email-address.ts";

/**
 * The subscriber CSV: a header row naming the columns, then one reader per row.
 *
 *   email,name,editions,status
 *   ada@example.com,Ada Lovelace,digest;briefing,confirmed
 *
 * `email` is required; `name`, `editions` (separated by ; | or spaces; empty means every edition) and `status`
 * are optional. Column names are matched without case, and the usual names other tools export ("Email Address",
 * "First Name" + "Last Name", "lists") are understood. `daybrief subscribers export` writes this format.
 */
export type ImportRow = {
  line: number;
  email: string;
  name: string | null;
  /** Null when the row named no edition: every edition. */
  editions: string[] | null;
  /** What the row says about the reader: null (nothing), confirmed, pending, or a status that suppresses. */
  status: SubscriberStatus | null;
};

export type RejectedRow = { line: number; value: string; reason: string };

export type SubscriberCsv = { rows: ImportRow[]; rejected: RejectedRow[]; fatal: string | null };

const columnNames: Record<string, string[]> = {
  email: ["email", "e-mail", "email address", "email_address", "emailaddress", "mail", "address"],
  name: ["name", "full name", "full_name", "fullname", "display name"],
  first: ["first name", "first_name", "firstname", "given name"],
  last: ["last name", "last_name", "lastname", "surname", "family name"],
  editions: ["editions", "edition", "lists", "list", "newsletters"],
  status: ["status", "state", "subscription status"],
};

/** Status words of this and other tools, mapped to ours. */
const statusWords: Record<string, SubscriberStatus> = {
  confirmed: "confirmed",
  subscribed: "confirmed",
  active: "confirmed",
  pending: "pending",
  unconfirmed: "pending",
  unsubscribed: "unsubscribed",
  bounced: "bounced",
  cleaned: "bounced",
  complained: "complained",
  spam: "complained",
};

function columnIndex(header: string[], key: string): number {
  const names = columnNames[key] ?? [];
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/** Undoes the export's guard against spreadsheet formulas (a leading apostrophe). */
function cell(fields: string[], index: number): string {
  const value = index < 0 ? "" : (fields[index] ?? "").trim();
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/**
 * Reads a subscriber CSV: valid rows normalised, every other row rejected with its line and a reason. Later rows
 * for an address already seen are rejected as duplicates, so the first one wins.
 *
 * @example
 * const { rows, rejected } = readSubscriberCsv(text, ["digest", "briefing"]);
 */
export function readSubscriberCsv(text: string, knownEditions: readonly string[]): SubscriberCsv {
  const parsed = parseCsv(text);
  const [head, ...body] = parsed.records;
  if (!head) return { rows: [], rejected: [], fatal: "the file is empty" };
  const at = Object.fromEntries(Object.keys(columnNames).map((k) => [k, columnIndex(head.fields, k)]));
  if ((at.email ?? -1) < 0) {
    return {
      rows: [],
      rejected: [],
      fatal: `the first row must name the columns, one of them "email" (found: ${head.fields.join(", ")})`,
    };
  }
  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const raw = cell(record.fields, at.email ?? -1);
    const reject = (reason: string) => rejected.push({ line: record.line, value: raw, reason });
    const address = normalizeEmail(raw);
    if (!address.ok) {
      reject(address.reason);
      continue;
    }
    const first = seen.get(address.email);
    if (first !== undefined) {
      reject(`a duplicate of line ${first}`);
      continue;
    }
    const editions = readEditions(cell(record.fields, at.editions ?? -1), knownEditions);
    if (typeof editions === "string") {
      reject(editions);
      continue;
    }
    const word = cell(record.fields, at.status ?? -1).toLowerCase();
    const status = word ? (statusWords[word] ?? null) : null;
    if (word && !status) {
      reject(`unknown status "${word}" (use confirmed, pending, unsubscribed, bounced or complained)`);
      continue;
    }
    seen.set(address.email, record.line);
    const fullName =
      cell(record.fields, at.name ?? -1) ||
      [cell(record.fields, at.first ?? -1), cell(record.fields, at.last ?? -1)].filter(Boolean).join(" ");
    rows.push({ line: record.line, email: address.email, name: fullName || null, editions, status });
  }
  const fatal = parsed.error ? `line ${parsed.error.line}: ${parsed.error.message}` : null;
  return { rows, rejected, fatal };
}

function readEditions(value: string, known: readonly string[]): string[] | null | string {
  const ids = value
    .split(/[;|,\s]+/)
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (!ids.length) return null;
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) return `unknown edition ${unknown.map((u) => `"${u}"`).join(", ")} (known: ${known.join(", ")})`;
  return [...new Set(ids)];
}

/**
 * Subscribers as the CSV `readSubscriberCsv` reads back, with their dates.
 *
 * @example
 * process.stdout.write(writeSubscriberCsv(await subscribers.list()));
 */
export function writeSubscriberCsv(subscribers: Subscriber[]): string {
  return toCsv(
    ["email", "name", "editions", "status", "created_at", "confirmed_at", "unsubscribed_at"],
    subscribers.map((s) => [
      s.email,
      s.name,
      s.editions.join(";"),
      s.status,
      s.createdAt,
      s.confirmedAt,
      s.unsubscribedAt,
    ]),
  );
}
