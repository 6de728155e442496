import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { normalizeEmail } from "../deliver/index.ts";
import { DaybriefError } from "../errors.ts";
import { canonicalUrl, escapeText, toCandidates } from "../ingest/index.ts";
import type { FeedItem } from "../model/feed.ts";
import { ItemsRepo } from "../store/items-repo.ts";
import { SourcesRepo } from "../store/sources-repo.ts";
import { type Tip, type TipStatus, TipsRepo } from "../store/tips-repo.ts";
import { singleLine } from "../text/controls.ts";
import type { SendContext } from "./send-issue.ts";

export type { Tip, TipStatus };

/** The source accepted tips are filed under: never fetched (it is disabled), its items come from the desk. */
export const tipsSourceId = "reader-tips";

export type TipInput = { text: string; url?: string; name?: string; email?: string };

/** A key for the sender's address that is not the address: tips keep no IP, only this, to count per sender. */
export function clientKey(ctx: SendContext, address: string): string {
  return createHmac("sha256", ctx.config.secret ?? processSalt)
    .update(`tips|${address}`)
    .digest("hex")
    .slice(0, 32);
}

const processSalt = randomBytes(16).toString("hex");

/**
 * Stores a reader's tip for the desk after checking it: text required and within tips.maxChars, an optional http(s)
 * link, an optional name and address for follow-up, and no more than tips.perIpPerHour from one sender. Nothing is
 * sent anywhere, so the form cannot be used to mail third parties.
 */
export async function submitTip(ctx: SendContext, input: TipInput, client: string): Promise<Tip> {
  const text = input.text.replace(/\r\n?/g, "\n").trim();
  const max = ctx.config.tips.maxChars;
  if (!text) throw new DaybriefError("E_TIP_INVALID", "The tip is empty: say what happened.");
  if ([...text].length > max) throw new DaybriefError("E_TIP_INVALID", `The tip is longer than ${max} characters.`);
  const url = input.url?.trim() || null;
  if (url && (url.length > 2048 || !canonicalUrl(url))) {
    throw new DaybriefError("E_TIP_INVALID", "The link is not an http(s) address.");
  }
  const name = input.name ? singleLine(input.name).slice(0, 100) || null : null;
  let email: string | null = null;
  if (input.email?.trim()) {
    const checked = normalizeEmail(input.email.trim());
    if (!checked.ok) throw new DaybriefError("E_TIP_INVALID", `The address "${input.email}": ${checked.reason}.`);
    email = checked.email;
  }
  const repo = new TipsRepo(ctx.db);
  const since = new Date(Date.now() - 3_600_000).toISOString();
  if ((await repo.countFrom(client, since)) >= ctx.config.tips.perIpPerHour) {
    throw new DaybriefError("E_RATE_LIMITED", "Too many tips from this address in the last hour.");
  }
  const tip: Tip = {
    id: `tp_${randomUUID().replace(/-/g, "").slice(0, 16)}`,
    text,
    url,
    name,
    email,
    status: "new",
    createdAt: new Date().toISOString(),
    reviewedAt: null,
    reviewedBy: null,
    itemId: null,
  };
  await repo.insert(tip, client);
  ctx.log.info({ tip_id: tip.id }, "tip received");
  return tip;
}

export async function listTips(ctx: SendContext, status?: TipStatus): Promise<Tip[]> {
  return new TipsRepo(ctx.db).list(status);
}

/** The item a tip becomes: its first line as title, its text as summary, its link when it has one. */
function tipFeedItem(tip: Tip): FeedItem {
  const firstLine = tip.text.split("\n")[0] ?? tip.text;
  const title = firstLine.length > 120 ? `${firstLine.slice(0, 117).replace(/\s+\S*$/, "")}…` : firstLine;
  return {
    id: `tip:${tip.id}`,
    title,
    link: tip.url,
    summary: tip.text
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeText(p)}</p>`)
      .join(""),
    content: null,
    published: tip.createdAt,
    updated: null,
    authors: tip.name ? [{ name: tip.name, email: null, url: null }] : [],
    categories: ["tip"],
    enclosures: [],
    image: null,
    idIsPermalink: false,
  };
}

/**
 * Accepts a tip: it becomes an item of the reader-tips source, which the next story build clusters with the day's
 * coverage like any other item (so it can be ranked, selected and cited). Returns the item id.
 */
export async function acceptTip(ctx: SendContext, id: string, by: string): Promise<string> {
  const repo = new TipsRepo(ctx.db);
  const tip = await repo.get(id);
  if (!tip) throw new DaybriefError("E_TIP_INVALID", `No tip "${id}".`);
  if (tip.status !== "new") throw new DaybriefError("E_TIP_INVALID", `Tip ${id} was ${tip.status} already.`);
  const sources = new SourcesRepo(ctx.db);
  if (!(await sources.find(tipsSourceId))) {
    await sources.add({
      id: tipsSourceId,
      url: `${(ctx.config.siteUrl ?? "http://localhost").replace(/\/$/, "")}/tips`,
      name: "Reader tips",
      kind: "tips",
      weight: 1,
      origin: "cli",
      enabled: false,
    });
  }
  const now = new Date().toISOString();
  const [outcome] = await new ItemsRepo(ctx.db).upsertFromFeed(
    tipsSourceId,
    toCandidates(tipsSourceId, [tipFeedItem(tip)], null),
    now,
  );
  if (!outcome) throw new DaybriefError("E_INTERNAL", `Tip ${id} could not be stored as an item.`);
  if (!(await repo.review(id, "accepted", by, outcome.id, now))) {
    throw new DaybriefError("E_TIP_INVALID", `Tip ${id} was reviewed by someone else just now.`);
  }
  return outcome.id;
}

export async function dismissTip(ctx: SendContext, id: string, by: string): Promise<void> {
  const repo = new TipsRepo(ctx.db);
  if (!(await repo.review(id, "dismissed", by, null, new Date().toISOString()))) {
    throw new DaybriefError("E_TIP_INVALID", `Tip ${id} is not waiting for review.`);
  }
}
