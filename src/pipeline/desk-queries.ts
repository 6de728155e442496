import type { DeliveryCounts } from "../model/delivery.ts";
import type { Issue } from "../model/issue.ts";
import { renderers } from "../render/index.ts";
import { DeliveriesRepo } from "../store/deliveries-repo.ts";
import { type IssueSummary, IssuesRepo } from "../store/issues-repo.ts";
import type { SendContext } from "./send-issue.ts";

/** The issue's email as a reader will see it (links to the site, the footer's address), for the desk's preview. */
export async function previewEmail(ctx: SendContext, issue: Issue): Promise<string> {
  const siteUrl = ctx.config.siteUrl?.replace(/\/$/, "") ?? "";
  return renderers.html(issue, {
    siteName: ctx.config.siteName,
    siteUrl,
    tipsUrl: `${siteUrl}/tips`,
    unsubscribeUrl: `${siteUrl}/unsubscribe`,
    footerLines: [
      "This email was sent to reader@example.com.",
      `${ctx.config.siteName} · ${ctx.config.deliver.postalAddress ?? "(set deliver.postalAddress)"}`,
    ],
  });
}

export async function findIssue(ctx: SendContext, id: string): Promise<Issue | null> {
  return new IssuesRepo(ctx.db).get(id);
}

export async function issueOf(ctx: SendContext, edition: string, date: string): Promise<Issue | null> {
  return new IssuesRepo(ctx.db).find(edition, date);
}

export async function recentIssues(ctx: SendContext, limit = 30): Promise<IssueSummary[]> {
  return new IssuesRepo(ctx.db).list({ limit });
}

export type IssueDeliveries = {
  counts: DeliveryCounts;
  failures: Array<{ email: string | null; code: string | null; error: string | null }>;
};

export async function issueDeliveries(ctx: SendContext, id: string): Promise<IssueDeliveries> {
  const repo = new DeliveriesRepo(ctx.db);
  const failures = (await repo.rows(id, ["failed"], 20)).map((r) => ({
    email: r.email,
    code: r.errorCode,
    error: r.error,
  }));
  return { counts: await repo.counts(id), failures };
}
