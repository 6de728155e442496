import { DaybriefError } from "../errors.ts";
import type { IssueStatus } from "../model/issue.ts";
import type { Db } from "../store/db.ts";
import { IssuesRepo } from "../store/issues-repo.ts";

export type StatusChange = { changed: boolean; status: IssueStatus };

/** A draft becomes approved (and is never rebuilt); an issue already past draft is left as it is. */
export async function approveIssue(db: Db, id: string): Promise<StatusChange> {
  const moved = await new IssuesRepo(db).transition(id, ["draft"], "approved", new Date().toISOString());
  if (!moved) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
  return moved;
}

/** An approved issue goes back to draft; refused once sending began. */
export async function unapproveIssue(db: Db, id: string): Promise<StatusChange> {
  const moved = await new IssuesRepo(db).transition(id, ["approved"], "draft", new Date().toISOString());
  if (!moved) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
  if (moved.status === "sending" || moved.status === "sent") {
    throw new DaybriefError("E_ISSUE_SEND_STARTED", `Issue ${id} is ${moved.status}; it cannot go back to draft.`);
  }
  return moved;
}
