import { type Kysely, sql } from "kysely";
import type { Types } from "./index.ts";

const columns = ["subject", "sentiment"] as const;

/**
 * A story's subject (the organisation or person it is about, with its ticker: JSON) and its tone (JSON), kept with
 * the story so `stories --json` and editions read them. Re-runnable on both dialects, as 004 is.
 */
export async function storySubjects(db: Kysely<unknown>, t: Types): Promise<void> {
  const postgres = t.blob === "bytea";
  const present = postgres
    ? new Set<string>()
    : new Set(
        (await sql<{ name: string }>`select name from pragma_table_info('stories')`.execute(db)).rows.map(
          (r) => r.name,
        ),
      );
  for (const column of columns) {
    if (postgres) await sql`alter table stories add column if not exists ${sql.ref(column)} text`.execute(db);
    else if (!present.has(column)) await db.schema.alterTable("stories").addColumn(column, "text").execute();
  }
}
