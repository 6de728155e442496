import type { Config } from "../config/schema.ts";
import {
  type IssueEmail,
  issueEmail,
  type Mailer,
  type Outcome,
  RateLimiter,
  type Recipient,
  type RunTotals,
  runSend,
  type SendEvent,
  type SendLedger,
} from "../deliver/index.ts";
import { DaybriefError } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { DeliveryCounts, UncertainPolicy } from "../model/delivery.ts";
import type { Issue } from "../model/issue.ts";
import type { Db } from "../store/db.ts";
import { type ClaimedRow, DeliveriesRepo } from "../store/deliveries-repo.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { LeasesRepo } from "../store/leases-repo.ts";
import { SuppressionsRepo } from "../store/suppressions-repo.ts";
import { leaseOwner } from "./lease-owner.ts";
import { defaultLeaseMs, sendInProgress, takeSendLease } from "./send-lease.ts";
import { openMailer, sendSettings } from "./send-settings.ts";

export type { SendEvent };

export type SendContext = { config: Readonly<Config>; db: Db; log: Logger };

export type SendIssueOptions = {
  issueId: string;
  policy: UncertainPolicy;
  /** Told once the ledger is ready: how many recipients are left and how many earlier messages were in doubt. */
  onStart?: (start: SendStart) => void;
  onEvent?: (event: SendEvent) => void;
  /** Aborting stops claiming; what is in flight finishes and is recorded. */
  signal?: AbortSignal;
  /** A transport other than the configured SMTP server (the benchmark's baseline uses the same one). */
  mailer?: Mailer;
  leaseMs?: number;
  /**
   * The holder of a lease the caller took with `takeSendLease` and releases itself: a scheduled send holds the
   * issue's lease from its claim until its final state is written, so no moment shows it started and unowned.
   */
  holder?: string;
};

export type SendStart = {
  issue: Pick<Issue, "id" | "edition" | "editionName" | "date" | "title">;
  status: "started" | "resumed" | "finished";
  /** Recipients still to send (queued or found in flight). */
  queued: number;
  /** Messages left in flight by an earlier send that stopped: resent or left alone by the policy. */
  recovered: number;
  inFlight: number;
};

export type SendReport = SendStart & {
  totals: RunTotals;
  counts: DeliveryCounts;
  /** The first failures of the issue (all runs), with the server's reply. */
  failures: Array<{ email: string | null; code: string | null; error: string | null }>;
  interrupted: boolean;
  /** True when no recipient is left queued: the issue is marked sent. */
  finished: boolean;
  elapsedMs: number;
};

/**
 * Sends an approved issue to every confirmed subscriber of its edition, or resumes a send that stopped. One
 * process at a time holds the issue's lease; the ledger (src/store/deliveries-repo.ts) records each claim and result
 * in transactions, so a kill at any instant leaves at most `pool × pipelining` messages in doubt, and the next
 * run resends them (policy `resend`) or leaves them (`skip`) and counts them either way.
 *
 * @example
 * const report = await sendIssue(ctx, { issueId: "is_1a2b", policy: "resend", onEvent: draw });
 */
