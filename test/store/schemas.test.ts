import { describe, expect, it } from "vitest";
import { testStores } from "../helpers/stores.ts";

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
});
