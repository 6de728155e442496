import { type ExpressionBuilder, sql } from "kysely";
import type { Issue, IssueStatus } from "../model/issue.ts";
import type { Db } from "./db.ts";
import type { Database } from "./schema.ts";

/** What the public archive lists: an issue being or already sent, or an approved issue that was published. */
function isPublic(eb: ExpressionBuilder<Database, "issues">) {
  return eb.or([
    eb("status", "in", ["sending", "sent"]),
    eb.and([eb("status", "=", "approved"), eb("published_at", "is not", null)]),
  ]);
}

export type PublicFilter = { edition?: string; search?: string };

type Row = { body: string; status: string; published_at?: string | null };

function toIssue(row: Row): Issue {
  const issue = { ...(JSON.parse(row.body) as Issue), status: row.status as IssueStatus };
  return row.published_at ? { ...issue, publishedAt: row.published_at } : issue;
}

/** The LIKE pattern of a search text (its wildcards taken literally), for a first, coarse pass in SQL. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[%_\\]/g, "")}%`;
}

/**
 * The published side of the issues table: publication times, and the issues the public site and feeds show. The
 * search narrows in SQL over the stored issue, and the caller checks the words a reader sees (the body also holds
 * ids and URLs).
 */
export class PublishedRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Records the first publication of an issue (later publications keep it); returns the time recorded. */
  async markPublished(id: string, now: string): Promise<string | null> {
    await this.#db.kysely
      .updateTable("issues")
      .set({ published_at: now, updated_at: now })
      .where("id", "=", id)
      .where("published_at", "is", null)
      .execute();
    const row = await this.#db.kysely
      .selectFrom("issues")
      .select("published_at")
      .where("id", "=", id)
      .executeTakeFirst();
    return row?.published_at ?? null;
  }

  /** Public issues, newest day first, optionally of one edition and containing a text (coarse: see above). */
  async list(filter: PublicFilter = {}, page: { limit?: number; offset?: number } = {}): Promise<Issue[]> {
    let query = this.#db.kysely
      .selectFrom("issues")
      .select(["body", "status", "published_at"])
      .where(isPublic)
      .orderBy("date", "desc")
      .orderBy("edition");
    if (filter.edition) query = query.where("edition", "=", filter.edition);
    if (filter.search) query = query.where(sql<string>`lower(body)`, "like", likePattern(filter.search));
    if (page.limit) query = query.limit(page.limit);
    if (page.offset) query = query.offset(page.offset);
    return (await query.execute()).map(toIssue);
  }

  /** How many public issues there are (of one edition). */
  async count(filter: Pick<PublicFilter, "edition"> = {}): Promise<number> {
    let query = this.#db.kysely
      .selectFrom("issues")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where(isPublic);
    if (filter.edition) query = query.where("edition", "=", filter.edition);
    const row = await query.executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The public issue of an edition and day, or null. */
  async find(edition: string, date: string): Promise<Issue | null> {
    const row = await this.#db.kysely
      .selectFrom("issues")
      .select(["body", "status", "published_at"])
      .where(isPublic)
      .where("edition", "=", edition)
      .where("date", "=", date)
      .executeTakeFirst();
    return row ? toIssue(row) : null;
  }

  /** The editions that have public issues, in name order. */
  async editions(): Promise<string[]> {
    const rows = await this.#db.kysely.selectFrom("issues").select("edition").distinct().where(isPublic).execute();
    return rows.map((r) => r.edition).sort();
  }

  /**
   * A short text that changes whenever anything the public site shows changes (an issue published, approved, sent,
   * rebuilt or withdrawn): the key of the site's response cache and part of every ETag.
   */
  async version(): Promise<string> {
    const row = await this.#db.kysely
      .selectFrom("issues")
      .select((eb) => [
        eb.fn.countAll<string | number>().as("n"),
        eb.fn.max("updated_at").as("updated"),
        eb.fn.max("published_at").as("published"),
      ])
      .where(isPublic)
      .executeTakeFirst();
    return `${row?.n ?? 0}|${row?.updated ?? ""}|${row?.published ?? ""}`;
  }
}