export async function sendIssue(ctx: SendContext, options: SendIssueOptions): Promise<SendReport> {
  const settings = sendSettings(ctx.config);
  const started = Date.now();
  const issue = await new IssuesRepo(ctx.db).get(options.issueId);
  if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${options.issueId}".`);
  if (issue.status === "draft") {
    throw new DaybriefError("E_ISSUE_NOT_APPROVED", `Issue ${issue.id} is a draft; only an approved issue is sent.`);
  }
  const leaseMs = options.leaseMs ?? defaultLeaseMs;
  const leases = new LeasesRepo(ctx.db);
  const holder = options.holder ?? leaseOwner();
  const taken = await takeSendLease(ctx.db, issue.id, holder, leaseMs);
  if (!taken.ok) throw sendInProgress(issue.id, taken.lease);
  const mailer = options.mailer ?? (await openMailer(settings));
  try {
    const deliveries = new DeliveriesRepo(ctx.db);
    const now = new Date().toISOString();
    const begun = await deliveries.start(issue.id, issue.edition, now);
    const recovered = await deliveries.recover(issue.id, options.policy, now);
    const inFlight = settings.smtp.pool * settings.smtp.pipelining;
    const start: SendStart = {
      issue: {
        id: issue.id,
        edition: issue.edition,
        editionName: issue.editionName,
        date: issue.date,
        title: issue.title,
      },
      status: begun.status,
      queued: begun.queued,
      recovered,
      inFlight,
    };
    ctx.log.info({ issue_id: issue.id, status: begun.status, queued: begun.queued, recovered }, "send starting");
    options.onStart?.(start);
    const email = await composeIssue(ctx.config, settings, issue);
    const ledger = ledgerFor(ctx, {
      issueId: issue.id,
      edition: issue.edition,
      holder,
      leaseMs,
      policy: options.policy,
      email,
    });
    const limiter = new RateLimiter({
      perSecond: settings.smtp.ratePerSecond,
      perHour: settings.smtp.ratePerHour,
      sentLastHour:
        settings.smtp.ratePerHour > 0 ? await deliveries.sentSince(new Date(Date.now() - 3_600_000).toISOString()) : 0,
    });
    const result = await runSend({
      ledger,
      mailer,
      compose: (recipient) => email.compose(recipient),
      inFlight,
      limiter,
      maxAttempts: ctx.config.deliver.maxAttempts,
      retry: { baseMs: ctx.config.deliver.retryBaseMs, maxMs: ctx.config.deliver.retryMaxMs },
      pause: { firstMs: 1000, maxMs: 30_000, giveUpMs: ctx.config.deliver.pauseGiveUpMinutes * 60_000 },
      leaseRenewMs: Math.max(1000, Math.floor(leaseMs / 3)),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const finished = result.interrupted ? false : await deliveries.finish(issue.id, new Date().toISOString());
    const counts = await deliveries.counts(issue.id);
    const failures = (await deliveries.rows(issue.id, ["failed"], 20)).map((r) => ({
      email: r.email,
      code: r.errorCode,
      error: r.error,
    }));
    ctx.log.info({ issue_id: issue.id, ...result.totals, finished }, "send stopped");
    return {
      ...start,
      totals: result.totals,
      counts,
      failures,
      interrupted: result.interrupted,
      finished,
      elapsedMs: Date.now() - started,
    };
  } finally {
    if (!options.mailer) await mailer.close();
    if (!options.holder) await leases.release(issue.id, holder).catch(() => {});
  }
}

/** The issue rendered once as the email every reader gets, with their details spliced in per message. */
export async function composeIssue(
  config: Readonly<Config>,
  settings: ReturnType<typeof sendSettings>,
  issue: Issue,
  subjectPrefix = "",
): Promise<IssueEmail> {
  const { renderers } = await import("../render/index.ts");
  const renderOptions = {
    siteName: config.siteName,
    siteUrl: settings.siteUrl,
    tipsUrl: `${settings.siteUrl}/tips`,
    unsubscribeUrl: "{{unsubscribe_url}}",
    footerLines: ["This email was sent to {{recipient}}.", `${config.siteName} · ${settings.postalAddress}`],
  };
  const [html, text] = await Promise.all([renderers.html(issue, renderOptions), renderers.text(issue, renderOptions)]);
  return issueEmail({
    issueId: issue.id,
    edition: issue.edition,
    editionName: issue.editionName,
    subject: `${subjectPrefix}${issue.title}`,
    html,
    text,
    from: settings.from,
    replyTo: settings.replyTo,
    baseUrl: settings.siteUrl,
    secret: settings.secret,
    tracking: config.tracking,
  });
}

type LedgerSettings = {
  issueId: string;
  edition: string;
  holder: string;
  leaseMs: number;
  policy: UncertainPolicy;
  email: IssueEmail;
};

/** The engine's SendLedger over the deliveries table; SMTP bounces feed the suppression list as they come. */
function ledgerFor(ctx: SendContext, s: LedgerSettings): SendLedger {
  const deliveries = new DeliveriesRepo(ctx.db);
  const suppressions = new SuppressionsRepo(ctx.db);
  const leases = new LeasesRepo(ctx.db);
  const addresses = new Map<string, string>();
  const perReader = ctx.config.tracking.enabled && ctx.config.tracking.perReader;
  const toRecipient = (row: ClaimedRow): Recipient => {
    addresses.set(row.subscriberId, row.email);
    return {
      subscriberId: row.subscriberId,
      email: row.email,
      name: row.name,
      attempts: row.attempts,
      tracking: perReader && row.tracking !== 0,
    };
  };
  return {
    async settle(outcomes: Outcome[], claim: number) {
      const now = new Date().toISOString();
      const result = await deliveries.settle(outcomes, claim, {
        issueId: s.issueId,
        edition: s.edition,
        holder: s.holder,
        leaseMs: s.leaseMs,
        policy: s.policy,
        messageIdDomain: s.email.messageIdDomain,
        now,
      });
      if (result.held) await recordBounces(outcomes);
      for (const outcome of outcomes)
        if (outcome.kind !== "retry" && outcome.kind !== "unsent") addresses.delete(outcome.subscriberId);
      return { claimed: result.claimed.map(toRecipient), skipped: result.skipped, held: result.held };
    },
    nextDue: () => deliveries.nextDue(s.issueId),
    renew: () => leases.renew(s.issueId, s.holder, s.leaseMs, new Date().toISOString()),
  };

  async function recordBounces(outcomes: Outcome[]): Promise<void> {
    for (const outcome of outcomes) {
      if (outcome.kind !== "failed" || (outcome.bounce !== "hard" && outcome.bounce !== "soft")) continue;
      const email = addresses.get(outcome.subscriberId);
      if (!email) continue;
      const now = new Date().toISOString();
      const record = {
        email,
        kind: outcome.bounce,
        source: "smtp" as const,
        detail: outcome.reason,
        issueId: s.issueId,
      };
      const suppressed = await suppressions.record(record, ctx.config.deliver.bounceThreshold, now);
      ctx.log.info(
        { issue_id: s.issueId, subscriber_id: outcome.subscriberId, bounce: outcome.bounce, suppressed },
        "bounce",
      );
    }
  }
}
