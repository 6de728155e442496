/**
 * The pace a mail provider allows: messages per second and per hour, as two token buckets. A second's budget may
 * be spent at once (a burst of at most one second's worth); the hour's budget starts from what the ledger says
 * was already sent in the last hour, so a restart does not spend it twice. A rate of 0 means no limit.
 */
export type RateLimitOptions = { perSecond: number; perHour: number; sentLastHour?: number; now?: number };

export class RateLimiter {
  readonly #perSecond: number;
  readonly #perHour: number;
  #second: number;
  #hour: number;
  #at: number;

  constructor(options: RateLimitOptions) {
    this.#perSecond = options.perSecond;
    this.#perHour = options.perHour;
    this.#second = options.perSecond;
    this.#hour = Math.max(0, options.perHour - (options.sentLastHour ?? 0));
    this.#at = options.now ?? Date.now();
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#at) / 1000;
    this.#at = now;
    if (this.#perSecond > 0) this.#second = Math.min(this.#perSecond, this.#second + elapsed * this.#perSecond);
    if (this.#perHour > 0) this.#hour = Math.min(this.#perHour, this.#hour + (elapsed * this.#perHour) / 3600);
  }

  /** How many messages may start now (capped at `want`). */
  available(want: number, now = Date.now()): number {
    this.#refill(now);
    let n = want;
    if (this.#perSecond > 0) n = Math.min(n, Math.floor(this.#second));
    if (this.#perHour > 0) n = Math.min(n, Math.floor(this.#hour));
    return Math.max(0, n);
  }

  /** Spends the budget of `n` messages that are starting. */
  take(n: number, now = Date.now()): void {
    this.#refill(now);
    if (this.#perSecond > 0) this.#second -= n;
    if (this.#perHour > 0) this.#hour -= n;
  }

  /** Milliseconds until one more message may start (0 when one may start now). */
  waitMs(now = Date.now()): number {
    this.#refill(now);
    let wait = 0;
    if (this.#perSecond > 0 && this.#second < 1) wait = Math.max(wait, ((1 - this.#second) / this.#perSecond) * 1000);
    if (this.#perHour > 0 && this.#hour < 1) wait = Math.max(wait, ((1 - this.#hour) / this.#perHour) * 3_600_000);
    return Math.ceil(wait);
  }
}

/**
 * Exponential backoff with jitter: `base × 2^(attempt−1)`, capped at `max`, then a random half to full of it so
 * that recipients refused together are not retried together.
 *
 * @example
 * backoffMs(3, { baseMs: 60_000, maxMs: 1_800_000 }) // between 120 000 and 240 000
 */
export function backoffMs(attempt: number, options: { baseMs: number; maxMs: number }, random = Math.random): number {
  const full = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full * (0.5 + random() / 2));
}
