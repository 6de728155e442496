import type { Kysely } from "kysely";
import type { Types } from "./index.ts";

/** Sources, items with their history, fetched pages (compressed) and extracted articles, and a fetch log. */
export async function initial(db: Kysely<unknown>, t: Types): Promise<void> {
  await db.schema
    .createTable("sources")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("url", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("weight", t.real, (c) => c.notNull().defaultTo(1))
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("interval_minutes", "integer")
    .addColumn("site_url", "text")
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("last_fetch_at", "text")
    .addColumn("last_success_at", "text")
    .addColumn("last_error_at", "text")
    .addColumn("last_error_code", "text")
    .addColumn("last_error_message", "text")
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("items_seen", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_fetch_at", "text")
    .addColumn("gone", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("items")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("source_id", "text", (c) => c.notNull().references("sources.id").onDelete("cascade"))
    .addColumn("identity_key", "text", (c) => c.notNull().unique())
    .addColumn("identity_kind", "text", (c) => c.notNull())
    .addColumn("guid", "text")
    .addColumn("url", "text")
    .addColumn("canonical_url", "text")
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("summary", "text")
    .addColumn("content_html", "text")
    .addColumn("authors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("categories", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("enclosures", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("image", "text")
    .addColumn("published_at", "text")
    .addColumn("updated_at", "text")
    .addColumn("first_seen_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("article_status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("article_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("article_error", "text")
    .execute();
  for (const column of ["source_id", "canonical_url", "content_hash", "published_at", "article_status"] as const) {
    await db.schema.createIndex(`items_${column}_idx`).ifNotExists().on("items").column(column).execute();
  }
  await db.schema
    .createIndex("items_source_guid_idx")
    .ifNotExists()
    .on("items")
    .columns(["source_id", "guid"])
    .execute();

  await db.schema
    .createTable("item_versions")
    .ifNotExists()
    .addColumn("item_id", "text", (c) => c.notNull().references("items.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("summary", "text")
    .addColumn("content_html", "text")
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("updated_at", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("item_versions_pk", ["item_id", "version"])
    .execute();

  await db.schema
    .createTable("pages")
    .ifNotExists()
    .addColumn("item_id", "text", (c) => c.primaryKey().references("items.id").onDelete("cascade"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("final_url", "text", (c) => c.notNull())
    .addColumn("status", "integer", (c) => c.notNull())
    .addColumn("content_type", "text")
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .addColumn("body", t.blob, (c) => c.notNull())
    .addColumn("byte_length", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("articles")
    .ifNotExists()
    .addColumn("item_id", "text", (c) => c.primaryKey().references("items.id").onDelete("cascade"))
    .addColumn("title", "text")
    .addColumn("byline", "text")
    .addColumn("published_at", "text")
    .addColumn("site_name", "text")
    .addColumn("lang", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("image", "text")
    .addColumn("extracted_at", "text", (c) => c.notNull())
    .addColumn("extractor_version", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("fetch_log")
    .ifNotExists()
    .addColumn("id", t.autoId, (c) => (t.autoId === "integer" ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn("source_id", "text", (c) => c.notNull().references("sources.id").onDelete("cascade"))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("http_status", "integer")
    .addColumn("items_new", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("items_updated", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("error_code", "text")
    .addColumn("error_message", "text")
    .execute();
  await db.schema
    .createIndex("fetch_log_source_idx")
    .ifNotExists()
    .on("fetch_log")
    .columns(["source_id", "started_at"])
    .execute();
}
