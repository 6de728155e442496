import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { retryDeadlocks } from "../../src/store/retry.ts";
import { testStores } from "../helpers/stores.ts";

const postgres = testStores().find((kind) => kind.name === "postgres");

describe("retryDeadlocks on PostgreSQL", () => {
  it("runs a deadlock's victim again, so both transactions of a real deadlock commit", async (ctx) => {
    const store = await postgres?.create();
    if (!store) return ctx.skip();
    const db = await store.open();
    try {
      await sql`create table t (id int primary key, v int not null)`.execute(db.kysely);
      await sql`insert into t values (1, 0), (2, 0)`.execute(db.kysely);
      let attempts = 0;
      let firstLocked!: () => void;
      let secondLocked!: () => void;
      const first = new Promise<void>((resolve) => {
        firstLocked = resolve;
      });
      const second = new Promise<void>((resolve) => {
        secondLocked = resolve;
      });
      // Two transactions taking the same two rows in opposite orders: PostgreSQL rolls one back with 40P01.
      const cross = (a: number, b: number, locked: () => void, other: Promise<void>) =>
        retryDeadlocks(db, () =>
          db.kysely.transaction().execute(async (trx) => {
            attempts += 1;
            await sql`update t set v = v + 1 where id = ${a}`.execute(trx);
            locked();
            await other;
            await sql`update t set v = v + 1 where id = ${b}`.execute(trx);
          }),
        );
      await Promise.all([cross(1, 2, firstLocked, second), cross(2, 1, secondLocked, first)]);
      expect(attempts).toBe(3);
      const { rows } = await sql<{ v: number }>`select v from t order by id`.execute(db.kysely);
      expect(rows.map((r) => r.v)).toEqual([2, 2]);
    } finally {
      await db.close();
      await store.cleanup();
    }
  });

  it("throws anything else at once", async () => {
    const db = { dialect: "postgres" } as Parameters<typeof retryDeadlocks>[0];
    let attempts = 0;
    await expect(
      retryDeadlocks(db, async () => {
        attempts += 1;
        throw Object.assign(new Error("unique violation"), { code: "23505" });
      }),
    ).rejects.toThrow("unique violation");
    expect(attempts).toBe(1);
  });
});
