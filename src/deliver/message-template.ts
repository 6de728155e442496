import { randomBytes } from "node:crypto";
import { encodeHeaderText, encodeQuotedPrintable, formatAddress, formatMailDate, headerLine } from "./mime.ts";

/**
 * An issue's email, encoded once and personalised per recipient by splicing a few values into it. The HTML and
 * text parts come from the renderer with placeholders (`{{unsubscribe_url}}`, `{{recipient}}`, and `{{reader}}`
 * in tracked links); they are quoted-printable encoded in pieces around each placeholder, so filling one in costs
 * a few short encodings and one Buffer.concat, not a MIME build of the whole message per reader.
 */
export type MessageTemplateInput = {
  from: { email: string; name: string | null };
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  /**
   * List-Id (RFC 2919): "Daybrief Digest <digest.brief.example.com>". A list message also gets List-Unsubscribe
   * and List-Unsubscribe-Post (RFC 8058); null for a message that is not one of the list (the opt-in email).
   */
  listId: string | null;
  date: Date;
};

/** What changes from one recipient to the next. */
export type RecipientFields = {
  email: string;
  name: string | null;
  /** Message-ID without angle brackets. */
  messageId: string;
  unsubscribeUrl: string;
  /** Footer text naming the recipient: "Ada Lovelace (ada@example.com)". */
  recipient: string;
  /** Query text appended to tracked links and the open pixel ("&r=…"), or "" for aggregate counting only. */
  reader: string;
  /** The double opt-in link, in the confirmation email. */
  confirmUrl?: string;
};

export const placeholders = ["unsubscribe_url", "recipient", "reader", "confirm_url"] as const;
type Placeholder = (typeof placeholders)[number];
type Piece = Buffer | { slot: Placeholder; html: boolean } | { header: "to" | "messageId" | "listUnsubscribe" };

export type MessageTemplate = {
  /** The complete message for one recipient. */
  personalise(fields: RecipientFields): Buffer;
};

const placeholderPattern = /\{\{(unsubscribe_url|recipient|reader|confirm_url)\}\}/;

/**
 * @example
 * const template = buildMessageTemplate({ from, replyTo: null, subject, html, text, listId, date: new Date() });
 * const raw = template.personalise({ email: "ada@example.com", name: "Ada", messageId, unsubscribeUrl, recipient, reader: "" });
 */
export function buildMessageTemplate(input: MessageTemplateInput): MessageTemplate {
  const boundary = `=_daybrief_${randomBytes(12).toString("hex")}`;
  const pieces: Piece[] = [];
  const add = (text: string) => pieces.push(Buffer.from(text, "utf8"));
  add(headerLine("Date", formatMailDate(input.date)));
  add(headerLine("From", formatAddress(input.from.name, input.from.email)));
  if (input.replyTo) add(headerLine("Reply-To", input.replyTo));
  pieces.push({ header: "to" });
  add(headerLine("Subject", encodeHeaderText(input.subject)));
  pieces.push({ header: "messageId" });
  add(headerLine("MIME-Version", "1.0"));
  if (input.listId) {
    add(headerLine("List-Id", encodeHeaderText(input.listId)));
    pieces.push({ header: "listUnsubscribe" });
    add(headerLine("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
  }
  add(headerLine("Content-Type", `multipart/alternative; boundary="${boundary}"`));
  add("\r\n");
  for (const [type, body, html] of [
    ["text/plain", input.text, false],
    ["text/html", input.html, true],
  ] as const) {
    add(`--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`);
    const parts = body.split(placeholderPattern);
    parts.forEach((part, i) => {
      if (i % 2 === 1) pieces.push({ slot: part as Placeholder, html });
      else if (part) add(encodeQuotedPrintable(part, { joinable: i < parts.length - 1 }));
    });
    add("\r\n");
  }
  add(`--${boundary}--\r\n`);
  return { personalise: (fields) => Buffer.concat(pieces.map((piece) => fill(piece, fields))) };
}

function fill(piece: Piece, fields: RecipientFields): Buffer {
  if (Buffer.isBuffer(piece)) return piece;
  if ("header" in piece) {
    if (piece.header === "to") return Buffer.from(headerLine("To", formatAddress(fields.name, fields.email)));
    if (piece.header === "messageId") return Buffer.from(headerLine("Message-ID", `<${fields.messageId}>`));
    return Buffer.from(headerLine("List-Unsubscribe", `<${fields.unsubscribeUrl}>`));
  }
  const value =
    piece.slot === "unsubscribe_url"
      ? fields.unsubscribeUrl
      : piece.slot === "confirm_url"
        ? (fields.confirmUrl ?? "")
        : fields[piece.slot];
  return Buffer.from(encodeQuotedPrintable(piece.html ? escapeHtml(value) : value, { joinable: true }));
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
