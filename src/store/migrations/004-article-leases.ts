import { type Kysely, sql } from "kysely";
import type { Types } from "./index.ts";

const columns = ["article_lease_owner", "article_lease_until"] as const;

/**
 * Leases on pending articles: a run claims the pages it will fetch (owner and expiry) so that a concurrent run
 * leaves them alone, and a killed run's claims lapse. Re-runnable on both dialects: PostgreSQL adds a column only
 * if it is missing; SQLite, which has no such clause, is asked which columns the table has.
 */
export async function articleLeases(db: Kysely<unknown>, t: Types): Promise<void> {
  const postgres = t.blob === "bytea";
  const present = postgres
    ? new Set<string>()
    : new Set(
        (await sql<{ name: string }>`select name from pragma_table_info('items')`.execute(db)).rows.map((r) => r.name),
      );
  for (const column of columns) {
    if (postgres) await sql`alter table items add column if not exists ${sql.ref(column)} text`.execute(db);
    else if (!present.has(column)) await db.schema.alterTable("items").addColumn(column, "text").execute();
  }
  await db.schema
    .createIndex("items_article_status_idx")
    .ifNotExists()
    .on("items")
    .columns(["article_status", "article_lease_until"])
    .execute();
}
