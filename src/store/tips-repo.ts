import type { Db } from "./db.ts";

export type TipStatus = "new" | "accepted" | "dismissed";

export type Tip = {
  id: string;
  text: string;
  url: string | null;
  name: string | null;
  email: string | null;
  status: TipStatus;
  createdAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  itemId: string | null;
};

/** Reader tips: stored as sent, reviewed on the desk. */
export class TipsRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async insert(tip: Tip, clientHash: string): Promise<void> {
    await this.#db.kysely
      .insertInto("tips")
      .values({
        id: tip.id,
        text: tip.text,
        url: tip.url,
        name: tip.name,
        email: tip.email,
        status: tip.status,
        client_hash: clientHash,
        created_at: tip.createdAt,
        reviewed_at: null,
        reviewed_by: null,
        item_id: null,
      })
      .execute();
  }

  async get(id: string): Promise<Tip | null> {
    const row = await this.#db.kysely.selectFrom("tips").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toTip(row) : null;
  }

  async list(status?: TipStatus, limit = 200): Promise<Tip[]> {
    let query = this.#db.kysely.selectFrom("tips").selectAll().orderBy("created_at", "desc").limit(limit);
    if (status) query = query.where("status", "=", status);
    return (await query.execute()).map(toTip);
  }

  /** How many tips this client sent since `since` (the rate limit that survives restarts). */
  async countFrom(clientHash: string, since: string): Promise<number> {
    const row = await this.#db.kysely
      .selectFrom("tips")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("client_hash", "=", clientHash)
      .where("created_at", ">=", since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Moves a new tip to reviewed; false when it was reviewed already (two editors at once). */
  async review(id: string, status: "accepted" | "dismissed", by: string, itemId: string | null, now: string) {
    const result = await this.#db.kysely
      .updateTable("tips")
      .set({ status, reviewed_at: now, reviewed_by: by, item_id: itemId })
      .where("id", "=", id)
      .where("status", "=", "new")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toTip(row: {
  id: string;
  text: string;
  url: string | null;
  name: string | null;
  email: string | null;
  status: string;
  created_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  item_id: string | null;
}): Tip {
  return {
    id: row.id,
    text: row.text,
    url: row.url,
    name: row.name,
    email: row.email,
    status: row.status as TipStatus,
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    itemId: row.item_id,
  };
}
