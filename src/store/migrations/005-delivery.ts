import type { Kysely } from "kysely";
import type { Types } from "./index.ts";

/**
 * Subscribers, the suppression list, the sending ledger (one row per issue and subscriber) with a lease per issue,
 * bounce and complaint events, and engagement counts. Every statement is IF NOT EXISTS, so a re-run is harmless.
 */
export async function delivery(db: Kysely<unknown>, t: Types): Promise<void> {
  await db.schema
    .createTable("subscribers")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("editions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("tracking", "integer")
    .addColumn("bounce_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("unsubscribed_at", "text")
    .addColumn("confirm_sent_at", "text")
    .execute();
  await db.schema.createIndex("subscribers_status").ifNotExists().on("subscribers").column("status").execute();

  await db.schema
    .createTable("suppressions")
    .ifNotExists()
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("edition", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("suppressions_pk", ["email", "edition"])
    .execute();

  await db.schema
    .createTable("deliveries")
    .ifNotExists()
    .addColumn("issue_id", "text", (c) => c.notNull())
    .addColumn("subscriber_id", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("uncertain", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text")
    .addColumn("error_code", "text")
    .addColumn("error", "text")
    .addColumn("message_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addPrimaryKeyConstraint("deliveries_pk", ["issue_id", "subscriber_id"])
    .execute();
  await db.schema
    .createIndex("deliveries_issue_state")
    .ifNotExists()
    .on("deliveries")
    .columns(["issue_id", "state", "next_attempt_at"])
    .execute();
  await db.schema.createIndex("deliveries_sent_at").ifNotExists().on("deliveries").column("sent_at").execute();

  await db.schema
    .createTable("send_leases")
    .ifNotExists()
    .addColumn("issue_id", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("pid", "integer", (c) => c.notNull())
    .addColumn("acquired_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("bounce_events")
    .ifNotExists()
    .addColumn("id", t.autoId, (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("issue_id", "text")
    .addColumn("detail", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bounce_events_email").ifNotExists().on("bounce_events").column("email").execute();

  await db.schema
    .createTable("engagement_counts")
    .ifNotExists()
    .addColumn("issue_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("engagement_counts_pk", ["issue_id", "kind", "target"])
    .execute();

  await db.schema
    .createTable("engagement_events")
    .ifNotExists()
    .addColumn("id", t.autoId, (c) => c.primaryKey())
    .addColumn("issue_id", "text", (c) => c.notNull())
    .addColumn("subscriber_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("engagement_events_issue")
    .ifNotExists()
    .on("engagement_events")
    .columns(["issue_id", "kind"])
    .execute();
}
