import { sql } from "kysely";
import type { Db } from "./db.ts";

export type DayCount = { key: string; day: string; n: number };

const itemDay = sql<string>`substr(coalesce(items.published_at, items.first_seen_at), 1, 10)`;

/** Counts the desk draws as charts: per source, subscriber, entity and topic, by UTC day. */
export class DeskStatsRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Items per source and day (the day an item was published, else first seen), from `since` (YYYY-MM-DD) on. */
  async itemsPerDay(since: string, until: string): Promise<DayCount[]> {
    const rows = await this.#db.kysely
      .selectFrom("items")
      .select(["items.source_id as key", itemDay.as("day"), (eb) => eb.fn.countAll<number>().as("n")])
      .where(itemDay, ">=", since)
      .where(itemDay, "<=", until)
      .groupBy(["items.source_id", itemDay])
      .execute();
    return rows.map((r) => ({ key: r.key, day: r.day, n: Number(r.n) }));
  }

  /** Failed fetches per source and day. */
  async fetchErrorsPerDay(since: string, until: string): Promise<DayCount[]> {
    const day = sql<string>`substr(started_at, 1, 10)`;
    const rows = await this.#db.kysely
      .selectFrom("fetch_log")
      .select(["source_id as key", day.as("day"), (eb) => eb.fn.countAll<number>().as("n")])
      .where("outcome", "=", "error")
      .where(day, ">=", since)
      .where(day, "<=", until)
      .groupBy(["source_id", day])
      .execute();
    return rows.map((r) => ({ key: r.key, day: r.day, n: Number(r.n) }));
  }

  /** Every subscriber's status, editions and milestones (for counts over time). */
  async subscriberHistory() {
    return this.#db.kysely
      .selectFrom("subscribers")
      .select(["status", "editions", "created_at", "confirmed_at", "unsubscribed_at", "updated_at"])
      .execute();
  }

  /** Items of the period with their analysis: entities and per-company sentiment (JSON), and their source weight. */
  async analysedItems(since: string, until: string) {
    return this.#db.kysely
      .selectFrom("items")
      .innerJoin("item_analysis", "item_analysis.item_id", "items.id")
      .innerJoin("sources", "sources.id", "items.source_id")
      .select([
        "items.id as id",
        itemDay.as("day"),
        sql<string>`coalesce(items.published_at, items.first_seen_at)`.as("at"),
        "item_analysis.entities as entities",
        "item_analysis.entity_sentiments as entitySentiments",
        "sources.weight as weight",
      ])
      .where(itemDay, ">=", since)
      .where(itemDay, "<=", until)
      .execute();
  }

  /** Items per story topic and day. */
  async topicItemsPerDay(since: string, until: string): Promise<DayCount[]> {
    const rows = await this.#db.kysely
      .selectFrom("story_items")
      .innerJoin("stories", "stories.id", "story_items.story_id")
      .innerJoin("items", "items.id", "story_items.item_id")
      .select([
        sql<string>`coalesce(stories.topic, 'other')`.as("key"),
        itemDay.as("day"),
        (eb) => eb.fn.countAll<number>().as("n"),
      ])
      .where(itemDay, ">=", since)
      .where(itemDay, "<=", until)
      .groupBy([sql`coalesce(stories.topic, 'other')`, itemDay])
      .execute();
    return rows.map((r) => ({ key: r.key, day: r.day, n: Number(r.n) }));
  }
}

/** The days from `since` to `until`, inclusive (YYYY-MM-DD). */
export function daysBetween(since: string, until: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${since}T00:00:00Z`); t <= Date.parse(`${until}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
