import {
  buildMessageTemplate,
  confirmationEmail,
  normalizeEmail,
  planImport,
  type RejectedRow,
  readerLinks,
  readSubscriberCsv,
  verifyToken,
  writeSubscriberCsv,
} from "../deliver/index.ts";
import { DaybriefError } from "../errors.ts";
import type { ImportAction, Subscriber, SubscriberStatus } from "../model/subscriber.ts";
import { type SubscriberFilter, SubscribersRepo } from "../store/subscribers-repo.ts";
import { SuppressionsRepo } from "../store/suppressions-repo.ts";
import type { SendContext } from "./send-issue.ts";
import { openMailer, sendSettings } from "./send-settings.ts";

/** The editions a subscriber may ask for: the built-in ones and any edition an issue was built for. */
export async function knownEditions(ctx: Pick<SendContext, "db">): Promise<string[]> {
  const rows = await ctx.db.kysely.selectFrom("issues").select("edition").distinct().execute();
  return [...new Set(["digest", "briefing", ...rows.map((r) => r.edition)])];
}

export type ImportReport = {
  added: number;
  updated: number;
  unchanged: number;
  suppressed: number;
  refused: Array<{ line: number; email: string; reason: string }>;
  rejected: RejectedRow[];
  confirmations: ConfirmationReport;
};

export type ConfirmationReport = { sent: number; waiting: number; failed: Array<{ email: string; reason: string }> };

/**
 * Imports a subscriber CSV: every row validated, the store changed in one transaction, and a report of every row
 * that was rejected (bad address, unknown edition) or refused (suppressed). Importing the same file again changes
 * nothing. Without `confirmed`, new readers are pending and get the double opt-in email when SMTP is configured.
 *
 * @example
 * const report = await importSubscribers(ctx, readFileSync("list.csv", "utf8"), { confirmed: true });
 */
export async function importSubscribers(
  ctx: SendContext,
  text: string,
  options: { confirmed: boolean },
): Promise<ImportReport> {
  const editions = await knownEditions(ctx);
  const csv = readSubscriberCsv(text, editions);
  if (csv.fatal) throw new DaybriefError("E_CSV_INVALID", `The subscriber CSV cannot be read: ${csv.fatal}.`);
  const repo = new SubscribersRepo(ctx.db);
  const known = await repo.known(csv.rows.map((r) => r.email));
  const actions = planImport(csv.rows, known, { confirmed: options.confirmed, allEditions: editions });
  const now = new Date().toISOString();
  await repo.applyImport(actions, "import", now);
  const count = (kind: ImportAction["kind"]) => actions.filter((a) => a.kind === kind).length;
  return {
    added: count("add"),
    updated: count("update"),
    unchanged: count("unchanged"),
    suppressed: count("suppress"),
    refused: actions.flatMap((a) => (a.kind === "refused" ? [{ line: a.line, email: a.email, reason: a.reason }] : [])),
    rejected: csv.rejected,
    confirmations: await sendConfirmations(ctx),
  };
}

/** Adds one reader (pending unless `confirmed`); a suppressed address is refused, an existing one too. */
export async function addSubscriber(
  ctx: SendContext,
  input: { email: string; name?: string | null; editions?: string[]; confirmed: boolean },
): Promise<{ subscriber: Subscriber; confirmations: ConfirmationReport }> {
  const checked = normalizeEmail(input.email);
  if (!checked.ok) throw new DaybriefError("E_SUBSCRIBER_INVALID", `"${input.email}": ${checked.reason}.`);
  const all = await knownEditions(ctx);
  const unknown = (input.editions ?? []).filter((e) => !all.includes(e));
  if (unknown.length) {
    throw new DaybriefError("E_EDITION_NOT_FOUND", `Unknown edition ${unknown.join(", ")} (known: ${all.join(", ")}).`);
  }
  const repo = new SubscribersRepo(ctx.db);
  const known = (await repo.known([checked.email])).get(checked.email);
  if (known?.subscriber) {
    throw new DaybriefError(
      known.suppressed.size ? "E_SUBSCRIBER_SUPPRESSED" : "E_USAGE",
      `${checked.email} is already on the list (${known.subscriber.status}).`,
    );
  }
  const blocked = known?.suppressed.get("*");
  if (blocked) throw new DaybriefError("E_SUBSCRIBER_SUPPRESSED", `${checked.email} is suppressed (${blocked}).`);
  const editions = (input.editions?.length ? input.editions : all).filter((e) => !known?.suppressed.has(e));
  if (!editions.length) {
    throw new DaybriefError("E_SUBSCRIBER_SUPPRESSED", `${checked.email} is suppressed for every edition asked for.`);
  }
  const status: SubscriberStatus = input.confirmed ? "confirmed" : "pending";
  const subscriber = await repo.insert(
    { email: checked.email, name: input.name?.trim() || null, status, editions, origin: "cli" },
    new Date().toISOString(),
  );
  return { subscriber, confirmations: await sendConfirmations(ctx) };
}

/** Removes a reader: the row goes, and the address is suppressed so no later import brings it back. */
export async function removeSubscriber(ctx: SendContext, email: string): Promise<Subscriber> {
  const checked = normalizeEmail(email);
  if (!checked.ok) throw new DaybriefError("E_SUBSCRIBER_INVALID", `"${email}": ${checked.reason}.`);
  const repo = new SubscribersRepo(ctx.db);
  const subscriber = await repo.findByEmail(checked.email);
  if (!subscriber) throw new DaybriefError("E_SUBSCRIBER_NOT_FOUND", `No subscriber ${checked.email}.`);
  const now = new Date().toISOString();
  await new SuppressionsRepo(ctx.db).suppress(checked.email, "*", "removed", now);
  await repo.delete(subscriber.id);
  return subscriber;
}

