import { type Kysely, sql } from "kysely";
import type { Types } from "./index.ts";

/**
 * When an issue was first published (web page, archive and feeds written): feeds date their entries by it, never by
 * the time the feed was built. The index covers the public site's "has anything changed" query, which every request
 * makes: without it, the query reads every stored issue body. Re-runnable on both dialects, as 008 is.
 */
export async function issuePublished(db: Kysely<unknown>, t: Types): Promise<void> {
  if (t.blob === "bytea") {
    await sql`alter table issues add column if not exists published_at text`.execute(db);
  } else {
    const present = (await sql<{ name: string }>`select name from pragma_table_info('issues')`.execute(db)).rows;
    if (!present.some((r) => r.name === "published_at")) {
      await db.schema.alterTable("issues").addColumn("published_at", "text").execute();
    }
  }
  await db.schema
    .createIndex("issues_public")
    .ifNotExists()
    .on("issues")
    .columns(["status", "published_at", "updated_at"])
    .execute();
}
