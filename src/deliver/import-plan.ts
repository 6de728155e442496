import type { ImportAction, KnownAddress, SubscriberStatus } from "../model/subscriber.ts";
import type { ImportRow } from "./subscriber-csv.ts";

const leaving = new Set<SubscriberStatus>(["unsubscribed", "bounced", "complained"]);

/**
 * Decides what importing each row does, so that importing the same file twice changes nothing the second time and
 * no import ever undoes an unsubscribe, bounce or complaint. Rows become pending unless `confirmed` (the sender
 * vouches that these readers opted in) — a row marked pending stays pending; a confirmed reader is never demoted.
 * A row without editions keeps the reader's editions, or gets every edition when new.
 *
 * @example
 * const actions = planImport(rows, known, { confirmed: true, allEditions: ["digest", "briefing"] });
 */
export function planImport(
  rows: ImportRow[],
  known: Map<string, KnownAddress>,
  options: { confirmed: boolean; allEditions: readonly string[] },
): ImportAction[] {
  return rows.map((row) => {
    const { subscriber, suppressed } = known.get(row.email) ?? { subscriber: null, suppressed: new Map() };
    const everything = suppressed.get("*");
    if (row.status && leaving.has(row.status)) {
      if (everything && subscriber && leaving.has(subscriber.status)) {
        return { kind: "unchanged", line: row.line, email: row.email };
      }
      return {
        kind: "suppress",
        line: row.line,
        email: row.email,
        id: subscriber?.id ?? null,
        name: row.name ?? subscriber?.name ?? null,
        status: row.status,
      };
    }
    if (everything || (subscriber && leaving.has(subscriber.status))) {
      return { kind: "refused", line: row.line, email: row.email, reason: `suppressed (${everything ?? "left"})` };
    }
    const wanted = row.editions ?? subscriber?.editions ?? [...options.allEditions];
    const editions = wanted.filter((e) => !suppressed.has(e));
    if (!editions.length) {
      return { kind: "refused", line: row.line, email: row.email, reason: "suppressed for every edition it names" };
    }
    const confirm = options.confirmed && row.status !== "pending";
    const name = row.name ?? subscriber?.name ?? null;
    if (!subscriber) {
      const status = confirm ? "confirmed" : "pending";
      return { kind: "add", line: row.line, email: row.email, name, status, editions };
    }
    const status = subscriber.status === "pending" && confirm ? "confirmed" : subscriber.status;
    const same =
      status === subscriber.status &&
      name === subscriber.name &&
      editions.length === subscriber.editions.length &&
      editions.every((e) => subscriber.editions.includes(e));
    if (same) return { kind: "unchanged", line: row.line, email: row.email };
    return { kind: "update", line: row.line, id: subscriber.id, name, status, editions };
  });
}
