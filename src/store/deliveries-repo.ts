import { sql, type Transaction } from "kysely";
import { DaybriefError } from "../errors.ts";
import type { DeliveryCounts, DeliveryState, UncertainPolicy } from "../model/delivery.ts";
import type { Db } from "./db.ts";
import { settleSqlite } from "./deliveries-sqlite.ts";
import { claimedRow, skipReason } from "./delivery-skip.ts";
import type { Database } from "./schema.ts";
import { chunks } from "./suppressions-repo.ts";

/** An outcome to record, as the send engine reports it (src/deliver/ledger.ts). */
export type LedgerOutcome =
  | { subscriberId: string; kind: "sent" }
  | { subscriberId: string; kind: "failed"; code: string; reason: string }
  | { subscriberId: string; kind: "retry"; reason: string; retryAt: string }
  | { subscriberId: string; kind: "uncertain"; reason: string; retryAt: string }
  | { subscriberId: string; kind: "unsent"; reason: string };

export type ClaimedRow = {
  subscriberId: string;
  email: string;
  name: string | null;
  attempts: number;
  tracking: number | null;
};

export type SettleOptions = {
  issueId: string;
  edition: string;
  holder: string;
  leaseMs: number;
  policy: UncertainPolicy;
  /** Domain of the Message-IDs: `<issue.subscriber@domain>`. */
  messageIdDomain: string;
  now: string;
};

export type SettleResult = { claimed: ClaimedRow[]; skipped: number; held: boolean };

export type StartResult = { status: "started" | "resumed" | "finished"; queued: number };

/** The sending ledger: one row per (issue, subscriber), moved through its states in transactions. */
export class DeliveriesRepo {
  readonly #db: Db;
  readonly #compiled: boolean;

  /** `compiledOnly` makes SQLite take the Kysely path too: the reference its fast path is tested against. */
  constructor(db: Db, options: { compiledOnly?: boolean } = {}) {
    this.#db = db;
    this.#compiled = options.compiledOnly ?? false;
  }

