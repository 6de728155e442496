import type SqliteDatabase from "better-sqlite3";
import type { ClaimedRow, LedgerOutcome, SettleOptions, SettleResult } from "./deliveries-repo.ts";
import { claimedRow, type DueRow, skipReason } from "./delivery-skip.ts";

/**
 * The send's hot transaction on SQLite, over statements prepared once per database. Through Kysely every settle
 * compiled and prepared five to eight queries anew (an `IN (…)` list of a new length is a new statement), and
 * better-sqlite3 runs them synchronously on the event loop: the SMTP connections sat idle meanwhile (bench/README.md,
 * "Delivery"). It writes exactly what the Kysely path in deliveries-repo.ts writes — the PostgreSQL path,
 * and on SQLite the reference that test/store/delivery-ledger-sqlite.test.ts compares it with.
 */
type Statements = ReturnType<typeof prepare>;

const cache = new WeakMap<SqliteDatabase.Database, Statements>();

function prepare(db: SqliteDatabase.Database) {
  const update = (set: string) =>
    db.prepare(`update "deliveries" set ${set} where "issue_id" = @issueId and "subscriber_id" = @subscriberId`);
  return {
    lease: db.prepare(
      `update "send_leases" set "expires_at" = @expires where "issue_id" = @issueId and "holder" = @holder`,
    ),
    sent: update(
      `"state" = 'sent', "attempts" = "attempts" + 1, "sent_at" = @now, "updated_at" = @now,
       "message_id" = "issue_id" || '.' || "subscriber_id" || @domain, "next_attempt_at" = null`,
    ),
    unsent: update(`"state" = 'queued', "next_attempt_at" = @now, "updated_at" = @now`),
    failed: update(
      `"state" = 'failed', "attempts" = "attempts" + 1, "error_code" = @code, "error" = @reason, "updated_at" = @now`,
    ),
    retry: update(
      `"state" = 'queued', "attempts" = "attempts" + 1, "next_attempt_at" = @retryAt,
       "error_code" = 'E_SMTP_TEMPORARY', "error" = @reason, "updated_at" = @now`,
    ),
    uncertain: update(
      `"state" = @state, "attempts" = "attempts" + 1, "uncertain" = "uncertain" + 1, "next_attempt_at" = @retryAt,
       "error_code" = 'E_SEND_INTERRUPTED', "error" = @reason, "updated_at" = @now`,
    ),
    sending: update(`"state" = 'sending', "updated_at" = @now`),
    skipped: update(
      `"state" = 'skipped', "error_code" = 'E_SUBSCRIBER_SUPPRESSED', "error" = @reason, "updated_at" = @now`,
    ),
    due: db.prepare(
      `select "d"."subscriber_id", "d"."attempts", "s"."email", "s"."name", "s"."status", "s"."editions",
         "s"."tracking",
         (select "p"."reason" from "suppressions" as "p"
           where "p"."email" = "s"."email" and "p"."edition" in ('*', @edition) limit 1) as "suppressed"
       from "deliveries" as "d" left join "subscribers" as "s" on "s"."id" = "d"."subscriber_id"
       where "d"."issue_id" = @issueId and "d"."state" = 'queued' and "d"."next_attempt_at" <= @now
       order by "d"."next_attempt_at" limit @limit`,
    ),
  };
}

/**
 * Extends the lease, records the outcomes and claims up to `claim` due recipients, in one synchronous
 * transaction. Call it only while holding Kysely's connection (`kysely.connection().execute`), so that no
 * transaction of Kysely's is open on the same connection meanwhile.
 */
export function settleSqlite(
  db: SqliteDatabase.Database,
  outcomes: LedgerOutcome[],
  claim: number,
  o: SettleOptions,
): SettleResult {
  let s = cache.get(db);
  if (!s) {
    s = prepare(db);
    cache.set(db, s);
  }
  const st = s;
  const key = { issueId: o.issueId, now: o.now };
  return db
    .transaction((): SettleResult => {
      const expires = new Date(Date.parse(o.now) + o.leaseMs).toISOString();
      if (st.lease.run({ expires, issueId: o.issueId, holder: o.holder }).changes !== 1) {
        return { claimed: [], skipped: 0, held: false };
      }
      for (const x of outcomes) {
        const row = { ...key, subscriberId: x.subscriberId };
        if (x.kind === "sent") st.sent.run({ ...row, domain: `@${o.messageIdDomain}` });
        else if (x.kind === "unsent") st.unsent.run(row);
        else if (x.kind === "failed") st.failed.run({ ...row, code: x.code, reason: x.reason });
        else if (x.kind === "retry") st.retry.run({ ...row, retryAt: x.retryAt, reason: x.reason });
        else {
          const state = o.policy === "resend" ? "queued" : "uncertain";
          st.uncertain.run({ ...row, state, retryAt: x.retryAt, reason: x.reason });
        }
      }
      const claimed: ClaimedRow[] = [];
      let skipped = 0;
      while (claimed.length < claim) {
        const want = claim - claimed.length;
        const rows = st.due.all({ ...key, edition: o.edition, limit: want }) as DueRow[];
        for (const row of rows) {
          const reason = skipReason(row, o.edition);
          if (reason) {
            st.skipped.run({ ...key, subscriberId: row.subscriber_id, reason });
            skipped += 1;
          } else {
            st.sending.run({ ...key, subscriberId: row.subscriber_id });
            claimed.push(claimedRow(row));
          }
        }
        if (rows.length < want) break;
      }
      return { claimed, skipped, held: true };
    })
    .immediate();
}
