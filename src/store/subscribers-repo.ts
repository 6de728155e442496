import { randomBytes } from "node:crypto";
import type { ExpressionBuilder, Selectable } from "kysely";
import type {
  ImportAction,
  KnownAddress,
  Subscriber,
  SubscriberOrigin,
  SubscriberStatus,
  SuppressionReason,
} from "../model/subscriber.ts";
import type { Db } from "./db.ts";
import type { Database, SubscribersTable } from "./schema.ts";
import { chunks, suppressIn } from "./suppressions-repo.ts";

export type NewSubscriber = {
  email: string;
  name: string | null;
  status: SubscriberStatus;
  editions: string[];
  origin: SubscriberOrigin;
};

export type SubscriberFilter = { status?: SubscriberStatus; edition?: string; search?: string };

/** A random, unguessable subscriber id. */
export function newSubscriberId(): string {
  return `sub_${randomBytes(10).toString("hex")}`;
}

/** Subscribers: their status, editions and tracking choice. Addresses are stored normalised (lower case). */
export class SubscribersRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async get(id: string): Promise<Subscriber | null> {
    const row = await this.#db.kysely.selectFrom("subscribers").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toSubscriber(row) : null;
  }

  async findByEmail(email: string): Promise<Subscriber | null> {
    const row = await this.#db.kysely
      .selectFrom("subscribers")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirst();
    return row ? toSubscriber(row) : null;
  }

  /** Subscribers by address, optionally of one status or edition, or whose address or name contains `search`. */
  async list(filter: SubscriberFilter = {}): Promise<Subscriber[]> {
    let query = this.#db.kysely.selectFrom("subscribers").selectAll().orderBy("email");
    if (filter.status) query = query.where("status", "=", filter.status);
    if (filter.edition) query = query.where("editions", "like", `%${JSON.stringify(filter.edition)}%`);
    if (filter.search) {
      const like = `%${filter.search.toLowerCase().replace(/[%_\\]/g, "")}%`;
      query = query.where((eb) => eb.or([eb("email", "like", like), eb(eb.fn("lower", ["name"]), "like", like)]));
    }
    return (await query.execute()).map(toSubscriber);
  }

  /** How many subscribers have each status. */
  async countByStatus(): Promise<Record<SubscriberStatus, number>> {
    const rows = await this.#db.kysely
      .selectFrom("subscribers")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const counts = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0, complained: 0 };
    for (const row of rows) counts[row.status as SubscriberStatus] = Number(row.n);
    return counts;
  }

  /** What the store knows of each address: its subscriber row and its suppressions. */
  async known(emails: string[]): Promise<Map<string, KnownAddress>> {
    const known = new Map<string, KnownAddress>();
    for (const email of emails) known.set(email, { subscriber: null, suppressed: new Map() });
    for (const part of chunks(emails, 500)) {
      const rows = await this.#db.kysely.selectFrom("subscribers").selectAll().where("email", "in", part).execute();
      for (const row of rows) {
        const s = toSubscriber(row);
        const entry = known.get(s.email);
        if (entry) entry.subscriber = { id: s.id, name: s.name, status: s.status, editions: s.editions };
      }
      const suppressed = await this.#db.kysely
        .selectFrom("suppressions")
        .select(["email", "edition", "reason"])
        .where("email", "in", part)
        .execute();
      for (const row of suppressed) known.get(row.email)?.suppressed.set(row.edition, row.reason as SuppressionReason);
    }
    return known;
  }

  /** Applies an import plan in one transaction; returns the ids of rows now pending (they need a confirmation). */
  async applyImport(actions: ImportAction[], origin: SubscriberOrigin, now: string): Promise<string[]> {
    const pending: string[] = [];
    await this.#db.kysely.transaction().execute(async (trx) => {
      for (const action of actions) {
        if (action.kind === "add") {
          const id = newSubscriberId();
          await trx
            .insertInto("subscribers")
            .values(newRow(id, { ...action, origin }, now))
            .execute();
          if (action.status === "pending") pending.push(id);
        } else if (action.kind === "update") {
          await trx
            .updateTable("subscribers")
            .set({
              name: action.name,
              status: action.status,
              editions: JSON.stringify(action.editions),
              updated_at: now,
              ...(action.status === "confirmed" ? { confirmed_at: now } : {}),
            })
            .where("id", "=", action.id)
            .execute();
          if (action.status === "pending") pending.push(action.id);
        } else if (action.kind === "suppress") {
          const reason: SuppressionReason =
            action.status === "unsubscribed" ? "unsubscribed" : action.status === "bounced" ? "bounced" : "complained";
          if (action.id) {
            await trx
              .updateTable("subscribers")
              .set({ status: action.status, updated_at: now, unsubscribed_at: now })
              .where("id", "=", action.id)
              .execute();
          } else {
            const row = newRow(newSubscriberId(), { ...action, editions: [], origin }, now);
            await trx
              .insertInto("subscribers")
              .values({ ...row, unsubscribed_at: now })
              .execute();
          }
          await suppressIn(trx, action.email, "*", reason, now);
        }
      }
    });
    return pending;
  }

  /** Adds one subscriber; the caller has checked the address is new and not suppressed. */
  async insert(input: NewSubscriber, now: string): Promise<Subscriber> {
    const id = newSubscriberId();
    await this.#db.kysely
      .insertInto("subscribers")
      .values(newRow(id, input, now))
      .execute();
    return (await this.get(id)) as Subscriber;
  }

  /** Changes a subscriber's status (and, when given, editions). */
  async setStatus(id: string, status: SubscriberStatus, now: string, editions?: string[]): Promise<void> {
    await this.#db.kysely
      .updateTable("subscribers")
      .set({
        status,
        updated_at: now,
        ...(editions ? { editions: JSON.stringify(editions) } : {}),
        ...(status === "confirmed" ? { confirmed_at: now, unsubscribed_at: null } : {}),
        ...(status === "unsubscribed" ? { unsubscribed_at: now } : {}),
      })
      .where("id", "=", id)
      .execute();
  }

  /** Changes the editions a reader receives, and nothing else. */
  async setEditions(id: string, editions: string[], now: string): Promise<void> {
    await this.#db.kysely
      .updateTable("subscribers")
      .set({ editions: JSON.stringify(editions), updated_at: now })
      .where("id", "=", id)
      .execute();
  }

  /** The reader's own choice about per-reader tracking (null: the editor's setting). */
  async setTracking(id: string, tracking: boolean | null, now: string): Promise<void> {
    await this.#db.kysely
      .updateTable("subscribers")
      .set({ tracking: tracking === null ? null : tracking ? 1 : 0, updated_at: now })
      .where("id", "=", id)
      .execute();
  }

  async markConfirmSent(ids: string[], now: string): Promise<void> {
    for (const part of chunks(ids, 500)) {
      await this.#db.kysely.updateTable("subscribers").set({ confirm_sent_at: now }).where("id", "in", part).execute();
    }
  }

  /**
   * An unsubscribed reader who signed up again: pending again for `editions`, waiting for a new confirmation email.
   * False when the row was no longer unsubscribed (another request got there first).
   */
  async reopen(id: string, editions: string[], now: string): Promise<boolean> {
    const result = await this.#db.kysely
      .updateTable("subscribers")
      .set({ status: "pending", editions: JSON.stringify(editions), confirm_sent_at: null, updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "unsubscribed")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Pending subscribers that still need their confirmation email. An address suppressed for any reason but the
   * reader's own unsubscribe (a bounce, a complaint, the editor's removal) is never sent one.
   */
  async awaitingConfirmEmail(): Promise<Subscriber[]> {
    const rows = await this.#db.kysely
      .selectFrom("subscribers")
      .selectAll()
      .where("subscribers.status", "=", "pending")
      .where("subscribers.confirm_sent_at", "is", null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("suppressions")
              .select("suppressions.email")
              .whereRef("suppressions.email", "=", "subscribers.email")
              .where("suppressions.reason", "!=", "unsubscribed"),
          ),
        ),
      )
      .orderBy("subscribers.created_at")
      .execute();
    return rows.map(toSubscriber);
  }

  /**
   * Ends sign-ups never confirmed since before `cutoff` (from their confirmation email, or their last change while
   * it waited): a new reader's row is deleted (it keeps no personal data); a reader who had unsubscribed and signed
   * up again is unsubscribed again, as before. Returns how many.
   */
  async purgeExpiredPending(cutoff: string): Promise<number> {
    const expired = (eb: ExpressionBuilder<Database, "subscribers">) =>
      eb.and([eb("status", "=", "pending"), eb(eb.fn.coalesce("confirm_sent_at", "updated_at"), "<", cutoff)]);
    const deleted = await this.#db.kysely
      .deleteFrom("subscribers")
      .where(expired)
      .where("unsubscribed_at", "is", null)
      .executeTakeFirst();
    const reverted = await this.#db.kysely
      .updateTable("subscribers")
      .set({ status: "unsubscribed" })
      .where(expired)
      .where("unsubscribed_at", "is not", null)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) + Number(reverted.numUpdatedRows);
  }

  /** Deletes a subscriber row (the caller suppresses the address). */
  async delete(id: string): Promise<void> {
    await this.#db.kysely.deleteFrom("subscribers").where("id", "=", id).execute();
  }
}

function newRow(id: string, input: NewSubscriber, now: string): Selectable<SubscribersTable> {
  return {
    id,
    email: input.email,
    name: input.name,
    status: input.status,
    editions: JSON.stringify(input.editions),
    tracking: null,
    bounce_count: 0,
    origin: input.origin,
    created_at: now,
    updated_at: now,
    confirmed_at: input.status === "confirmed" ? now : null,
    unsubscribed_at: null,
    confirm_sent_at: null,
  };
}

export function toSubscriber(row: Selectable<SubscribersTable>): Subscriber {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status as SubscriberStatus,
    editions: JSON.parse(row.editions) as string[],
    tracking: row.tracking === null ? null : row.tracking === 1,
    bounceCount: Number(row.bounce_count),
    origin: row.origin as SubscriberOrigin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
  };
}
