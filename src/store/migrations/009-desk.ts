import type { Kysely } from "kysely";
import type { Types } from "./index.ts";

/**
 * The editor's desk: editor accounts, their sessions (only a hash of each session id is stored, with its CSRF
 * token and expiry), reader tips waiting for review, and the send times editors schedule. Every statement is IF NOT
 * EXISTS, so a re-run is harmless.
 */
export async function desk(db: Kysely<unknown>, _t: Types): Promise<void> {
  await db.schema
    .createTable("users")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_login_at", "text")
    .execute();

  await db.schema
    .createTable("sessions")
    .ifNotExists()
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").ifNotExists().on("sessions").column("user_id").execute();

  await db.schema
    .createTable("tips")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("client_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("reviewed_at", "text")
    .addColumn("reviewed_by", "text")
    .addColumn("item_id", "text")
    .execute();
  await db.schema.createIndex("tips_status").ifNotExists().on("tips").columns(["status", "created_at"]).execute();

  await db.schema
    .createTable("scheduled_sends")
    .ifNotExists()
    .addColumn("issue_id", "text", (c) => c.primaryKey())
    .addColumn("send_at", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("scheduled_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .execute();
}
