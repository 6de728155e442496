import { DaybriefError, isDaybriefError } from "../errors.ts";
import type { IssueStatus } from "../model/issue.ts";
import type { Db } from "../store/db.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { type PublishReport, publishIssue } from "./publish-issue.ts";
import type { SendContext } from "./send-issue.ts";

export type StatusChange = { changed: boolean; status: IssueStatus };

/** What approving published: the report, or why nothing was (not asked for, or publishing failed). */
export type ApprovalPublish =
  | { kind: "published"; report: PublishReport }
  /** publish.onApprove is off, or the issue was not a draft (approving changed nothing). */
  | { kind: "not-asked"; reason: string }
  /** The approval stands; the folder could not be written (the error says why). */
  | { kind: "failed"; error: DaybriefError };

export type Approval = StatusChange & { publish: ApprovalPublish };

/** A draft becomes approved (and is never rebuilt); an issue already past draft is left as it is. */
export async function approveIssue(db: Db, id: string): Promise<StatusChange> {
  const moved = await new IssuesRepo(db).transition(id, ["draft"], "approved", new Date().toISOString());
  if (!moved) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
  return moved;
}

/**
 * Approves a draft and, with `publish.onApprove`, publishes it to `publish.dir` (as `issue publish`): the one
 * approval of `issue approve` and of the desk. A failed publication does not undo the approval; it is reported.
 *
 * @example
 * const approval = await approveAndPublish(ctx, "is_1a2b");
 * if (approval.publish.kind === "published") console.log(approval.publish.report.dir);
 */
export async function approveAndPublish(ctx: SendContext, id: string): Promise<Approval> {
  const moved = await approveIssue(ctx.db, id);
  if (!moved.changed)
    return { ...moved, publish: { kind: "not-asked", reason: `the issue was ${moved.status} already` } };
  if (!ctx.config.publish.onApprove) {
    return { ...moved, publish: { kind: "not-asked", reason: "publish.onApprove is off" } };
  }
  try {
    return { ...moved, publish: { kind: "published", report: await publishIssue(ctx, id) } };
  } catch (error) {
    if (!isDaybriefError(error)) throw error;
    ctx.log.warn({ err: error, issue_id: id }, "publishing on approve failed");
    return { ...moved, publish: { kind: "failed", error } };
  }
}

/**
 * An approved issue goes back to draft; refused once sending began. `published` says it had been published: the
 * served site stops showing it at once, but a folder written by `issue publish` keeps it until published again.
 */
export async function unapproveIssue(db: Db, id: string): Promise<StatusChange & { published: boolean }> {
  const repo = new IssuesRepo(db);
  const moved = await repo.transition(id, ["approved"], "draft", new Date().toISOString());
  if (!moved) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
  if (moved.status === "sending" || moved.status === "sent") {
    throw new DaybriefError("E_ISSUE_SEND_STARTED", `Issue ${id} is ${moved.status}; it cannot go back to draft.`);
  }
  return { ...moved, published: Boolean((await repo.get(id))?.publishedAt) };
}

/** What to tell an editor who sent a published issue back to draft. */
export const unpublishedNote =
  "It had been published: the served site no longer shows it, but the publish.dir folder keeps its page and feed entries until it is approved and published again.";
