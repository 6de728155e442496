import type { Kysely } from "kysely";
import type { Types } from "./index.ts";

/**
 * The embeddings cache: one vector per (model, text) key (a SHA-256 of both), as little-endian 32-bit floats, so
 * that a clustering run over items seen before asks the embeddings endpoint for nothing. Re-runnable.
 */
export async function embeddings(db: Kysely<unknown>, t: Types): Promise<void> {
  await db.schema
    .createTable("embeddings")
    .ifNotExists()
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("dimensions", "integer", (c) => c.notNull())
    .addColumn("vector", t.blob, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
