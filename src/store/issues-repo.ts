import { DaybriefError } from "../errors.ts";
import type { Issue, IssueStatus } from "../model/issue.ts";
import type { Db } from "./db.ts";

export type IssueSummary = Pick<
  Issue,
  "id" | "edition" | "editionName" | "date" | "title" | "preheader" | "status" | "createdAt"
>;

/** A story an edition told, and the latest day it did. */
export type FeaturedStory = { storyId: string; date: string };

/** Written issues, one per edition and day. */
export class IssuesRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Saves a draft, replacing an earlier draft of the same edition and day; an approved or sent issue is kept. */
  async saveDraft(issue: Issue, now: string): Promise<void> {
    const existing = await this.#db.kysely
      .selectFrom("issues")
      .select(["id", "status"])
      .where("edition", "=", issue.edition)
      .where("date", "=", issue.date)
      .executeTakeFirst();
    if (existing && existing.status !== "draft") {
      throw new DaybriefError(
        "E_ISSUE_LOCKED",
        `The ${issue.edition} issue of ${issue.date} is ${existing.status}; it is not rebuilt.`,
      );
    }
    const tip = issue.sections.find((s) => s.kind === "prompt");
    const row = {
      id: issue.id,
      edition: issue.edition,
      date: issue.date,
      status: "draft",
      title: issue.title,
      body: JSON.stringify(issue),
      tip_id: tip?.kind === "prompt" ? tip.tipId : null,
      created_at: issue.createdAt,
      updated_at: now,
      approved_at: null,
    };
    await this.#db.kysely
      .insertInto("issues")
      .values(row)
      .onConflict((oc) => oc.column("id").doUpdateSet({ ...row, created_at: issue.createdAt }))
      .execute();
  }

  async get(id: string): Promise<Issue | null> {
    const row = await this.#db.kysely.selectFrom("issues").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return null;
    const issue = { ...(JSON.parse(row.body) as Issue), status: row.status as IssueStatus } satisfies Issue;
    return row.published_at ? { ...issue, publishedAt: row.published_at } : issue;
  }

  async find(edition: string, date: string): Promise<Issue | null> {
    const row = await this.#db.kysely
      .selectFrom("issues")
      .select("id")
      .where("edition", "=", edition)
      .where("date", "=", date)
      .executeTakeFirst();
    return row ? this.get(row.id) : null;
  }

  /** Issues newest first; `before` keeps those of earlier days. */
  async list(options: { edition?: string; before?: string; limit?: number } = {}): Promise<IssueSummary[]> {
    let query = this.#db.kysely.selectFrom("issues").selectAll().orderBy("date", "desc").orderBy("edition");
    if (options.edition) query = query.where("edition", "=", options.edition);
    if (options.before) query = query.where("date", "<", options.before);
    if (options.limit) query = query.limit(options.limit);
    const rows = await query.execute();
    return rows.map((row) => {
      const issue = JSON.parse(row.body) as Issue;
      return {
        id: row.id,
        edition: row.edition,
        editionName: issue.editionName,
        date: row.date,
        title: row.title,
        preheader: issue.preheader,
        status: row.status as IssueStatus,
        createdAt: row.created_at,
      };
    });
  }

  async setStatus(id: string, status: IssueStatus, now: string): Promise<void> {
    const result = await this.#db.kysely
      .updateTable("issues")
      .set({ status, updated_at: now, ...(status === "approved" ? { approved_at: now } : {}) })
      .where("id", "=", id)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
  }

  /**
   * Moves an issue to `to` only from one of the `from` statuses, in one statement (an unapprove cannot slip in
   * between a send's check and its start); returns whether it moved and the status it has now, or null when there
   * is no such issue.
   */
  async transition(
    id: string,
    from: IssueStatus[],
    to: IssueStatus,
    now: string,
  ): Promise<{ changed: boolean; status: IssueStatus } | null> {
    const result = await this.#db.kysely
      .updateTable("issues")
      .set({ status: to, updated_at: now, ...(to === "approved" ? { approved_at: now } : {}) })
      .where("id", "=", id)
      .where("status", "in", from)
      .executeTakeFirst();
    const row = await this.#db.kysely.selectFrom("issues").select("status").where("id", "=", id).executeTakeFirst();
    if (!row) return null;
    return { changed: Number(result.numUpdatedRows) === 1, status: row.status as IssueStatus };
  }

  /**
   * The stories an edition told in its issues of the `days` before `before` (in any story or group section), each
   * with the latest day it was told.
   */
  async featuredStories(edition: string, before: string, days: number): Promise<FeaturedStory[]> {
    const since = new Date(Date.parse(`${before}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.#db.kysely
      .selectFrom("issues")
      .select(["date", "body"])
      .where("edition", "=", edition)
      .where("date", "<", before)
      .where("date", ">=", since)
      .orderBy("date")
      .execute();
    const latest = new Map<string, string>();
    for (const row of rows) {
      for (const section of (JSON.parse(row.body) as Issue).sections) {
        const blocks =
          section.kind === "stories"
            ? section.stories
            : section.kind === "groups"
              ? section.groups.flatMap((g) => g.stories)
              : [];
        for (const block of blocks) if (block.storyId) latest.set(block.storyId, row.date);
      }
    }
    return [...latest].map(([storyId, date]) => ({ storyId, date }));
  }

  async recentTips(before: string, days: number): Promise<string[]> {
    const since = new Date(Date.parse(`${before}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.#db.kysely
      .selectFrom("issues")
      .select(["tip_id", "date"])
      .where("date", "<", before)
      .where("date", ">=", since)
      .where("tip_id", "is not", null)
      .orderBy("date")
      .execute();
    return rows.map((r) => r.tip_id as string);
  }
}
