import { type Kysely, sql } from "kysely";
import type { Types } from "./index.ts";

/**
 * The lead image's alt text where the image is recorded: `items.image_alt` (the feed's media:description) and
 * `articles.image_alt` (the page's og:image:alt). Rows from before stay null, and their images keep the generic
 * "Picture from <outlet>: <title>". Re-runnable on both dialects, as 010 is.
 */
export async function imageAlt(db: Kysely<unknown>, t: Types): Promise<void> {
  for (const table of ["items", "articles"] as const) {
    if (t.blob === "bytea") {
      await sql`alter table ${sql.table(table)} add column if not exists image_alt text`.execute(db);
    } else {
      const present = (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows;
      if (!present.some((r) => r.name === "image_alt")) {
        await db.schema.alterTable(table).addColumn("image_alt", "text").execute();
      }
    }
  }
}
