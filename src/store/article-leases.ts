import type { Db } from "./db.ts";
import { retryDeadlocks } from "./retry.ts";

/** An item whose page a run has claimed. */
export type ClaimedArticle = { id: string; sourceId: string; url: string };

/**
 * Claims on pending articles, so that concurrent runs never fetch the same page twice and a killed run's claims
 * lapse. A claim is two columns on the item (owner, expiry); claiming is one UPDATE … RETURNING, atomic on both
 * dialects: on PostgreSQL a second run blocked on a row sees the first run's lease when it gets the row and skips it.
 */
export class ArticleLeases {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Claims every article still to fetch (pending, or failed fewer than `maxAttempts` times) of an enabled source
   * whose lease is free or lapsed, for `owner` until `until`. Oldest first.
   */
  async claim(options: {
    owner: string;
    now: string;
    until: string;
    maxAttempts: number;
    sourceId?: string;
  }): Promise<ClaimedArticle[]> {
    const { now } = options;
    let pick = this.#db.kysely
      .selectFrom("items")
      .innerJoin("sources", "sources.id", "items.source_id")
      .select("items.id")
      .where("sources.enabled", "=", 1)
      .where("items.url", "is not", null)
      .where((eb) =>
        eb.or([
          eb("items.article_status", "=", "pending"),
          eb.and([eb("items.article_status", "=", "failed"), eb("items.article_attempts", "<", options.maxAttempts)]),
        ]),
      )
      .where((eb) => eb.or([eb("items.article_lease_until", "is", null), eb("items.article_lease_until", "<=", now)]));
    if (options.sourceId) pick = pick.where("items.source_id", "=", options.sourceId);
    const rows = await retryDeadlocks(this.#db, () =>
      this.#db.kysely
        .updateTable("items")
        .set({ article_lease_owner: options.owner, article_lease_until: options.until })
        .where("id", "in", pick)
        .where((eb) => eb.or([eb("article_lease_until", "is", null), eb("article_lease_until", "<=", now)]))
        .returning(["id", "source_id", "url", "first_seen_at"])
        .execute(),
    );
    rows.sort((a, b) => a.first_seen_at.localeCompare(b.first_seen_at) || a.id.localeCompare(b.id));
    return rows.map((r) => ({ id: r.id, sourceId: r.source_id, url: r.url as string }));
  }

  /** Extends every claim `owner` still holds, while its run is alive and working. */
  async renew(owner: string, until: string): Promise<void> {
    await this.#db.kysely
      .updateTable("items")
      .set({ article_lease_until: until })
      .where("article_lease_owner", "=", owner)
      .execute();
  }

  /** Gives up `owner`'s claims (all, or those on `ids`), leaving the items as they were. */
  async release(owner: string, ids?: string[]): Promise<void> {
    if (ids && !ids.length) return;
    let query = this.#db.kysely
      .updateTable("items")
      .set({ article_lease_owner: null, article_lease_until: null })
      .where("article_lease_owner", "=", owner);
    if (ids) query = query.where("id", "in", ids);
    await query.execute();
  }

  /** Live claims held by owners other than `owner`, with how many items each holds. */
  async heldByOthers(owner: string, now: string): Promise<Array<{ owner: string; count: number }>> {
    const rows = await this.#db.kysely
      .selectFrom("items")
      .select((eb) => ["article_lease_owner", eb.fn.countAll().as("n")])
      .where("article_lease_owner", "is not", null)
      .where("article_lease_owner", "!=", owner)
      .where("article_lease_until", ">", now)
      .groupBy("article_lease_owner")
      .execute();
    return rows.map((r) => ({ owner: r.article_lease_owner as string, count: Number(r.n) }));
  }
}
