/**
 * Work the web app starts that outlives the request that asked for it (a send started on the desk). `serve` stops
 * it at shutdown: stopping aborts each piece of work (a send stops claiming recipients; what is in flight finishes
 * and is recorded in the ledger) and waits for it, so the store is never closed under a send.
 *
 * @example
 * const background = new BackgroundWork();
 * void background.run((signal) => sendIssue(ctx, { issueId, policy: "resend", signal }));
 * await background.stop();
 */
export class BackgroundWork {
  readonly #controller = new AbortController();
  readonly #running = new Set<Promise<unknown>>();

  /** Runs `work` with the shutdown signal and keeps track of it until it settles. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const running = work(this.#controller.signal);
    this.#running.add(running);
    const forget = () => this.#running.delete(running);
    running.then(forget, forget);
    return running;
  }

  /** Aborts all running work and resolves once every piece has settled. */
  async stop(): Promise<void> {
    this.#controller.abort();
    await Promise.allSettled([...this.#running]);
  }
}
