import { MailFailure, normalizeEmail } from "../deliver/index.ts";
import { DaybriefError } from "../errors.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { composeIssue, type SendContext } from "./send-issue.ts";
import { openMailer, sendSettings } from "./send-settings.ts";

export type TestSendResult = { to: string; messageId: string; response: string; status: string };

/**
 * Sends one copy of an issue (a draft too) to one address, outside the ledger: the subject says "[Test]" and the
 * unsubscribe link names no subscriber. Checks the whole setup — SMTP, sender, DKIM — with one message.
 *
 * @example
 * const result = await sendTestMessage(ctx, "is_1a2b", "editor@example.com");
 */
export async function sendTestMessage(ctx: SendContext, issueId: string, address: string): Promise<TestSendResult> {
  const checked = normalizeEmail(address);
  if (!checked.ok) throw new DaybriefError("E_SUBSCRIBER_INVALID", `--test ${address}: ${checked.reason}.`);
  const settings = sendSettings(ctx.config);
  const issue = await new IssuesRepo(ctx.db).get(issueId);
  if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${issueId}".`);
  const email = await composeIssue(ctx.config, settings, issue, "[Test] ");
  const message = email.compose({
    subscriberId: "test",
    email: checked.email,
    name: null,
    attempts: 0,
    tracking: false,
  });
  const mailer = await openMailer(settings);
  try {
    const receipt = await mailer.send(message).catch((error: unknown) => {
      const kind = error instanceof MailFailure ? error.kind : "lost";
      const code = kind === "auth" ? "E_SMTP_AUTH" : kind === "refused" ? "E_SMTP_REJECTED" : "E_SMTP_UNAVAILABLE";
      throw new DaybriefError(
        code,
        `The test message to ${checked.email} was not accepted: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    });
    return { to: checked.email, messageId: message.messageId, response: receipt.response, status: issue.status };
  } finally {
    await mailer.close();
  }
}
