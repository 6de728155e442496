import type { Db } from "./db.ts";

export type ScheduledSend = {
  issueId: string;
  sendAt: string;
  /** `started` while a process sends it; `sent` once every reader is done. */
  state: "scheduled" | "started" | "sent" | "failed" | "cancelled";
  scheduledBy: string;
  error: string | null;
  /** Times a `serve` took the send over after the process sending it died, and when it last did. */
  resumes: number;
  resumedAt: string | null;
};

/** The send times editors chose; `daybrief serve` starts each send when its time comes. */
export class SchedulesRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async set(issueId: string, sendAt: string, by: string, now: string): Promise<void> {
    const row = {
      issue_id: issueId,
      send_at: sendAt,
      state: "scheduled",
      scheduled_by: by,
      created_at: now,
      updated_at: now,
      error: null,
      resumes: 0,
      resumed_at: null,
    };
    await this.#db.kysely
      .insertInto("scheduled_sends")
      .values(row)
      .onConflict((oc) => oc.column("issue_id").doUpdateSet({ ...row }))
      .execute();
  }

  async get(issueId: string): Promise<ScheduledSend | null> {
    const row = await this.#db.kysely
      .selectFrom("scheduled_sends")
      .selectAll()
      .where("issue_id", "=", issueId)
      .executeTakeFirst();
    return row ? toScheduled(row) : null;
  }

  async due(now: string): Promise<ScheduledSend[]> {
    const rows = await this.#db.kysely
      .selectFrom("scheduled_sends")
      .selectAll()
      .where("state", "=", "scheduled")
      .where("send_at", "<=", now)
      .orderBy("send_at")
      .execute();
    return rows.map(toScheduled);
  }

  /** Claims a due send for one process: false when another took it first. */
  async claim(issueId: string, now: string): Promise<boolean> {
    const result = await this.#db.kysely
      .updateTable("scheduled_sends")
      .set({ state: "started", updated_at: now })
      .where("issue_id", "=", issueId)
      .where("state", "=", "scheduled")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Sends marked started: running in some process, or left behind by one that died. */
  async started(): Promise<ScheduledSend[]> {
    const rows = await this.#db.kysely
      .selectFrom("scheduled_sends")
      .selectAll()
      .where("state", "=", "started")
      .orderBy("send_at")
      .execute();
    return rows.map(toScheduled);
  }

  /** Records that this process took over a started send; false when it is no longer started. */
  async markResumed(issueId: string, now: string): Promise<boolean> {
    const result = await this.#db.kysely
      .updateTable("scheduled_sends")
      .set((eb) => ({ resumes: eb("resumes", "+", 1), resumed_at: now, updated_at: now }))
      .where("issue_id", "=", issueId)
      .where("state", "=", "started")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setState(issueId: string, state: ScheduledSend["state"], error: string | null, now: string): Promise<void> {
    await this.#db.kysely
      .updateTable("scheduled_sends")
      .set({ state, error, updated_at: now })
      .where("issue_id", "=", issueId)
      .execute();
  }
}

function toScheduled(row: {
  issue_id: string;
  send_at: string;
  state: string;
  scheduled_by: string;
  error: string | null;
  resumes?: number | null;
  resumed_at?: string | null;
}): ScheduledSend {
  return {
    issueId: row.issue_id,
    sendAt: row.send_at,
    state: row.state as ScheduledSend["state"],
    scheduledBy: row.scheduled_by,
    error: row.error,
    resumes: Number(row.resumes ?? 0),
    resumedAt: row.resumed_at ?? null,
  };
}