  /**
   * Starts or resumes the send of an approved issue. The first start queues every confirmed, unsuppressed
   * subscriber of the edition and marks the issue sending, in one transaction; later starts queue nobody new.
   */
  async start(issueId: string, edition: string, now: string): Promise<StartResult> {
    return this.#db.kysely.transaction().execute(async (trx) => {
      const issue = await trx.selectFrom("issues").select("status").where("id", "=", issueId).executeTakeFirst();
      if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${issueId}".`);
      if (issue.status === "draft") throw new DaybriefError("E_ISSUE_NOT_APPROVED", `Issue ${issueId} is a draft.`);
      if (issue.status === "approved") {
        await trx
          .insertInto("deliveries")
          .columns([
            "issue_id",
            "subscriber_id",
            "state",
            "attempts",
            "uncertain",
            "next_attempt_at",
            "created_at",
            "updated_at",
          ])
          .expression((eb) =>
            eb
              .selectFrom("subscribers as s")
              .select([
                sql<string>`${issueId}`.as("issue_id"),
                "s.id",
                sql<string>`'queued'`.as("state"),
                sql<number>`0`.as("attempts"),
                sql<number>`0`.as("uncertain"),
                sql<string>`${now}`.as("next_attempt_at"),
                sql<string>`${now}`.as("created_at"),
                sql<string>`${now}`.as("updated_at"),
              ])
              .where("s.status", "=", "confirmed")
              .where("s.editions", "like", `%${JSON.stringify(edition)}%`)
              .where(({ not, exists, selectFrom }) =>
                not(
                  exists(
                    selectFrom("suppressions as p")
                      .select("p.email")
                      .whereRef("p.email", "=", "s.email")
                      .where("p.edition", "in", ["*", edition]),
                  ),
                ),
              ),
          )
          .onConflict((oc) => oc.columns(["issue_id", "subscriber_id"]).doNothing())
          .execute();
        // Only if it is still approved: an unapprove that committed meanwhile wins, and nothing is queued.
        const marked = await trx
          .updateTable("issues")
          .set({ status: "sending", updated_at: now })
          .where("id", "=", issueId)
          .where("status", "=", "approved")
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) !== 1) {
          throw new DaybriefError("E_ISSUE_NOT_APPROVED", `Issue ${issueId} was unapproved while the send started.`);
        }
      }
      const queued = await countIn(trx, issueId, ["queued", "sending"]);
      const status = issue.status === "approved" ? "started" : queued > 0 ? "resumed" : "finished";
      return { status, queued };
    });
  }

  /**
   * Rows left `sending` by a process that died: their fate is unknown. With `resend` they are queued again, with
   * `skip` they stay `uncertain`; either way their uncertain count goes up. Returns how many there were.
   */
  async recover(issueId: string, policy: UncertainPolicy, now: string): Promise<number> {
    const result = await this.#db.kysely
      .updateTable("deliveries")
      .set((eb) => ({
        state: policy === "resend" ? "queued" : "uncertain",
        uncertain: eb("uncertain", "+", 1),
        next_attempt_at: now,
        error_code: "E_SEND_INTERRUPTED",
        error: "in flight when an earlier send stopped; the server may have accepted it",
        updated_at: now,
      }))
      .where("issue_id", "=", issueId)
      .where("state", "=", "sending")
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Records outcomes and claims up to `claim` due recipients in one transaction, which begins by extending the
   * lease: a process that lost it writes nothing. Queued rows whose reader left, changed editions or was
   * suppressed are marked skipped instead of claimed.
   */
  async settle(outcomes: LedgerOutcome[], claim: number, options: SettleOptions): Promise<SettleResult> {
    const sqlite = this.#db.sqlite;
    if (sqlite && !this.#compiled) {
      // One synchronous transaction over cached statements, while holding Kysely's only connection.
      return this.#db.kysely.connection().execute(async () => settleSqlite(sqlite, outcomes, claim, options));
    }
    return this.#db.kysely.transaction().execute(async (trx) => {
      const expires = new Date(Date.parse(options.now) + options.leaseMs).toISOString();
      const lease = await trx
        .updateTable("send_leases")
        .set({ expires_at: expires })
        .where("issue_id", "=", options.issueId)
        .where("holder", "=", options.holder)
        .executeTakeFirst();
      if (Number(lease.numUpdatedRows) !== 1) return { claimed: [], skipped: 0, held: false };
      await record(trx, outcomes, options);
      return claimRows(trx, claim, options);
    });
  }

  /** When the next queued row is due, or null when none is queued. */
  async nextDue(issueId: string): Promise<string | null> {
    const row = await this.#db.kysely
      .selectFrom("deliveries")
      .select((eb) => eb.fn.min("next_attempt_at").as("due"))
      .where("issue_id", "=", issueId)
      .where("state", "=", "queued")
      .executeTakeFirst();
    return (row?.due as string | null | undefined) ?? null;
  }

  /** Marks the issue sent when nothing is queued or in flight any more; returns whether it did. */
  async finish(issueId: string, now: string): Promise<boolean> {
    return this.#db.kysely.transaction().execute(async (trx) => {
      if ((await countIn(trx, issueId, ["queued", "sending"])) > 0) return false;
      await trx.updateTable("issues").set({ status: "sent", updated_at: now }).where("id", "=", issueId).execute();
      return true;
    });
  }

  async counts(issueId: string): Promise<DeliveryCounts> {
    const rows = await this.#db.kysely
      .selectFrom("deliveries")
      .select([
        "state",
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.fn.sum<number>(eb.case().when("uncertain", ">", 0).then(1).else(0).end()).as("u"),
      ])
      .where("issue_id", "=", issueId)
      .groupBy("state")
      .execute();
    const counts: DeliveryCounts = {
      queued: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      uncertain: 0,
      skipped: 0,
      total: 0,
      everUncertain: 0,
    };
    for (const row of rows) {
      counts[row.state as DeliveryState] = Number(row.n);
      counts.total += Number(row.n);
      counts.everUncertain += Number(row.u ?? 0);
    }
    return counts;
  }

  /** Rows of an issue in the given states, with the address when the subscriber still exists. */
  async rows(issueId: string, states: DeliveryState[], limit = 10_000) {
    const rows = await this.#db.kysely
      .selectFrom("deliveries as d")
      .leftJoin("subscribers as s", "s.id", "d.subscriber_id")
      .select([
        "d.subscriber_id",
        "s.email",
        "d.state",
        "d.attempts",
        "d.uncertain",
        "d.error_code",
        "d.error",
        "d.message_id",
        "d.sent_at",
        "d.updated_at",
        "d.next_attempt_at",
      ])
      .where("d.issue_id", "=", issueId)
      .where("d.state", "in", states)
      .orderBy("s.email")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      issueId,
      subscriberId: r.subscriber_id,
      email: r.email ?? null,
      state: r.state as DeliveryState,
      attempts: Number(r.attempts),
      uncertain: Number(r.uncertain),
      nextAttemptAt: r.next_attempt_at,
      errorCode: r.error_code,
      error: r.error,
      messageId: r.message_id,
      updatedAt: r.updated_at,
      sentAt: r.sent_at,
    }));
  }

  /** Messages accepted since `since` over every issue: what the hourly rate limit has already spent. */
  async sentSince(since: string): Promise<number> {
    const row = await this.#db.kysely
      .selectFrom("deliveries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("sent_at", ">=", since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Whether any delivery row exists for the issue (sending has begun). */
  async hasAny(issueId: string): Promise<boolean> {
    const row = await this.#db.kysely
      .selectFrom("deliveries")
      .select("subscriber_id")
      .where("issue_id", "=", issueId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}

async function countIn(trx: Transaction<Database>, issueId: string, states: string[]): Promise<number> {
  const row = await trx
    .selectFrom("deliveries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("issue_id", "=", issueId)
    .where("state", "in", states)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function record(trx: Transaction<Database>, outcomes: LedgerOutcome[], o: SettleOptions): Promise<void> {
  const sent = outcomes.filter((x) => x.kind === "sent").map((x) => x.subscriberId);
  const unsent = outcomes.filter((x) => x.kind === "unsent").map((x) => x.subscriberId);
  for (const part of chunks(sent, 500)) {
    await trx
      .updateTable("deliveries")
      .set((eb) => ({
        state: "sent",
        attempts: eb("attempts", "+", 1),
        sent_at: o.now,
        updated_at: o.now,
        message_id: sql<string>`issue_id || '.' || subscriber_id || ${`@${o.messageIdDomain}`}`,
        next_attempt_at: null,
      }))
      .where("issue_id", "=", o.issueId)
      .where("subscriber_id", "in", part)
      .execute();
  }
  for (const part of chunks(unsent, 500)) {
    await trx
      .updateTable("deliveries")
      .set({ state: "queued", next_attempt_at: o.now, updated_at: o.now })
      .where("issue_id", "=", o.issueId)
      .where("subscriber_id", "in", part)
      .execute();
  }
  for (const x of outcomes) {
    if (x.kind === "sent" || x.kind === "unsent") continue;
    const base = trx
      .updateTable("deliveries")
      .where("issue_id", "=", o.issueId)
      .where("subscriber_id", "=", x.subscriberId);
    if (x.kind === "failed") {
      await base
        .set((eb) => ({
          state: "failed",
          attempts: eb("attempts", "+", 1),
          error_code: x.code,
          error: x.reason,
          updated_at: o.now,
        }))
        .execute();
    } else if (x.kind === "retry") {
      await base
        .set((eb) => ({
          state: "queued",
          attempts: eb("attempts", "+", 1),
          next_attempt_at: x.retryAt,
          error_code: "E_SMTP_TEMPORARY",
          error: x.reason,
          updated_at: o.now,
        }))
        .execute();
    } else {
      await base
        .set((eb) => ({
          state: o.policy === "resend" ? "queued" : "uncertain",
          attempts: eb("attempts", "+", 1),
          uncertain: eb("uncertain", "+", 1),
          next_attempt_at: x.retryAt,
          error_code: "E_SEND_INTERRUPTED",
          error: x.reason,
          updated_at: o.now,
        }))
        .execute();
    }
  }
}

async function claimRows(trx: Transaction<Database>, claim: number, o: SettleOptions): Promise<SettleResult> {
  const claimed: ClaimedRow[] = [];
  let skipped = 0;
  while (claimed.length < claim) {
    const want = claim - claimed.length;
    const rows = await trx
      .selectFrom("deliveries as d")
      .leftJoin("subscribers as s", "s.id", "d.subscriber_id")
      .select(["d.subscriber_id", "d.attempts", "s.email", "s.name", "s.status", "s.editions", "s.tracking"])
      .select((eb) =>
        eb
          .selectFrom("suppressions as p")
          .select("p.reason")
          .whereRef("p.email", "=", "s.email")
          .where("p.edition", "in", ["*", o.edition])
          .limit(1)
          .as("suppressed"),
      )
      .where("d.issue_id", "=", o.issueId)
      .where("d.state", "=", "queued")
      .where("d.next_attempt_at", "<=", o.now)
      .orderBy("d.next_attempt_at")
      .limit(want)
      .execute();
    const take: string[] = [];
    const skip: Array<{ id: string; reason: string }> = [];
    for (const row of rows) {
      const reason = skipReason(row, o.edition);
      if (reason) skip.push({ id: row.subscriber_id, reason });
      else {
        take.push(row.subscriber_id);
        claimed.push(claimedRow(row));
      }
    }
    for (const part of chunks(take, 500)) {
      await trx
        .updateTable("deliveries")
        .set({ state: "sending", updated_at: o.now })
        .where("issue_id", "=", o.issueId)
        .where("subscriber_id", "in", part)
        .execute();
    }
    for (const s of skip) {
      await trx
        .updateTable("deliveries")
        .set({ state: "skipped", error_code: "E_SUBSCRIBER_SUPPRESSED", error: s.reason, updated_at: o.now })
        .where("issue_id", "=", o.issueId)
        .where("subscriber_id", "=", s.id)
        .execute();
    }
    skipped += skip.length;
    if (rows.length < want) break;
  }
  return { claimed, skipped, held: true };
}
