import { DaybriefError } from "../errors.ts";
import { classifyReply } from "./bounce.ts";
import type { Outcome, Recipient, SendLedger } from "./ledger.ts";
import { type Mailer, MailFailure, type OutgoingMessage } from "./mailer.ts";
import { backoffMs, type RateLimiter } from "./rate-limit.ts";

export type SendEvent =
  | { type: "progress"; totals: RunTotals }
  | { type: "paused"; reason: string; retryInMs: number }
  | { type: "resumed"; pausedMs: number }
  | { type: "waiting"; until: string };

/** What this run did (a resumed send counts only its own part). */
export type RunTotals = { sent: number; failed: number; retried: number; uncertain: number; skipped: number };

export type SendEngineOptions = {
  ledger: SendLedger;
  mailer: Mailer;
  /** The message for one recipient, with the Message-ID it carries. */
  compose: (recipient: Recipient) => OutgoingMessage & { messageId: string };
  /** Most messages claimed and not yet settled: the connections times the messages queued on each. */
  inFlight: number;
  limiter: RateLimiter;
  /** Attempts before a temporary failure becomes permanent. */
  maxAttempts: number;
  retry: { baseMs: number; maxMs: number };
  /** Waits while the server is unreachable: first, longest, and how long before the send gives up. */
  pause: { firstMs: number; maxMs: number; giveUpMs: number };
  leaseRenewMs: number;
  onEvent?: (event: SendEvent) => void;
  /** Aborting stops claiming; messages in flight finish and are recorded. */
  signal?: AbortSignal;
};

export type RunResult = { totals: RunTotals; interrupted: boolean };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * Sends every due delivery of the ledger. Claims and results are written in batches (one transaction records a
 * batch of results and claims as many new recipients as slots came free), so rows marked sending never exceed
 * `inFlight` — the most messages whose fate a crash can leave unknown. Temporary failures are retried with
 * backoff; an unreachable server pauses the send until it answers again (or `pause.giveUpMs` passes).
 *
 * @example
 * const result = await runSend({ ledger, mailer, compose, inFlight: 10, limiter, maxAttempts: 5, … });
 */
export async function runSend(options: SendEngineOptions): Promise<RunResult> {
  const run = new SendRun(options);
  const renew = setInterval(() => void run.renewLease(), options.leaseRenewMs);
  try {
    return await run.loop();
  } finally {
    clearInterval(renew);
  }
}

class SendRun {
  readonly #o: SendEngineOptions;
  readonly totals: RunTotals = { sent: 0, failed: 0, retried: 0, uncertain: 0, skipped: 0 };
  #active = 0;
  #pending: Outcome[] = [];
  #wake: (() => void) | null = null;
  #down: { since: number; reason: string } | null = null;
  #stop: DaybriefError | null = null;
  #leaseLost = false;
  #lastSettle = 0;

  constructor(options: SendEngineOptions) {
    this.#o = options;
  }

