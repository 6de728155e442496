import type { Recipient } from "./ledger.ts";
import { readerLinks } from "./links.ts";
import type { OutgoingMessage } from "./mailer.ts";
import { buildMessageTemplate } from "./message-template.ts";
import { addTracking } from "./tracking.ts";

/**
 * An issue's email, ready to personalise: the rendered HTML and text (with `{{unsubscribe_url}}` and
 * `{{recipient}}` placeholders), tracked when the editor turned counting on, encoded once.
 */
export type IssueEmailOptions = {
  issueId: string;
  edition: string;
  editionName: string;
  subject: string;
  html: string;
  text: string;
  from: { email: string; name: string | null };
  replyTo: string | null;
  /** Public base URL of the web handlers (unsubscribe, tracking). */
  baseUrl: string;
  secret: string;
  tracking: { enabled: boolean; perReader: boolean };
  date?: Date;
};

export type ComposedMessage = OutgoingMessage & { messageId: string };

export type IssueEmail = {
  /** The message for one reader: their address, name, unsubscribe link and Message-ID. */
  compose(recipient: Recipient): ComposedMessage;
  /** The domain of every Message-ID (`<issue.subscriber@domain>`), as the ledger records it. */
  messageIdDomain: string;
};

/** The Message-ID of an issue's message to a subscriber: stable, so a resend carries the same one. */
export function messageIdFor(issueId: string, subscriberId: string, domain: string): string {
  return `${issueId}.${subscriberId}@${domain}`;
}

/**
 * @example
 * const email = issueEmail({ issueId, edition: "digest", editionName: "Daybrief Digest", subject, html, text, … });
 * const message = email.compose({ subscriberId: "sub_1a2b", email: "ada@example.com", name: "Ada", attempts: 0, tracking: false });
 */
export function issueEmail(options: IssueEmailOptions): IssueEmail {
  const host = new URL(options.baseUrl).hostname;
  const messageIdDomain = options.from.email.split("@")[1] ?? host;
  const html = options.tracking.enabled
    ? addTracking(options.html, {
        baseUrl: options.baseUrl.replace(/\/+$/, ""),
        issueId: options.issueId,
        secret: options.secret,
      })
    : options.html;
  const template = buildMessageTemplate({
    from: options.from,
    replyTo: options.replyTo,
    subject: options.subject,
    html,
    text: options.text,
    listId: `${options.editionName} <${options.edition}.${host}>`,
    date: options.date ?? new Date(),
  });
  const links = readerLinks(options.baseUrl, options.secret);
  return {
    messageIdDomain,
    compose(recipient) {
      const messageId = messageIdFor(options.issueId, recipient.subscriberId, messageIdDomain);
      const raw = template.personalise({
        email: recipient.email,
        name: recipient.name,
        messageId,
        unsubscribeUrl: links.unsubscribeUrl(recipient.subscriberId),
        recipient: recipient.name ? `${recipient.name} (${recipient.email})` : recipient.email,
        reader: options.tracking.enabled ? links.readerTag(recipient.subscriberId, recipient.tracking) : "",
      });
      return { from: options.from.email, to: recipient.email, raw, messageId };
    },
  };
}
