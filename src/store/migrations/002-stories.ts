import type { Kysely } from "kysely";
import type { Types } from "./index.ts";

/** Item analysis (entities, sentiment), stories with their items, and editors' merge/split decisions. */
export async function stories(db: Kysely<unknown>, t: Types): Promise<void> {
  await db.schema
    .createTable("item_analysis")
    .ifNotExists()
    .addColumn("item_id", "text", (c) => c.primaryKey().references("items.id").onDelete("cascade"))
    .addColumn("analyzed_at", "text", (c) => c.notNull())
    .addColumn("analyzer_version", "integer", (c) => c.notNull())
    .addColumn("entities", "text", (c) => c.notNull())
    .addColumn("sentiment_label", "text", (c) => c.notNull())
    .addColumn("sentiment_score", t.real, (c) => c.notNull())
    .addColumn("entity_sentiments", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("stories")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("topic", "text")
    .addColumn("topic_by_editor", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("first_item_at", "text", (c) => c.notNull())
    .addColumn("last_item_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("blocked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("score", t.real, (c) => c.notNull().defaultTo(0))
    .addColumn("factors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("item_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("outlet_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("stories_last_item_idx").ifNotExists().on("stories").column("last_item_at").execute();

  await db.schema
    .createTable("story_items")
    .ifNotExists()
    .addColumn("item_id", "text", (c) => c.primaryKey().references("items.id").onDelete("cascade"))
    .addColumn("story_id", "text", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("score", t.real, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("story_items_story_idx").ifNotExists().on("story_items").column("story_id").execute();

  await db.schema
    .createTable("story_links")
    .ifNotExists()
    .addColumn("item_a", "text", (c) => c.notNull().references("items.id").onDelete("cascade"))
    .addColumn("item_b", "text", (c) => c.notNull().references("items.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("story_links_pk", ["item_a", "item_b"])
    .execute();
}
