/**
 * What the send engine needs from a mail transport. The SMTP adapter (smtp-mailer.ts) implements it with
 * nodemailer; tests can point it at any SMTP server.
 */
export type OutgoingMessage = {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipient (RCPT TO). */
  to: string;
  /** The whole RFC 5322 message, headers and body, with CRLF line ends. */
  raw: Buffer;
};

export type MailReceipt = { response: string };

/**
 * refused: the server answered with an error reply (4xx or 5xx, in `code` and `response`) · unavailable: no
 * session could be opened (connection refused, DNS, greeting) — nothing was sent · auth: the server refused the
 * credentials — no message can be sent until the configuration is fixed · lost: the connection broke or went
 * silent during the transaction; `bodySent` says whether the whole message had been handed over by then, in
 * which case the server may have accepted it.
 */
export type MailFailureKind = "refused" | "unavailable" | "auth" | "lost";

export class MailFailure extends Error {
  readonly kind: MailFailureKind;
  readonly code: number | null;
  readonly response: string | null;
  readonly bodySent: boolean;

  constructor(
    kind: MailFailureKind,
    message: string,
    details: { code?: number | null; response?: string | null; bodySent?: boolean; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "MailFailure";
    this.kind = kind;
    this.code = details.code ?? null;
    this.response = details.response ?? null;
    this.bodySent = details.bodySent ?? false;
  }
}

export interface Mailer {
  /** Sends one message; resolves with the server's reply, or rejects with a MailFailure. */
  send(message: OutgoingMessage): Promise<MailReceipt>;
  /** Opens a session and closes it again: resolves when the server is reachable and accepts the credentials. */
  verify(): Promise<void>;
  close(): Promise<void>;
}
