import type { Db } from "./db.ts";

export type LeaseHolder = { holder: string; host: string; pid: number };

export type Lease = LeaseHolder & { issueId: string; acquiredAt: string; expiresAt: string };

export type AcquireOptions = LeaseHolder & {
  ttlMs: number;
  now: string;
  /** Whether a process of this host with this pid still runs: a dead holder's lease is taken at once. */
  isAlive: (pid: number) => boolean;
};

/**
 * One lease row per issue: the process that holds it is the only one that sends the issue. A lease is renewed
 * while the send runs; one that expired, or whose holder on this host is no longer running, can be taken over.
 */
export class LeasesRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async get(issueId: string): Promise<Lease | null> {
    const row = await this.#db.kysely
      .selectFrom("send_leases")
      .selectAll()
      .where("issue_id", "=", issueId)
      .executeTakeFirst();
    return row
      ? {
          issueId: row.issue_id,
          holder: row.holder,
          host: row.host,
          pid: Number(row.pid),
          acquiredAt: row.acquired_at,
          expiresAt: row.expires_at,
        }
      : null;
  }

  /** Takes the issue's lease; gives the lease that stands in the way when another live process holds it. */
  async acquire(issueId: string, options: AcquireOptions): Promise<{ ok: true } | { ok: false; lease: Lease }> {
    const expires = new Date(Date.parse(options.now) + options.ttlMs).toISOString();
    const row = {
      issue_id: issueId,
      holder: options.holder,
      host: options.host,
      pid: options.pid,
      acquired_at: options.now,
      expires_at: expires,
    };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted = await this.#db.kysely
        .insertInto("send_leases")
        .values(row)
        .onConflict((oc) => oc.column("issue_id").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { ok: true };
      const current = await this.get(issueId);
      if (!current) continue;
      const stale =
        current.expiresAt < options.now ||
        current.holder === options.holder ||
        (current.host === options.host && !options.isAlive(current.pid));
      if (!stale) return { ok: false, lease: current };
      // Compare-and-swap on the old holder: of two processes taking over at once, one wins.
      const taken = await this.#db.kysely
        .updateTable("send_leases")
        .set(row)
        .where("issue_id", "=", issueId)
        .where("holder", "=", current.holder)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return { ok: true };
    }
    const current = await this.get(issueId);
    return current ? { ok: false, lease: current } : this.acquire(issueId, options);
  }

  /** Extends the lease; false when this holder no longer has it. */
  async renew(issueId: string, holder: string, ttlMs: number, now: string): Promise<boolean> {
    const result = await this.#db.kysely
      .updateTable("send_leases")
      .set({ expires_at: new Date(Date.parse(now) + ttlMs).toISOString() })
      .where("issue_id", "=", issueId)
      .where("holder", "=", holder)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async release(issueId: string, holder: string): Promise<void> {
    await this.#db.kysely
      .deleteFrom("send_leases")
      .where("issue_id", "=", issueId)
      .where("holder", "=", holder)
      .execute();
  }
}
