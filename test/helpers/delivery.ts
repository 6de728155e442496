import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Issue } from "../../src/model/issue.ts";
import type { Db } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { SubscribersRepo } from "../../src/store/subscribers-repo.ts";

const fixtures = join(import.meta.dirname, "..", "fixtures", "render");

/** A real written issue (the render fixtures), stored as a draft or approved under a fresh id. */
export async function storeIssue(
  db: Db,
  options: { edition?: "digest" | "briefing"; id?: string; status?: "draft" | "approved" } = {},
): Promise<Issue> {
  const edition = options.edition ?? "digest";
  const issue = JSON.parse(readFileSync(join(fixtures, `${edition}-issue.json`), "utf8")) as Issue;
  const stored: Issue = { ...issue, id: options.id ?? `is_${edition}_test`, status: "draft" };
  const repo = new IssuesRepo(db);
  await repo.saveDraft(stored, "2025-12-02T06:00:00.000Z");
  if ((options.status ?? "approved") === "approved")
    await repo.setStatus(stored.id, "approved", "2025-12-02T06:05:00.000Z");
  return { ...stored, status: options.status ?? "approved" };
}

/** Confirmed subscribers reader0@example.com … reader{n-1}@example.com of the given editions. */
export async function seedSubscribers(
  db: Db,
  count: number,
  options: { editions?: string[]; domain?: string; status?: "confirmed" | "pending" } = {},
): Promise<string[]> {
  const repo = new SubscribersRepo(db);
  const now = "2025-12-01T00:00:00.000Z";
  const actions = Array.from({ length: count }, (_, i) => ({
    kind: "add" as const,
    line: i + 2,
    email: `reader${i}@${options.domain ?? "example.com"}`,
    name: i % 3 === 0 ? null : `Reader ${i}`,
    status: options.status ?? ("confirmed" as const),
    editions: options.editions ?? ["digest", "briefing"],
  }));
  for (let i = 0; i < actions.length; i += 1000) await repo.applyImport(actions.slice(i, i + 1000), "import", now);
  return actions.map((a) => a.email);
}
