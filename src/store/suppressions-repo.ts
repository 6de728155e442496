import type { Kysely, Transaction } from "kysely";
import type { Suppression, SuppressionReason } from "../model/subscriber.ts";
import type { Db } from "./db.ts";
import type { Database } from "./schema.ts";

/** Splits a list for IN (…) clauses that stay well under every driver's parameter limit. */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Adds (address, edition) to the suppression list inside a transaction; an existing entry keeps its reason. */
export async function suppressIn(
  trx: Kysely<Database> | Transaction<Database>,
  email: string,
  edition: string,
  reason: SuppressionReason,
  now: string,
): Promise<void> {
  await trx
    .insertInto("suppressions")
    .values({ email, edition, reason, created_at: now })
    .onConflict((oc) => oc.columns(["email", "edition"]).doNothing())
    .execute();
}

export type BounceRecord = {
  email: string;
  kind: "hard" | "soft" | "complaint";
  source: "smtp" | "webhook";
  detail: string | null;
  issueId: string | null;
};

/**
 * The suppression list — addresses (per edition, or "*" for all) that must not be mailed — and the bounce and
 * complaint events that feed it.
 */
export class SuppressionsRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async suppress(email: string, edition: string, reason: SuppressionReason, now: string): Promise<void> {
    await suppressIn(this.#db.kysely, email, edition, reason, now);
  }

  /** Lifts every suppression of an address: only the reader's own confirmed sign-up does this. */
  async lift(email: string): Promise<void> {
    await this.#db.kysely.deleteFrom("suppressions").where("email", "=", email).execute();
  }

  /** The reason an address may not receive an edition, or null. */
  async reasonFor(email: string, edition: string): Promise<SuppressionReason | null> {
    const row = await this.#db.kysely
      .selectFrom("suppressions")
      .select("reason")
      .where("email", "=", email)
      .where("edition", "in", ["*", edition])
      .executeTakeFirst();
    return (row?.reason as SuppressionReason | undefined) ?? null;
  }

  async list(): Promise<Suppression[]> {
    const rows = await this.#db.kysely.selectFrom("suppressions").selectAll().orderBy("email").execute();
    return rows.map((r) => ({
      email: r.email,
      edition: r.edition,
      reason: r.reason as SuppressionReason,
      createdAt: r.created_at,
    }));
  }

  /**
   * Records a bounce or complaint. A complaint suppresses the address at once; hard bounces do when they reach
   * `threshold`. Returns whether the address is now suppressed because of it.
   */
  async record(event: BounceRecord, threshold: number, now: string): Promise<boolean> {
    return this.#db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto("bounce_events")
        .values({
          email: event.email,
          kind: event.kind,
          source: event.source,
          issue_id: event.issueId,
          detail: event.detail?.slice(0, 2000) ?? null,
          created_at: now,
        })
        .execute();
      if (event.kind === "soft") return false;
      if (event.kind === "complaint") {
        await trx
          .updateTable("subscribers")
          .set({ status: "complained", updated_at: now, unsubscribed_at: now })
          .where("email", "=", event.email)
          .execute();
        await suppressIn(trx, event.email, "*", "complained", now);
        return true;
      }
      await trx
        .updateTable("subscribers")
        .set((eb) => ({ bounce_count: eb("bounce_count", "+", 1), updated_at: now }))
        .where("email", "=", event.email)
        .execute();
      // A subscriber's own count (reset when they sign up again); for an address with no row, every hard bounce.
      const row = await trx
        .selectFrom("subscribers")
        .select("bounce_count")
        .where("email", "=", event.email)
        .executeTakeFirst();
      const hard = row
        ? Number(row.bounce_count)
        : Number(
            (
              await trx
                .selectFrom("bounce_events")
                .select((eb) => eb.fn.countAll<number>().as("n"))
                .where("email", "=", event.email)
                .where("kind", "=", "hard")
                .executeTakeFirstOrThrow()
            ).n,
          );
      if (hard < threshold) return false;
      await trx
        .updateTable("subscribers")
        .set({ status: "bounced", updated_at: now })
        .where("email", "=", event.email)
        .where("status", "in", ["pending", "confirmed"])
        .execute();
      await suppressIn(trx, event.email, "*", "bounced", now);
      return true;
    });
  }
}
