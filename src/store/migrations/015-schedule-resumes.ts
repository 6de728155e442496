import { type Kysely, sql } from "kysely";
import type { Types } from "./index.ts";

/**
 * How often a scheduled send was resumed after the process sending it died, and when last
 * (`scheduled_sends.resumes`, `scheduled_sends.resumed_at`): the desk tells the editor. Re-runnable, as 014 is.
 */
export async function scheduleResumes(db: Kysely<unknown>, t: Types): Promise<void> {
  const columns = [
    { name: "resumes", type: "integer" as const },
    { name: "resumed_at", type: "text" as const },
  ];
  if (t.blob === "bytea") {
    await sql`alter table scheduled_sends add column if not exists resumes integer not null default 0`.execute(db);
    await sql`alter table scheduled_sends add column if not exists resumed_at text`.execute(db);
    return;
  }
  const present = (await sql<{ name: string }>`select name from pragma_table_info('scheduled_sends')`.execute(db)).rows;
  for (const column of columns) {
    if (present.some((r) => r.name === column.name)) continue;
    await db.schema
      .alterTable("scheduled_sends")
      .addColumn(column.name, column.type, (c) => (column.type === "integer" ? c.notNull().defaultTo(0) : c))
      .execute();
  }
}
