import type { Selectable } from "kysely";
import type { Analysis } from "../model/entity.ts";
import type { RankFactor, Story } from "../model/story.ts";
import type { Db } from "./db.ts";
import type { StoriesTable } from "./schema.ts";

export type StoryUpdate = Pick<
  Story,
  "title" | "topic" | "score" | "factors" | "firstItemAt" | "lastItemAt" | "itemCount" | "outletCount"
> &
  Partial<Pick<Story, "subject" | "sentiment">>;

/** Stories, their items, item analyses, and editors' decisions. */
export class StoriesRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async saveAnalysis(itemId: string, analysis: Analysis, version: number, now: string): Promise<void> {
    const row = {
      item_id: itemId,
      analyzed_at: now,
      analyzer_version: version,
      entities: JSON.stringify(analysis.entities),
      sentiment_label: analysis.sentiment.label,
      sentiment_score: analysis.sentiment.score,
      entity_sentiments: JSON.stringify(analysis.entitySentiments),
    };
    await this.#db.kysely
      .insertInto("item_analysis")
      .values(row)
      .onConflict((oc) => oc.column("item_id").doUpdateSet(row))
      .execute();
  }

  /** Stored analyses of the given items that are at least `version`. */
  async analyses(itemIds: string[], version: number): Promise<Map<string, Analysis>> {
    const out = new Map<string, Analysis>();
    for (let i = 0; i < itemIds.length; i += 500) {
      const rows = await this.#db.kysely
        .selectFrom("item_analysis")
        .selectAll()
        .where("item_id", "in", itemIds.slice(i, i + 500))
        .where("analyzer_version", ">=", version)
        .execute();
      for (const row of rows) {
        out.set(row.item_id, {
          entities: JSON.parse(row.entities),
          sentiment: {
            label: row.sentiment_label as Analysis["sentiment"]["label"],
            score: Number(row.sentiment_score),
          },
          entitySentiments: JSON.parse(row.entity_sentiments),
        });
      }
    }
    return out;
  }

  /** Which story each of these items belongs to. */
  async assignments(itemIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < itemIds.length; i += 500) {
      const rows = await this.#db.kysely
        .selectFrom("story_items")
        .select(["item_id", "story_id"])
        .where("item_id", "in", itemIds.slice(i, i + 500))
        .execute();
      for (const row of rows) out.set(row.item_id, row.story_id);
    }
    return out;
  }

  async create(id: string, title: string, at: string, now: string): Promise<void> {
    await this.#db.kysely
      .insertInto("stories")
      .values({
        id,
        title,
        topic: null,
        topic_by_editor: 0,
        first_item_at: at,
        last_item_at: at,
        created_at: now,
        updated_at: now,
        pinned: 0,
        blocked: 0,
        score: 0,
        factors: "[]",
        item_count: 0,
        outlet_count: 0,
        subject: null,
        sentiment: null,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }

  async addItem(storyId: string, itemId: string, reason: string, score: number, now: string): Promise<void> {
    await this.#db.kysely
      .insertInto("story_items")
      .values({ item_id: itemId, story_id: storyId, added_at: now, reason, score })
      .onConflict((oc) => oc.column("item_id").doUpdateSet({ story_id: storyId, reason, score, added_at: now }))
      .execute();
  }

  async update(id: string, update: StoryUpdate, now: string): Promise<void> {
    await this.#db.kysely
      .updateTable("stories")
      .set({
        title: update.title,
        topic: update.topic,
        score: update.score,
        factors: JSON.stringify(update.factors),
        first_item_at: update.firstItemAt,
        last_item_at: update.lastItemAt,
        item_count: update.itemCount,
        outlet_count: update.outletCount,
        ...(update.subject === undefined ? {} : { subject: update.subject ? JSON.stringify(update.subject) : null }),
        ...(update.sentiment === undefined ? {} : { sentiment: JSON.stringify(update.sentiment) }),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
  }

  async get(id: string): Promise<Story | null> {
    const [story] = await this.list({ ids: [id], includeBlocked: true });
    return story ?? null;
  }

  /** Stories whose latest item is at or after `since`, best first. */
  async list(
    options: { since?: string; until?: string; ids?: string[]; includeBlocked?: boolean; limit?: number } = {},
  ): Promise<Story[]> {
    let query = this.#db.kysely.selectFrom("stories").selectAll();
    if (options.ids) query = query.where("id", "in", options.ids.length ? options.ids : [""]);
    if (options.since) query = query.where("last_item_at", ">=", options.since);
    if (options.until) query = query.where("first_item_at", "<", options.until);
    if (!options.includeBlocked) query = query.where("blocked", "=", 0);
    query = query.orderBy("score", "desc").orderBy("id");
    if (options.limit) query = query.limit(options.limit);
    const rows = await query.execute();
    const items = await this.#itemsOf(rows.map((r) => r.id));
    return rows.map((row) => toStory(row, items.get(row.id) ?? []));
  }

  async #itemsOf(storyIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (let i = 0; i < storyIds.length; i += 500) {
      const rows = await this.#db.kysely
        .selectFrom("story_items")
        .select(["story_id", "item_id"])
        .where("story_id", "in", storyIds.slice(i, i + 500))
        .orderBy("added_at")
        .orderBy("item_id")
        .execute();
      for (const row of rows) out.set(row.story_id, [...(out.get(row.story_id) ?? []), row.item_id]);
    }
    return out;
  }

  async setFlags(id: string, flags: { pinned?: boolean; blocked?: boolean }, now: string): Promise<void> {
    await this.#db.kysely
      .updateTable("stories")
      .set({
        ...(flags.pinned === undefined ? {} : { pinned: flags.pinned ? 1 : 0 }),
        ...(flags.blocked === undefined ? {} : { blocked: flags.blocked ? 1 : 0 }),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
  }

  async setTopic(id: string, topic: string, byEditor: boolean, now: string): Promise<void> {
    await this.#db.kysely
      .updateTable("stories")
      .set({ topic, topic_by_editor: byEditor ? 1 : 0, updated_at: now })
      .where("id", "=", id)
      .execute();
  }

  /** Moves every item of `fromId` into `intoId` and records that they belong together, so later runs keep it. */
  async merge(intoId: string, fromId: string, now: string): Promise<void> {
    await this.#db.kysely.transaction().execute(async (trx) => {
      const into = await trx
        .selectFrom("story_items")
        .select("item_id")
        .where("story_id", "=", intoId)
        .orderBy("added_at")
        .executeTakeFirst();
      const moved = await trx.selectFrom("story_items").select("item_id").where("story_id", "=", fromId).execute();
      await trx
        .updateTable("story_items")
        .set({ story_id: intoId, reason: "editor" })
        .where("story_id", "=", fromId)
        .execute();
      if (into) {
        for (const { item_id } of moved) {
          await trx
            .insertInto("story_links")
            .values({ item_a: into.item_id, item_b: item_id, kind: "must", created_at: now })
            .onConflict((oc) => oc.columns(["item_a", "item_b"]).doUpdateSet({ kind: "must" }))
            .execute();
        }
      }
      await trx.deleteFrom("stories").where("id", "=", fromId).execute();
    });
  }

  /** Moves the given items out into a new story and records that they must stay apart from the rest. */
  async split(storyId: string, itemIds: string[], newId: string, title: string, now: string): Promise<void> {
    await this.#db.kysely.transaction().execute(async (trx) => {
      const story = await trx.selectFrom("stories").selectAll().where("id", "=", storyId).executeTakeFirstOrThrow();
      await trx
        .insertInto("stories")
        .values({
          ...story,
          id: newId,
          title,
          pinned: 0,
          blocked: 0,
          topic_by_editor: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .updateTable("story_items")
        .set({ story_id: newId, reason: "editor" })
        .where("story_id", "=", storyId)
        .where("item_id", "in", itemIds)
        .execute();
      const rest = await trx.selectFrom("story_items").select("item_id").where("story_id", "=", storyId).execute();
      for (const a of itemIds) {
        for (const { item_id: b } of rest) {
          await trx
            .deleteFrom("story_links")
            .where((eb) =>
              eb.or([
                eb.and([eb("item_a", "=", a), eb("item_b", "=", b)]),
                eb.and([eb("item_a", "=", b), eb("item_b", "=", a)]),
              ]),
            )
            .execute();
          await trx
            .insertInto("story_links")
            .values({ item_a: a, item_b: b, kind: "cannot", created_at: now })
            .execute();
        }
      }
    });
  }

  async links(): Promise<{ must: Array<[string, string]>; cannot: Array<[string, string]> }> {
    const rows = await this.#db.kysely.selectFrom("story_links").selectAll().execute();
    return {
      must: rows.filter((r) => r.kind === "must").map((r) => [r.item_a, r.item_b]),
      cannot: rows.filter((r) => r.kind === "cannot").map((r) => [r.item_a, r.item_b]),
    };
  }
}

function toStory(row: Selectable<StoriesTable>, itemIds: string[]): Story {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic,
    topicByEditor: row.topic_by_editor === 1,
    firstItemAt: row.first_item_at,
    lastItemAt: row.last_item_at,
    pinned: row.pinned === 1,
    blocked: row.blocked === 1,
    score: Number(row.score),
    factors: JSON.parse(row.factors) as RankFactor[],
    itemIds,
    itemCount: Number(row.item_count),
    outletCount: Number(row.outlet_count),
    subject: row.subject ? (JSON.parse(row.subject) as Story["subject"]) : null,
    sentiment: row.sentiment ? (JSON.parse(row.sentiment) as Story["sentiment"]) : null,
  };
}
