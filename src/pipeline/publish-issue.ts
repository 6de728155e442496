import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DaybriefError } from "../errors.ts";
import type { Issue } from "../model/issue.ts";
import { renderSite } from "../render/index.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { PublishedRepo } from "../store/published-repo.ts";
import type { SendContext } from "./send-issue.ts";
import { siteRenderOptions } from "./site-options.ts";

export type PublishReport = {
  issue: Pick<Issue, "id" | "edition" | "editionName" | "date" | "title">;
  /** When the issue was first published (kept from an earlier publication). */
  publishedAt: string;
  dir: string;
  /** Paths written, relative to dir. */
  files: string[];
  /** Public issues in the archive and feeds, this one included. */
  archived: number;
  warnings: string[];
};

const publishable = new Set(["approved", "sending", "sent"]);

/**
 * Publishes an approved or sent issue: records when it was first published, then writes the web archive of every
 * public issue into a folder — each issue's page, archive/index.html, feed.xml, atom.xml and feed.json (renderSite,
 * the layout `demo` writes and `serve` serves). Each file is written beside its place and renamed over it, so a web
 * server reading the folder never sees half a file. The store records the publication only once the files are written.
 *
 * @example
 * const report = await publishIssue(ctx, "is_1a2b", { out: "/var/www/brief" });
 */
export async function publishIssue(ctx: SendContext, id: string, opts: { out?: string } = {}): Promise<PublishReport> {
  const issue = await new IssuesRepo(ctx.db).get(id);
  if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
  if (!publishable.has(issue.status)) {
    throw new DaybriefError(
      "E_PUBLISH_NOT_APPROVED",
      `The ${issue.edition} issue of ${issue.date} (${id}) is a ${issue.status}; it is not published.`,
    );
  }
  const published = new PublishedRepo(ctx.db);
  const publishedAt = issue.publishedAt ?? new Date().toISOString();
  const others = (await published.list()).filter((i) => i.id !== id);
  const issues = [...others, { ...issue, publishedAt }];
  const warnings = ctx.config.siteUrl
    ? []
    : [
        "siteUrl (DAYBRIEF_SITE_URL) is not set: the feeds link to root-relative paths (/archive/…) and the pages to each other relatively. Feed readers need absolute links: set siteUrl to the address the folder is served at and publish again.",
      ];
  const dir = resolve(opts.out ?? ctx.config.publish.dir);
  const files = renderSite(issues, siteRenderOptions(ctx.config, null));
  try {
    for (const file of files) writeAtomically(join(dir, file.path), file.text);
  } catch (error) {
    throw new DaybriefError("E_PUBLISH_WRITE", `Cannot write the archive to ${dir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const recorded = (await published.markPublished(id, publishedAt)) ?? publishedAt;
  ctx.log.info({ issue_id: id, dir, files: files.length }, "issue published");
  return {
    issue: { id, edition: issue.edition, editionName: issue.editionName, date: issue.date, title: issue.title },
    publishedAt: recorded,
    dir,
    files: files.map((f) => f.path),
    archived: issues.length,
    warnings,
  };
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
