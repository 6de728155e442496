/**
 * Counts actions per key (a client address, an account) over a sliding window: at most `limit` in any `windowMs`.
 * The one limiter of the web app — desk sign-ins, sign-ups and preference changes, tips. Counts live in this
 * process's memory: a restart forgets them, and two `serve` processes count apart (see docs/web.md). Memory stays
 * bounded: a key keeps its last `limit` times only, and past `maxKeys` keys the idle ones go, then the oldest.
 *
 * @example
 * const limiter = new WindowLimiter({ limit: 5, windowMs: 3_600_000 });
 * if (!limiter.take("203.0.113.9")) return c.text("Too many requests", 429);
 */
export class WindowLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;

  constructor(options: { limit: number; windowMs: number; maxKeys?: number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  /** Whether the key has used up its allowance in the window ending now. */
  blocked(key: string, now = Date.now()): boolean {
    return this.#recent(key, now).length >= this.#limit;
  }

  /** Counts one action of the key, allowed or not (a failed sign-in). */
  record(key: string, now = Date.now()): void {
    const recent = [...this.#recent(key, now), now].slice(-this.#limit);
    this.#hits.delete(key);
    this.#hits.set(key, recent);
    if (this.#hits.size > this.#maxKeys) this.#prune(now);
  }

  /** Counts one action if the key may act now; false (and nothing counted) when it may not. */
  take(key: string, now = Date.now()): boolean {
    if (this.blocked(key, now)) return false;
    this.record(key, now);
    return true;
  }

  /** Forgets the key's actions (a successful sign-in clears its account's failures). */
  clear(key: string): void {
    this.#hits.delete(key);
  }

  /** Whole seconds until the key may act again: 0 when it may now, else at least 1 (for Retry-After). */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.#limit) return 0;
    const oldest = recent[recent.length - this.#limit] as number;
    return Math.max(1, Math.ceil((oldest + this.#windowMs - now) / 1000));
  }

  #recent(key: string, now: number): number[] {
    return (this.#hits.get(key) ?? []).filter((t) => t > now - this.#windowMs);
  }

  #prune(now: number): void {
    for (const [key, times] of this.#hits) if (!times.some((t) => t > now - this.#windowMs)) this.#hits.delete(key);
    // Keys are kept in the order they last acted: the first ones are the longest idle.
    for (const key of this.#hits.keys()) {
      if (this.#hits.size <= this.#maxKeys) break;
      this.#hits.delete(key);
    }
  }
}
