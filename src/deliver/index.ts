/**
 * Deliver stage: subscribers (CSV, addresses, import rules), signed tokens, the email of an issue built once and
 * personalised per recipient, engagement tracking, bounce classification, and the send engine with its Mailer
 * (nodemailer SMTP adapter) and SendLedger (implemented by src/pipeline/ over the store) interfaces.
 */
export {
  type BounceEvent,
  type BounceKind,
  classifyReply,
  parseBounceWebhook,
  type ReplyVerdict,
  type WebhookParse,
} from "./bounce.ts";
export { type ConfirmationEmail, confirmationEmail } from "./confirmation-email.ts";
export { parseCsv, toCsv } from "./csv.ts";
export { type AddressCheck, normalizeEmail } from "./email-address.ts";
export { planImport } from "./import-plan.ts";
export {
  type ComposedMessage,
  type IssueEmail,
  type IssueEmailOptions,
  issueEmail,
  messageIdFor,
} from "./issue-email.ts";
export type { Outcome, Recipient, SendLedger, Settled } from "./ledger.ts";
export { deliveryPaths, type ReaderLinks, readerLinks } from "./links.ts";
export { type Mailer, MailFailure, type MailFailureKind, type MailReceipt, type OutgoingMessage } from "./mailer.ts";
export {
  buildMessageTemplate,
  type MessageTemplate,
  type MessageTemplateInput,
  placeholders,
  type RecipientFields,
} from "./message-template.ts";
export { backoffMs, RateLimiter } from "./rate-limit.ts";
export { type RunResult, type RunTotals, runSend, type SendEngineOptions, type SendEvent } from "./send-engine.ts";
export { parseSmtpUrl, redactSmtpUrl, SmtpMailer, type SmtpMailerOptions } from "./smtp-mailer.ts";
export { type ImportRow, type RejectedRow, readSubscriberCsv, writeSubscriberCsv } from "./subscriber-csv.ts";
export { signature, signatureMatches, signToken, type TokenCheck, type TokenPurpose, verifyToken } from "./tokens.ts";
export { addTracking, clickUrl, verifyClick, verifyOpen } from "./tracking.ts";
