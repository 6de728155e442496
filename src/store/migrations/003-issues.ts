import type { Kysely } from "kysely";
import type { Types } from "./index.ts";

/** Written issues (one per edition and day), and the LLM answer cache so a rebuild does not pay twice. */
export async function issues(db: Kysely<unknown>, _t: Types): Promise<void> {
  await db.schema
    .createTable("issues")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("edition", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("tip_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("approved_at", "text")
    .addUniqueConstraint("issues_edition_date", ["edition", "date"])
    .execute();

  await db.schema
    .createTable("llm_cache")
    .ifNotExists()
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("prompt_tokens", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("completion_tokens", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
