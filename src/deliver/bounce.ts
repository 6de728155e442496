import { z } from "zod";

/**
 * What an SMTP refusal says about the address. `hard`: the mailbox or domain does not exist or is disabled — it
 * counts toward suppressing the address. `soft`: the mailbox exists but cannot take mail now (full, over quota).
 * `policy`: the server refused this message (spam filter, authentication, protocol), not the reader's address.
 */
export type BounceKind = "hard" | "soft" | "policy";

export type ReplyVerdict = { permanent: boolean; bounce: BounceKind | null };

/**
 * Classifies a server reply by its basic code (4xx temporary, 5xx permanent) and its enhanced status code
 * (RFC 3463) when the reply has one: 5.1.x addressing and 5.2.1 disabled mailbox are hard bounces, other 5.2.x
 * soft, 5.7.x and 5.5.x policy or protocol.
 *
 * @example
 * classifyReply(550, "550 5.1.1 <x@example.com>: user unknown") // { permanent: true, bounce: "hard" }
 * classifyReply(451, "451 4.7.1 greylisted, try later")         // { permanent: false, bounce: null }
 */
export function classifyReply(code: number, text: string): ReplyVerdict {
  if (code < 500) return { permanent: false, bounce: null };
  const enhanced = /\b5\.(\d{1,3})\.(\d{1,3})\b/.exec(text);
  if (enhanced) {
    const [subject, detail] = [Number(enhanced[1]), Number(enhanced[2])];
    if (subject === 1) return { permanent: true, bounce: "hard" };
    if (subject === 2) return { permanent: true, bounce: detail === 1 ? "hard" : "soft" };
    if (subject === 7 || subject === 5 || subject === 6) return { permanent: true, bounce: "policy" };
    return { permanent: true, bounce: "soft" };
  }
  if (code === 550 || code === 551 || code === 553) return { permanent: true, bounce: "hard" };
  if (code === 552) return { permanent: true, bounce: "soft" };
  return { permanent: true, bounce: "policy" };
}

/**
 * The webhook's generic JSON format (docs/delivery.md): one event, an array of events, or `{"events": [...]}`.
 * A provider's own format is mapped onto this by a few lines in a relay or its webhook template.
 */
const eventSchema = z.object({
  type: z.enum(["bounce", "complaint"]),
  email: z.string().min(3).max(320),
  bounce: z.enum(["hard", "soft"]).optional(),
  reason: z.string().max(2000).optional(),
  messageId: z.string().max(998).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

export type BounceEvent = z.infer<typeof eventSchema>;

const eventsSchema = z.array(eventSchema).max(10_000);

export type WebhookParse = { ok: true; events: BounceEvent[] } | { ok: false; message: string };

/** Parses a webhook body into events, or says what is wrong with it. */
export function parseBounceWebhook(body: unknown): WebhookParse {
  // The shape is told apart first, so that an error names the field that is wrong, not "no union member matched".
  const wrapped = typeof body === "object" && body !== null && !Array.isArray(body) && "events" in body;
  const list = Array.isArray(body) ? body : wrapped ? (body as { events: unknown }).events : [body];
  const parsed = eventsSchema.safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((p) => Array.isArray(body) || wrapped || typeof p !== "number");
    const at = [wrapped ? "events" : "", ...path.map(String)].filter(Boolean).join(".");
    return { ok: false, message: `${at || "body"}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, events: parsed.data };
}
