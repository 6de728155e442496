import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Db, openDb } from "../../src/store/db.ts";

export const postgresUrl = process.env.DAYBRIEF_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let reachable: Promise<boolean> | null = null;

/** Whether the development PostgreSQL answers; tests on it are skipped (and say so) only when it does not. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      process.stderr.write(`PostgreSQL at ${postgresUrl} is unreachable: PostgreSQL store tests are skipped.\n`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

export type TestStore = {
  name: "sqlite" | "postgres";
  url: string;
  open: () => Promise<Db>;
  cleanup: () => Promise<void>;
};

/** A fresh, empty store of each dialect: a temporary SQLite file, and a new PostgreSQL schema. */
export function testStores(): Array<{ name: "sqlite" | "postgres"; create: () => Promise<TestStore | null> }> {
  return [
    {
      name: "sqlite",
      create: async () => {
        const dir = mkdtempSync(join(tmpdir(), "daybrief-db-"));
        const url = `sqlite:${join(dir, "test.db")}`;
        return {
          name: "sqlite",
          url,
          open: () => openDb(url),
          cleanup: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
    {
      name: "postgres",
      create: async () => {
        if (!(await postgresReachable())) return null;
        const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
        const url = `${postgresUrl}?schema=${schema}`;
        return {
          name: "postgres",
          url,
          open: () => openDb(url),
          cleanup: async () => {
            const client = new pg.Client({ connectionString: postgresUrl });
            await client.connect();
            await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await client.end();
          },
        };
      },
    },
  ];
}
