import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";

/**
 * Kysely begins SQLite transactions DEFERRED: one that reads and then writes must upgrade its lock, and when another
 * process wrote in between, SQLite answers "database is locked" at once, without waiting out busy_timeout (waiting
 * could deadlock). Two `ingest` runs at once hit that. BEGIN IMMEDIATE takes the write lock up front, so a second
 * writer waits its turn (busy_timeout) instead of failing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/** SQLite as Kysely speaks it, with every transaction begun IMMEDIATE. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
