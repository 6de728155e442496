import { loadConfig } from "../config/load.ts";
import { openDb } from "../store/db.ts";
import { migrateToLatest } from "../store/migrations/index.ts";

/** `daybrief migrate` */
export async function migrate(): Promise<void> {
  const { config } = loadConfig();
  const db = await openDb(config.databaseUrl, { migrate: false });
  try {
    const report = await migrateToLatest(db);
    const applied = report.applied.length ? `applied ${report.applied.join(", ")}` : "nothing to apply";
    process.stdout.write(`${db.label}: ${applied}; schema at ${report.current ?? "(empty)"}.\n`);
  } finally {
    await db.close();
  }
}
