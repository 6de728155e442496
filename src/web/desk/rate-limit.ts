/**
 * Counts events per key over a sliding window, in memory: the sign-in and tip limits. A process restart forgets
 * the counts (the tips form also counts stored tips, which survive one).
 */
export class WindowLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Whether the key has used up its allowance in the window ending now. */
  blocked(key: string, now = Date.now()): boolean {
    return this.#recent(key, now).length >= this.#limit;
  }

  /** Milliseconds until the key may try again (0 when it may now). */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.#limit) return 0;
    return Math.max(0, (recent[recent.length - this.#limit] as number) + this.#windowMs - now);
  }

  record(key: string, now = Date.now()): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#hits.set(key, recent);
    if (this.#hits.size > 10_000) this.#sweep(now);
  }

  clear(key: string): void {
    this.#hits.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#hits.get(key) ?? []).filter((t) => t > now - this.#windowMs);
  }

  #sweep(now: number): void {
    for (const [key, times] of this.#hits) if (!times.some((t) => t > now - this.#windowMs)) this.#hits.delete(key);
  }
}
