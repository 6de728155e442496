import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type SqliteDatabase from "better-sqlite3";
import { Kysely } from "kysely";
import { DaybriefError } from "../errors.ts";
import { migrateToLatest } from "./migrations/index.ts";
import { OwnSchemaPostgresDialect } from "./pg-introspector.ts";
import type { Database } from "./schema.ts";
import { ImmediateSqliteDialect } from "./sqlite-dialect.ts";

export type DialectName = "sqlite" | "postgres";

export type Db = {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** A description without secrets, for messages. */
  label: string;
  /** The PostgreSQL schema the store lives in, when the URL names one. */
  schema?: string;
  /**
   * The SQLite driver's own handle, for the store's few hot paths that skip query compilation
   * (src/store/deliveries-sqlite.ts). Use it only inside `kysely.connection().execute`, which holds the one
   * connection, so that no Kysely transaction is open on it meanwhile.
   */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
};

export type OpenDbOptions = {
  /** Run pending migrations on open (the default; `daybrief migrate` runs them explicitly). */
  migrate?: boolean;
};

/**
 * Opens the store named by a database URL: `sqlite:PATH` (file in WAL mode, parent folders created, `:memory:`
 * allowed) or `postgres://…` (a `?schema=NAME` parameter selects, and creates, a schema).
 *
 * @example
 * const db = await openDb("sqlite:./data/daybrief.db");
 */
export async function openDb(url: string, options: OpenDbOptions = {}): Promise<Db> {
  const db =
    url.startsWith("postgres://") || url.startsWith("postgresql://") ? await openPostgres(url) : await openSqlite(url);
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

async function openSqlite(url: string): Promise<Db> {
  const match = /^sqlite:(?:\/\/)?(.+)$/.exec(url);
  if (!match?.[1]) throw new DaybriefError("E_DB_URL", `"${url}" is not a database URL Daybrief understands.`);
  const path = match[1] === ":memory:" ? ":memory:" : resolve(match[1]);
  // Each driver is loaded only when its dialect is used.
  const { default: Sqlite } = await import("better-sqlite3");
  let database: SqliteDatabase.Database;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    database = new Sqlite(path);
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("busy_timeout = 10000");
    database.pragma("foreign_keys = ON");
  } catch (error) {
    throw new DaybriefError("E_DB_CONNECT", `Cannot open SQLite database ${path}: ${(error as Error).message}`, {
      cause: error,
      variant: "sqlite",
    });
  }
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
  return { kysely, dialect: "sqlite", label: `sqlite:${path}`, sqlite: database, close: () => kysely.destroy() };
}

async function openPostgres(url: string): Promise<Db> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  parsed.searchParams.delete("schema");
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) {
    throw new DaybriefError("E_DB_URL", `Schema name "${schema}" must be letters, digits and underscores.`);
  }
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: parsed.toString(), max: 10 });
  if (schema) pool.on("connect", (client) => void client.query(`SET search_path TO "${schema}"`));
  const label = `postgres://${parsed.host}${parsed.pathname}${schema ? ` (schema ${schema})` : ""}`;
  try {
    const client = await pool.connect();
    try {
      if (schema) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await client.query(`SET search_path TO "${schema}"`);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DaybriefError("E_DB_CONNECT", `Cannot connect to ${label}: ${(error as Error).message}`, {
      cause: error,
      variant: "postgres",
    });
  }
  const kysely = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }, schema ?? null) });
  return { kysely, dialect: "postgres", label, ...(schema ? { schema } : {}), close: () => kysely.destroy() };
}
