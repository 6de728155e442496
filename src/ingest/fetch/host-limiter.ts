export type HostLimiterOptions = { concurrency: number; perHost: number; delayMs: number };

type Waiter = { host: string; start: () => void };

/**
 * Limits requests in flight overall and per host, and spaces the starts of requests to one host by `delayMs`
 * so that no server sees a burst from us.
 */
export class HostLimiter {
  readonly #options: HostLimiterOptions;
  readonly #active = new Map<string, number>();
  readonly #lastStart = new Map<string, number>();
  readonly #queue: Waiter[] = [];
  #running = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: HostLimiterOptions) {
    this.#options = options;
  }

  /** Runs `task` when a slot for `host` is free; a `signal` aborted while waiting takes it out of the queue. */
  async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        this.#queue.splice(this.#queue.indexOf(waiter), 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        host,
        start: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
    try {
      return await task();
    } finally {
      this.#running -= 1;
      this.#active.set(host, (this.#active.get(host) ?? 1) - 1);
      this.#pump();
    }
  }

  #pump(): void {
    const now = Date.now();
    let soonest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.#queue.length && this.#running < this.#options.concurrency; ) {
      const waiter = this.#queue[i] as Waiter;
      const active = this.#active.get(waiter.host) ?? 0;
      const readyAt = (this.#lastStart.get(waiter.host) ?? 0) + this.#options.delayMs;
      if (active < this.#options.perHost && readyAt <= now) {
        this.#queue.splice(i, 1);
        this.#running += 1;
        this.#active.set(waiter.host, active + 1);
        this.#lastStart.set(waiter.host, now);
        waiter.start();
        continue;
      }
      if (active < this.#options.perHost) soonest = Math.min(soonest, readyAt);
      i += 1;
    }
    if (soonest !== Number.POSITIVE_INFINITY && !this.#timer) {
      this.#timer = setTimeout(
        () => {
          this.#timer = null;
          this.#pump();
        },
        Math.max(1, soonest - now),
      );
    }
  }
}
