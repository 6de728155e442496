import { type Kysely, type Migration, type MigrationResultSet, Migrator } from "kysely";
import { DaybriefError } from "../../errors.ts";
import type { Db, DialectName } from "../db.ts";
import { initial } from "./001-initial.ts";
import { stories } from "./002-stories.ts";
import { issues } from "./003-issues.ts";
import { articleLeases } from "./004-article-leases.ts";
import { delivery } from "./005-delivery.ts";
import { storySubjects } from "./008-story-subjects.ts";
import { desk } from "./009-desk.ts";
import { issuePublished } from "./010-issue-published.ts";
import { embeddings } from "./013-embeddings.ts";
import { imageAlt } from "./014-image-alt.ts";
import { scheduleResumes } from "./015-schedule-resumes.ts";

/** Column types that differ between the dialects; everything else is written once. */
export type Types = { blob: "blob" | "bytea"; real: "real" | "double precision"; autoId: "integer" | "serial" };

export function typesFor(dialect: DialectName): Types {
  return dialect === "sqlite"
    ? { blob: "blob", real: "real", autoId: "integer" }
    : { blob: "bytea", real: "double precision", autoId: "serial" };
}

/** The name of the newest migration: what a store is at once `migrateToLatest` has run. */
export function latestMigration(): string {
  return Object.keys(migrations("sqlite")).sort().at(-1) as string;
}

/** The ordered list of migrations; names sort in the order they must run. */
function migrations(dialect: DialectName): Record<string, Migration> {
  const types = typesFor(dialect);
  return {
    "001-initial": { up: (db: Kysely<unknown>) => initial(db, types) },
    "002-stories": { up: (db: Kysely<unknown>) => stories(db, types) },
    "003-issues": { up: (db: Kysely<unknown>) => issues(db, types) },
    "004-article-leases": { up: (db: Kysely<unknown>) => articleLeases(db, types) },
    "005-delivery": { up: (db: Kysely<unknown>) => delivery(db, types) },
    "008-story-subjects": { up: (db: Kysely<unknown>) => storySubjects(db, types) },
    "009-desk": { up: (db: Kysely<unknown>) => desk(db, types) },
    "010-issue-published": { up: (db: Kysely<unknown>) => issuePublished(db, types) },
    "013-embeddings": { up: (db: Kysely<unknown>) => embeddings(db, types) },
    "014-image-alt": { up: (db: Kysely<unknown>) => imageAlt(db, types) },
    "015-schedule-resumes": { up: (db: Kysely<unknown>) => scheduleResumes(db, types) },
  };
}

export type MigrationReport = { applied: string[]; current: string | null };

/**
 * Applies pending migrations. Kysely's migrator never throws: it reports each migration's outcome, and a failed
 * one leaves the database at the last migration that succeeded.
 */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations(db.dialect) },
    // Named, so that the migrator looks for its own tables in this schema: otherwise another schema's
    // kysely_migration_lock in the same database passes for this one's.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new DaybriefError(
      "E_DB_MIGRATION",
      `${failed ? `Migration ${failed}` : "Preparing the migrations"} failed on ${db.label}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const all = await migrator.getMigrations();
  const done = all.filter((m) => m.executedAt !== undefined);
  return { applied, current: done.at(-1)?.name ?? null };
}
