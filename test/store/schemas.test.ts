import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresUrl, testStores } from "../helpers/stores.ts";

const postgres = testStores().find((kind) => kind.name === "postgres");

describe("PostgreSQL schemas", () => {
  it("migrates a store in one schema while another schema of the same database holds one", async (ctx) => {
    const first = await postgres?.create();
    const second = await postgres?.create();
    if (!first || !second) return ctx.skip();
    const a = await first.open();
    try {
      const b = await second.open();
      try {
        const tables = await b.kysely.introspection.getTables();
        expect(tables.map((t) => t.name)).toContain("items");
      } finally {
        await b.close();
        await second.cleanup();
      }
    } finally {
      await a.close();
      await first.cleanup();
    }
  });

  it("migrates while other sessions create and drop schemas beside it (as parallel test runs do)", async (ctx) => {
    const probe = await postgres?.create();
    if (!probe) return ctx.skip();
    const churn = new pg.Client({ connectionString: postgresUrl });
    await churn.connect();
    let stop = false;
    const prefix = `churn_${process.pid}_${Date.now().toString(36)}`;
    const churning = (async () => {
      for (let i = 0; !stop; i += 1) {
        const name = `${prefix}_${i}`;
        await churn.query(`CREATE SCHEMA "${name}"`);
        await churn.query(`CREATE TABLE "${name}".t (id serial primary key, v text)`);
        await churn.query(`DROP SCHEMA "${name}" CASCADE`);
      }
    })();
    try {
      for (let i = 0; i < 8; i += 1) {
        const store = await postgres?.create();
        if (!store) throw new Error("PostgreSQL went away");
        const db = await store.open();
        expect((await db.kysely.introspection.getTables()).map((t) => t.name)).toContain("items");
        await db.close();
        await store.cleanup();
      }
    } finally {
      stop = true;
      await churning;
      await churn.end();
    }
  });
});
