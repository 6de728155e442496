import type { Config } from "../config/schema.ts";
import { DaybriefError } from "../errors.ts";
import type { Format } from "../render/index.ts";
import type { Db } from "../store/db.ts";
import { IssuesRepo } from "../store/issues-repo.ts";

/**
 * A stored issue rendered in one format, with the site's name and URLs from the config; E_ISSUE_NOT_FOUND when the
 * store has no such issue.
 *
 * @example
 * process.stdout.write(await renderStoredIssue(db, config, "is_…", "md"));
 */
export async function renderStoredIssue(db: Db, config: Readonly<Config>, id: string, format: Format): Promise<string> {
  const issue = await new IssuesRepo(db).get(id);
  if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
  const { renderers } = await import("../render/index.ts");
  const siteUrl = config.siteUrl?.replace(/\/$/, "") ?? null;
  return renderers[format](issue, {
    siteName: config.siteName,
    siteUrl,
    tipsUrl: siteUrl ? `${siteUrl}/tips` : null,
    unsubscribeUrl: null,
  });
}
