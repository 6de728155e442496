import { normalizeEmail, verifyToken } from "../deliver/index.ts";
import type { Subscriber } from "../model/subscriber.ts";
import { SubscribersRepo } from "../store/subscribers-repo.ts";
import type { SendContext } from "./send-issue.ts";
import { knownEditions, sendConfirmations, unsubscribeByToken } from "./subscribers.ts";

/**
 * What a sign-up from the public form did. The reader is told the same thing in every case but `invalid` (the
 * address is not an address): whether an address is on the list is never revealed.
 */
export type SignupOutcome =
  | { kind: "invalid"; reason: string }
  /** A new pending reader, or one who had unsubscribed; the double opt-in email is on its way (or waits for SMTP). */
  | { kind: "pending"; subscriberId: string }
  /** Nothing changed and nothing is sent: the address is on the list already, or suppressed (not by unsubscribing). */
  | { kind: "unchanged" };

/**
 * A sign-up from the public form: a new address becomes a pending reader of the chosen editions, and its
 * confirmation email is sent in the background (so answering takes as long whatever the address). A reader who
 * unsubscribed may come back the same way: they are pending again and get a new confirmation; only confirming it
 * re-subscribes them (and lifts their unsubscribe). An address on the list already (pending or confirmed), or
 * suppressed for any other reason (bounced, complained, removed by an editor), changes nothing and is sent nothing:
 * the form cannot be used to mail anyone more than the one confirmation of a sign-up.
 *
 * @example
 * const outcome = await signUpFromWeb(ctx, { email: "ada@example.com", editions: ["digest"] });
 */
export async function signUpFromWeb(
  ctx: SendContext,
  input: { email: string; editions: string[] },
): Promise<SignupOutcome> {
  const checked = normalizeEmail(input.email);
  if (!checked.ok) return { kind: "invalid", reason: checked.reason };
  const all = await knownEditions(ctx);
  const chosen = input.editions.filter((e) => all.includes(e));
  const repo = new SubscribersRepo(ctx.db);
  const known = (await repo.known([checked.email])).get(checked.email);
  // The reader's own unsubscribe is the one suppression a new, confirmed sign-up may lift.
  if ([...(known?.suppressed.values() ?? [])].some((reason) => reason !== "unsubscribed")) return { kind: "unchanged" };
  const editions = chosen.length ? chosen : all;
  const now = new Date().toISOString();
  const row = known?.subscriber;
  if (row) {
    if (row.status !== "unsubscribed" || !(await repo.reopen(row.id, editions, now))) return { kind: "unchanged" };
    scheduleConfirmations(ctx);
    return { kind: "pending", subscriberId: row.id };
  }
  let subscriber: Subscriber;
  try {
    subscriber = await repo.insert(
      { email: checked.email, name: null, status: "pending", editions, origin: "web" },
      now,
    );
  } catch (error) {
    // The same address sent twice at once: the other request's row won the unique key, and this one changes nothing.
    if (await repo.findByEmail(checked.email)) return { kind: "unchanged" };
    throw error;
  }
  scheduleConfirmations(ctx);
  return { kind: "pending", subscriberId: subscriber.id };
}

type Runs = { current: Promise<void>; again: boolean; running: boolean };
const runs = new WeakMap<SendContext, Runs>();

/**
 * Sends the waiting confirmation emails in the background, one run at a time per context: two runs side by side
 * would both see the same pending readers and mail them twice. A sign-up during a run asks for one more run after it.
 */
function scheduleConfirmations(ctx: SendContext): void {
  const state = runs.get(ctx) ?? { current: Promise.resolve(), again: false, running: false };
  runs.set(ctx, state);
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  state.current = (async () => {
    do {
      state.again = false;
      try {
        const report = await sendConfirmations(ctx);
        if (report.failed.length) ctx.log.warn({ failed: report.failed.length }, "confirmation emails failed");
        if (report.waiting) ctx.log.warn({ waiting: report.waiting }, "confirmation emails wait for SMTP settings");
      } catch (error) {
        ctx.log.error({ err: error }, "sending confirmation emails failed");
      }
    } while (state.again);
    state.running = false;
  })();
}

/** Resolves once the background confirmation emails asked for so far are sent (tests and shutdown wait on it). */
export function confirmationsSettled(ctx: SendContext): Promise<void> {
  return runs.get(ctx)?.current ?? Promise.resolve();
}

export type Preferences =
  | { ok: true; subscriber: Pick<Subscriber, "email" | "status" | "editions">; editions: string[] }
  | { ok: false; reason: string };

async function readerOf(ctx: SendContext, token: string): Promise<Subscriber | { reason: string }> {
  const secret = ctx.config.secret;
  if (!secret) return { reason: "this site cannot check links (no secret is configured)" };
  const check = verifyToken(secret, token, "unsubscribe");
  if (!check.ok) return { reason: check.reason };
  const subscriber = await new SubscribersRepo(ctx.db).get(check.subject);
  return subscriber ?? { reason: "expired" };
}

/**
 * The editions the reader a link names receives, and every edition there is. The link is the signed one of every
 * email (the unsubscribe token): who can unsubscribe may also choose what to receive.
 */
export async function readPreferences(ctx: SendContext, token: string): Promise<Preferences> {
  const reader = await readerOf(ctx, token);
  if ("reason" in reader) return { ok: false, reason: reader.reason };
  return {
    ok: true,
    subscriber: { email: reader.email, status: reader.status, editions: reader.editions },
    editions: await knownEditions(ctx),
  };
}

/**
 * Saves the editions a confirmed reader chose; choosing none unsubscribes them (and suppresses the address), as
 * the unsubscribe link does. A reader who is not confirmed is left as they are.
 */
export async function savePreferences(ctx: SendContext, token: string, editions: string[]): Promise<Preferences> {
  const reader = await readerOf(ctx, token);
  if ("reason" in reader) return { ok: false, reason: reader.reason };
  const all = await knownEditions(ctx);
  const chosen = [...new Set(editions.filter((e) => all.includes(e)))];
  if (reader.status === "confirmed") {
    if (chosen.length) await new SubscribersRepo(ctx.db).setEditions(reader.id, chosen, new Date().toISOString());
    else await unsubscribeByToken(ctx, token);
  }
  return readPreferences(ctx, token);
}
