import type { EngagementStats } from "../model/delivery.ts";
import type { Db } from "./db.ts";

/**
 * Opens and clicks, counted per issue (and per link); a row per reader is kept only when per-reader tracking is
 * on and the reader has not opted out — the caller passes `subscriberId` only then.
 */
export class EngagementRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Counts an open ("open", target "") or a click ("click", target the URL). */
  async record(
    event: { issueId: string; kind: "open" | "click"; target: string; subscriberId: string | null },
    now: string,
  ): Promise<void> {
    await this.#db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto("engagement_counts")
        .values({ issue_id: event.issueId, kind: event.kind, target: event.target, count: 1 })
        .onConflict((oc) =>
          oc
            .columns(["issue_id", "kind", "target"])
            .doUpdateSet((eb) => ({ count: eb("engagement_counts.count", "+", 1) })),
        )
        .execute();
      if (event.subscriberId) {
        await trx
          .insertInto("engagement_events")
          .values({
            issue_id: event.issueId,
            subscriber_id: event.subscriberId,
            kind: event.kind,
            target: event.target,
            created_at: now,
          })
          .execute();
      }
    });
  }

  /** An issue's opens and clicks per link; unique counts when per-reader rows exist. */
  async stats(issueId: string, perReader: boolean): Promise<EngagementStats> {
    const counts = await this.#db.kysely
      .selectFrom("engagement_counts")
      .select(["kind", "target", "count"])
      .where("issue_id", "=", issueId)
      .execute();
    const unique = perReader
      ? await this.#db.kysely
          .selectFrom("engagement_events")
          .select(["kind", "target", (eb) => eb.fn.count<number>("subscriber_id").distinct().as("n")])
          .where("issue_id", "=", issueId)
          .groupBy(["kind", "target"])
          .execute()
      : [];
    const uniqueOf = (kind: string, target: string) =>
      perReader ? Number(unique.find((u) => u.kind === kind && u.target === target)?.n ?? 0) : null;
    const open = counts.find((c) => c.kind === "open");
    return {
      opens: Number(open?.count ?? 0),
      uniqueOpens: uniqueOf("open", ""),
      clicks: counts
        .filter((c) => c.kind === "click")
        .map((c) => ({ url: c.target, clicks: Number(c.count), uniqueClicks: uniqueOf("click", c.target) }))
        .sort((a, b) => b.clicks - a.clicks || a.url.localeCompare(b.url)),
    };
  }
}
