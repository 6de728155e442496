export type HostQueuesOptions = {
  /** Tasks in flight at once, over all hosts. */
  concurrency: number;
  /** Tasks in flight at once for one host. */
  perHost: number;
  /** Once aborted, no further task starts; those in flight are awaited. */
  signal?: AbortSignal;
};

/**
 * Runs `task` over `items` with one queue per host: at most `perHost` tasks of a host and `concurrency` in all run
 * at once, and hosts take turns, so a host that hangs holds only its own slots while the others carry on. Resolves
 * when every started task has settled, with the items never started (because the signal was aborted).
 *
 * @example
 * await runByHost(items, (item) => hostKey(item.url), { concurrency: 8, perHost: 2 }, fetchOne);
 */
export function runByHost<T>(
  items: readonly T[],
  hostOf: (item: T) => string,
  options: HostQueuesOptions,
  task: (item: T) => Promise<void>,
): Promise<{ notStarted: T[] }> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const host = hostOf(item);
    const queue = queues.get(host);
    if (queue) queue.push(item);
    else queues.set(host, [item]);
  }
  const active = new Map<string, number>();
  const hosts = [...queues.keys()];
  let turn = 0;
  let running = 0;
  return new Promise((resolve) => {
    const finish = () => resolve({ notStarted: [...queues.values()].flat() });
    const next = (): [string, T] | null => {
      for (let tried = 0; tried < hosts.length; tried += 1) {
        const host = hosts[(turn + tried) % hosts.length] as string;
        const queue = queues.get(host) as T[];
        if (queue.length && (active.get(host) ?? 0) < options.perHost) {
          turn = (turn + tried + 1) % hosts.length;
          return [host, queue.shift() as T];
        }
      }
      return null;
    };
    const pump = () => {
      while (!options.signal?.aborted && running < options.concurrency) {
        const picked = next();
        if (!picked) break;
        const [host, item] = picked;
        running += 1;
        active.set(host, (active.get(host) ?? 0) + 1);
        task(item)
          .catch(() => {})
          .finally(() => {
            running -= 1;
            active.set(host, (active.get(host) ?? 1) - 1);
            pump();
          });
      }
      if (running === 0) finish();
    };
    pump();
  });
}