export async function listSubscribers(ctx: Pick<SendContext, "db">, filter: SubscriberFilter = {}) {
  return new SubscribersRepo(ctx.db).list(filter);
}

/** Every subscriber as CSV (the format `subscribers import` reads). */
export async function exportSubscribers(ctx: Pick<SendContext, "db">): Promise<string> {
  return writeSubscriberCsv(await new SubscribersRepo(ctx.db).list());
}

/**
 * Sends the double opt-in email to pending readers who have not had one, and deletes sign-ups that expired
 * unconfirmed. Without SMTP settings nothing is sent: `waiting` says how many wait for it.
 */
export async function sendConfirmations(ctx: SendContext): Promise<ConfirmationReport> {
  const repo = new SubscribersRepo(ctx.db);
  const hours = ctx.config.deliver.optInHours;
  await repo.purgeExpiredPending(new Date(Date.now() - hours * 3_600_000).toISOString());
  const waiting = await repo.awaitingConfirmEmail();
  const report: ConfirmationReport = { sent: 0, waiting: waiting.length, failed: [] };
  if (!waiting.length || !ctx.config.smtp.url) return report;
  let settings: ReturnType<typeof sendSettings>;
  try {
    settings = sendSettings(ctx.config);
  } catch (error) {
    // The readers are saved; their emails wait until the settings are complete.
    ctx.log.warn({ err: error }, "confirmation emails not sent: sending is not configured");
    return report;
  }
  const mail = confirmationEmail({
    siteName: ctx.config.siteName,
    editions: [],
    hours,
    postalAddress: settings.postalAddress,
  });
  const template = buildMessageTemplate({
    ...mail,
    from: settings.from,
    replyTo: settings.replyTo,
    listId: null,
    date: new Date(),
  });
  const links = readerLinks(settings.siteUrl, settings.secret);
  const mailer = await openMailer(settings);
  const domain = settings.from.email.split("@")[1];
  const sent: string[] = [];
  try {
    for (const s of waiting) {
      const raw = template.personalise({
        email: s.email,
        name: s.name,
        messageId: `confirm.${s.id}.${Date.now().toString(36)}@${domain}`,
        unsubscribeUrl: "",
        recipient: s.email,
        reader: "",
        confirmUrl: links.confirmUrl(s.id, hours * 3_600_000),
      });
      try {
        await mailer.send({ from: settings.from.email, to: s.email, raw });
        sent.push(s.id);
      } catch (error) {
        report.failed.push({ email: s.email, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await mailer.close();
  }
  await repo.markConfirmSent(sent, new Date().toISOString());
  return { ...report, sent: sent.length, waiting: waiting.length - sent.length };
}

export type LinkResult = { ok: true; email: string; changed: boolean } | { ok: false; reason: string };

/** A reader clicked their confirmation link: pending → confirmed (an expired or forged link changes nothing). */
export async function confirmByToken(ctx: SendContext, token: string): Promise<LinkResult> {
  const secret = ctx.config.secret;
  if (!secret) return { ok: false, reason: "this site cannot check links (no secret is configured)" };
  const check = verifyToken(secret, token, "confirm");
  if (!check.ok) return { ok: false, reason: check.reason };
  const repo = new SubscribersRepo(ctx.db);
  const subscriber = await repo.get(check.subject);
  if (!subscriber) return { ok: false, reason: "expired" };
  if (subscriber.status === "confirmed") return { ok: true, email: subscriber.email, changed: false };
  // The reader left (or bounced) after this link was sent: an old link never re-subscribes; a new sign-up does.
  if (subscriber.status !== "pending") return { ok: false, reason: "expired" };
  const now = new Date().toISOString();
  // The reader's own confirmed sign-up is the one thing that lifts an earlier suppression.
  await new SuppressionsRepo(ctx.db).lift(subscriber.email);
  await repo.setStatus(subscriber.id, "confirmed", now);
  return { ok: true, email: subscriber.email, changed: true };
}

/**
 * Unsubscribes the reader a link names, at once: their row is marked unsubscribed and the address suppressed, so
 * a send in progress skips them from its next claim on.
 */
export async function unsubscribeByToken(ctx: SendContext, token: string): Promise<LinkResult> {
  const secret = ctx.config.secret;
  if (!secret) return { ok: false, reason: "this site cannot check links (no secret is configured)" };
  const check = verifyToken(secret, token, "unsubscribe");
  if (!check.ok) return { ok: false, reason: check.reason };
  const repo = new SubscribersRepo(ctx.db);
  const subscriber = await repo.get(check.subject);
  // A removed reader, or the editor's test copy: nothing to change, and nothing to reveal either.
  if (!subscriber) return { ok: true, email: "", changed: false };
  const now = new Date().toISOString();
  await new SuppressionsRepo(ctx.db).suppress(subscriber.email, "*", "unsubscribed", now);
  if (subscriber.status === "unsubscribed") return { ok: true, email: subscriber.email, changed: false };
  if (subscriber.status === "pending" || subscriber.status === "confirmed") {
    await repo.setStatus(subscriber.id, "unsubscribed", now);
  }
  return { ok: true, email: subscriber.email, changed: true };
}
