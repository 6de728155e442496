/**
 * A fixed-window counter per client address: at most `limit` actions per address per window. Memory stays bounded:
 * expired windows are dropped when the table grows past `maxKeys`, and past it with none expired, the oldest go.
 *
 * @example
 * const limiter = new WindowLimiter({ limit: 5, windowMs: 3_600_000 });
 * if (!limiter.take("203.0.113.9")) return c.text("Too many requests", 429);
 */
export class WindowLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: { limit: number; windowMs: number; maxKeys?: number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  /** Counts one action of `key`; false when its window is already full (nothing is counted then). */
  take(key: string, now = Date.now()): boolean {
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.#windowMs) {
      this.#prune(now);
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= this.#limit) return false;
    window.count += 1;
    return true;
  }

  /** Seconds until `key` may act again. */
  retryAfter(key: string, now = Date.now()): number {
    const window = this.#windows.get(key);
    return window ? Math.max(1, Math.ceil((window.start + this.#windowMs - now) / 1000)) : 0;
  }

  #prune(now: number): void {
    if (this.#windows.size < this.#maxKeys) return;
    for (const [key, window] of this.#windows) if (now - window.start >= this.#windowMs) this.#windows.delete(key);
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < this.#maxKeys) break;
      this.#windows.delete(key);
    }
  }
}
