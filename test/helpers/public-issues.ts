import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Issue } from "../../src/model/issue.ts";
import type { Db } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { PublishedRepo } from "../../src/store/published-repo.ts";

const fixtures = join(import.meta.dirname, "..", "fixtures", "render");

/** A fixture issue of an edition for another day, with a title naming the day (so a search can find one). */
export function issueFor(edition: "digest" | "briefing", date: string, extra: Partial<Issue> = {}): Issue {
  const issue = JSON.parse(readFileSync(join(fixtures, `${edition}-issue.json`), "utf8")) as Issue;
  return {
    ...issue,
    id: `is_${edition}_${date}`,
    date,
    title: `${issue.title} (${date})`,
    status: "draft",
    createdAt: `${date}T05:00:00.000Z`,
    ...extra,
  };
}

/** The `n` days before 2025-12-03, newest first. */
export function daysBefore(n: number): string[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, 11, 2 - i)).toISOString().slice(0, 10));
}

/**
 * Stores issues and moves each to `status`; `published` also records a publication at 07:00 UTC of its day.
 * Returns the issues as stored.
 */
export async function storeIssues(
  db: Db,
  issues: Issue[],
  options: { status: "draft" | "approved" | "sent"; published: boolean },
): Promise<Issue[]> {
  const repo = new IssuesRepo(db);
  const published = new PublishedRepo(db);
  for (const issue of issues) {
    await repo.saveDraft(issue, issue.createdAt);
    if (options.status !== "draft") await repo.setStatus(issue.id, options.status, `${issue.date}T06:00:00.000Z`);
    if (options.published) await published.markPublished(issue.id, `${issue.date}T07:00:00.000Z`);
  }
  return issues;
}
