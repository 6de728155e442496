import { createHmac, timingSafeEqual } from "node:crypto";
import { parseBounceWebhook, signatureMatches, verifyClick, verifyOpen, verifyToken } from "../deliver/index.ts";
import type { EngagementStats } from "../model/delivery.ts";
import { EngagementRepo } from "../store/engagement-repo.ts";
import { SubscribersRepo } from "../store/subscribers-repo.ts";
import { SuppressionsRepo } from "../store/suppressions-repo.ts";
import type { SendContext } from "./send-issue.ts";

export type WebhookResult =
  | { ok: true; received: number; suppressed: number }
  | { ok: false; status: 401 | 404 | 400; message: string };

/**
 * Whether a webhook request carries the shared secret: `Authorization: Bearer SECRET`, or
 * `X-Daybrief-Signature: sha256=HEX` — the HMAC-SHA256 of the raw body under the secret.
 */
export function webhookAuthorized(
  secret: string,
  headers: { authorization?: string; signature?: string },
  body: string,
) {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? "")?.[1]?.trim();
  if (bearer) {
    // Compared as digests, so the comparison takes the same time whatever the lengths.
    const digest = (text: string) => createHmac("sha256", "daybrief:webhook").update(text).digest();
    return timingSafeEqual(digest(bearer), digest(secret));
  }
  const presented = /^sha256=([0-9a-f]{64})$/i.exec(headers.signature ?? "")?.[1];
  if (!presented) return false;
  const expected = createHmac("sha256", secret).update(body).digest("base64url");
  return signatureMatches(Buffer.from(presented, "hex").toString("base64url"), expected);
}

/**
 * A provider's bounce and complaint notifications, in the generic JSON of docs/delivery.md. A complaint suppresses
 * the address at once, hard bounces at `deliver.bounceThreshold`; soft bounces are only recorded.
 *
 * @example
 * const result = await receiveBounceWebhook(ctx, rawBody, { authorization: req.header("authorization") });
 */
export async function receiveBounceWebhook(
  ctx: SendContext,
  rawBody: string,
  headers: { authorization?: string; signature?: string },
): Promise<WebhookResult> {
  const secret = ctx.config.deliver.webhookSecret;
  if (!secret) return { ok: false, status: 404, message: "the bounce webhook is off (deliver.webhookSecret is unset)" };
  if (!webhookAuthorized(secret, headers, rawBody)) return { ok: false, status: 401, message: "not authenticated" };
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, status: 400, message: "the body is not JSON" };
  }
  const parsed = parseBounceWebhook(body);
  if (!parsed.ok) return { ok: false, status: 400, message: parsed.message };
  const suppressions = new SuppressionsRepo(ctx.db);
  let suppressed = 0;
  for (const event of parsed.events) {
    const email = event.email.trim().toLowerCase();
    const kind = event.type === "complaint" ? "complaint" : (event.bounce ?? "hard");
    const detail =
      [event.reason, event.messageId ? `message ${event.messageId}` : null].filter(Boolean).join("; ") || null;
    const issueId = /^<?([^.<>@]+)\.sub_/.exec(event.messageId ?? "")?.[1] ?? null;
    const now = new Date().toISOString();
    if (
      await suppressions.record(
        { email, kind, source: "webhook", detail, issueId },
        ctx.config.deliver.bounceThreshold,
        now,
      )
    ) {
      suppressed += 1;
    }
  }
  return { ok: true, received: parsed.events.length, suppressed };
}

/** The reader a tracked link names, when per-reader counting is on and the reader did not opt out. */
async function readerOf(ctx: SendContext, tag: string | undefined): Promise<string | null> {
  const { tracking, secret } = ctx.config;
  if (!tag || !secret || !tracking.enabled || !tracking.perReader) return null;
  const check = verifyToken(secret, tag, "reader");
  if (!check.ok) return null;
  const subscriber = await new SubscribersRepo(ctx.db).get(check.subject);
  return subscriber && subscriber.tracking !== false ? subscriber.id : null;
}

/**
 * A click on a tracked link: where to send the visitor, counted when tracking is on. A link whose signature does
 * not match gives null (no open redirect).
 */
export async function recordClick(
  ctx: SendContext,
  query: { issueId: string; url: string; signature: string; reader?: string },
): Promise<string | null> {
  const secret = ctx.config.secret;
  if (!secret || !verifyClick(secret, query.issueId, query.url, query.signature)) return null;
  if (ctx.config.tracking.enabled) {
    const subscriberId = await readerOf(ctx, query.reader);
    await new EngagementRepo(ctx.db).record(
      { issueId: query.issueId, kind: "click", target: query.url, subscriberId },
      new Date().toISOString(),
    );
  }
  return query.url;
}

/** An open (the pixel was loaded); counted only when tracking is on and the signature matches. */
export async function recordOpen(
  ctx: SendContext,
  query: { issueId: string; signature: string; reader?: string },
): Promise<boolean> {
  const secret = ctx.config.secret;
  if (!secret || !ctx.config.tracking.enabled || !verifyOpen(secret, query.issueId, query.signature)) return false;
  const subscriberId = await readerOf(ctx, query.reader);
  await new EngagementRepo(ctx.db).record(
    { issueId: query.issueId, kind: "open", target: "", subscriberId },
    new Date().toISOString(),
  );
  return true;
}

export async function engagementStats(ctx: SendContext, issueId: string): Promise<EngagementStats> {
  return new EngagementRepo(ctx.db).stats(issueId, ctx.config.tracking.perReader);
}