  async renewLease(): Promise<void> {
    if (!(await this.#o.ledger.renew().catch(() => true))) {
      this.#leaseLost = true;
      this.#notify();
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #waitForWork(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async loop(): Promise<RunResult> {
    const { inFlight } = this.#o;
    const batch = Math.max(1, Math.floor(inFlight / 2));
    let exhausted = false;
    for (;;) {
      if (this.#leaseLost) throw this.#lostLease();
      const stopping = this.#o.signal?.aborted || this.#stop !== null;
      const paused = this.#down !== null;
      const room = inFlight - this.#active;
      const claimable = stopping || paused || exhausted ? 0 : this.#o.limiter.available(room);
      const sinceSettle = Date.now() - this.#lastSettle;
      const flush =
        this.#pending.length >= batch || (this.#pending.length > 0 && (this.#active === 0 || sinceSettle >= 20));
      // Claim in batches while messages are in flight (a slot that came free waits for `batch` others, or 20 ms:
      // one transaction per message would hold the event loop, and the connections, far longer than the send);
      // claim whatever may go when the connections are idle.
      const claim = claimable > 0 && (claimable >= batch || this.#active === 0 || sinceSettle >= 20);
      if (flush || claim) {
        const claimed = await this.#settle(claim ? claimable : 0);
        if (claim && claimed < claimable) exhausted = true;
        continue;
      }
      if (this.#active > 0 || this.#pending.length > 0) {
        const rateBound = !stopping && !paused && !exhausted && room > 0;
        await this.#waitForWork(
          this.#pending.length > 0 ? 20 : rateBound ? Math.max(5, this.#o.limiter.waitMs()) : 1000,
        );
        continue;
      }
      // Nothing in flight and nothing to record.
      if (this.#stop) throw this.#stop;
      if (this.#o.signal?.aborted) return { totals: this.totals, interrupted: true };
      if (paused) {
        await this.#waitOutage();
        exhausted = false;
        continue;
      }
      if (!exhausted) {
        // Only the rate limit holds the next message back.
        await sleep(Math.max(5, this.#o.limiter.waitMs()), this.#o.signal);
        continue;
      }
      const due = await this.#o.ledger.nextDue();
      if (due === null) return { totals: this.totals, interrupted: false };
      const wait = Date.parse(due) - Date.now();
      if (wait > 0) {
        this.#o.onEvent?.({ type: "waiting", until: due });
        await sleep(Math.min(wait, this.#o.leaseRenewMs), this.#o.signal);
      }
      exhausted = false;
    }
  }

  #lostLease(): DaybriefError {
    return new DaybriefError(
      "E_SEND_IN_PROGRESS",
      "This process lost its lease on the issue (it was unable to renew it in time) and stopped sending.",
    );
  }

  async #settle(claim: number): Promise<number> {
    const outcomes = this.#pending;
    this.#pending = [];
    this.#lastSettle = Date.now();
    const settled = await this.#o.ledger.settle(outcomes, claim);
    if (!settled.held) {
      this.#leaseLost = true;
      return 0;
    }
    // Counted once they are durable: a progress report never counts a result the ledger could still lose.
    for (const outcome of outcomes) this.#count(outcome);
    this.totals.skipped += settled.skipped;
    this.#o.limiter.take(settled.claimed.length);
    for (const recipient of settled.claimed) this.#start(recipient);
    if (outcomes.length || settled.skipped) this.#o.onEvent?.({ type: "progress", totals: { ...this.totals } });
    return settled.claimed.length;
  }

  #start(recipient: Recipient): void {
    this.#active += 1;
    let messageId = "";
    Promise.resolve()
      .then(() => {
        const message = this.#o.compose(recipient);
        messageId = message.messageId;
        return this.#o.mailer.send(message);
      })
      .then(
        (receipt): Outcome => ({
          subscriberId: recipient.subscriberId,
          kind: "sent",
          messageId,
          response: receipt.response,
        }),
        (error: unknown) => this.#failure(recipient, error),
      )
      .then((outcome) => {
        this.#active -= 1;
        this.#pending.push(outcome);
        this.#notify();
      });
  }

  #count(outcome: Outcome): void {
    if (outcome.kind === "sent") this.totals.sent += 1;
    else if (outcome.kind === "failed") this.totals.failed += 1;
    else if (outcome.kind === "retry") this.totals.retried += 1;
    else if (outcome.kind === "uncertain") this.totals.uncertain += 1;
  }

  #failure(recipient: Recipient, error: unknown): Outcome {
    const id = recipient.subscriberId;
    if (!(error instanceof MailFailure)) {
      const reason = error instanceof Error ? error.message : String(error);
      return { subscriberId: id, kind: "failed", code: "E_INTERNAL", reason, bounce: null };
    }
    const attempt = recipient.attempts + 1;
    const retryAt = new Date(Date.now() + backoffMs(attempt, this.#o.retry)).toISOString();
    const reason = error.response ?? error.message;
    switch (error.kind) {
      case "unavailable":
        this.#down ??= { since: Date.now(), reason };
        return { subscriberId: id, kind: "unsent", reason };
      case "auth":
        this.#stop ??= new DaybriefError("E_SMTP_AUTH", `The SMTP server refused the credentials: ${reason}`);
        return { subscriberId: id, kind: "unsent", reason };
      case "refused": {
        const verdict = classifyReply(error.code ?? 451, reason);
        if (verdict.permanent) {
          return { subscriberId: id, kind: "failed", code: "E_SMTP_REJECTED", reason, bounce: verdict.bounce };
        }
        break;
      }
      case "lost":
        if (error.bodySent)
          return { subscriberId: id, kind: "uncertain", reason: `no reply after the message: ${reason}`, retryAt };
        break;
    }
    if (attempt >= this.#o.maxAttempts) {
      return { subscriberId: id, kind: "failed", code: "E_SMTP_TEMPORARY", reason, bounce: null };
    }
    return { subscriberId: id, kind: "retry", reason, retryAt };
  }

  /** The server is unreachable: wait, probe, and either resume or give up. */
  async #waitOutage(): Promise<void> {
    const down = this.#down as { since: number; reason: string };
    let delay = this.#o.pause.firstMs;
    for (;;) {
      if (Date.now() - down.since >= this.#o.pause.giveUpMs) {
        throw new DaybriefError(
          "E_SMTP_UNAVAILABLE",
          `The SMTP server has not answered for ${Math.round((Date.now() - down.since) / 60_000)} min (${down.reason}); the send stopped with the rest still queued.`,
        );
      }
      this.#o.onEvent?.({ type: "paused", reason: down.reason, retryInMs: delay });
      await sleep(delay, this.#o.signal);
      if (this.#o.signal?.aborted || this.#leaseLost) return;
      try {
        await this.#o.mailer.verify();
        this.#down = null;
        this.#o.onEvent?.({ type: "resumed", pausedMs: Date.now() - down.since });
        return;
      } catch (error) {
        if (error instanceof MailFailure && error.kind === "auth") {
          throw new DaybriefError("E_SMTP_AUTH", `The SMTP server refused the credentials: ${error.message}`);
        }
        down.reason = error instanceof Error ? error.message : String(error);
        delay = Math.min(delay * 2, this.#o.pause.maxMs);
      }
    }
  }
}
