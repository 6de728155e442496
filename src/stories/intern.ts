/** Terms and keys as small integers, so comparisons are merges of sorted arrays instead of string look-ups. */
export class Interner {
  readonly #ids = new Map<string, number>();

  id(key: string): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.#ids.size;
  }
}

const none = new Int32Array(0);

/** Sorted, distinct ids of keys (one shared empty array when there are none: most items state no amount). */
export function idsOf(interner: Interner, keys: readonly string[]): Int32Array {
  if (keys.length === 0) return none;
  const ids = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i += 1) ids[i] = interner.id(keys[i] as string);
  ids.sort();
  let size = 1;
  for (let i = 1; i < ids.length; i += 1) if (ids[i] !== ids[size - 1]) ids[size++] = ids[i] as number;
  return size === ids.length ? ids : ids.slice(0, size);
}

/**
 * Counts of interned terms, in the order first seen: an array indexed by id instead of a map per item. Reused
 * from item to item (`take` resets it).
 */
export class TermTally {
  #counts = new Int32Array(1024);
  readonly #seen: number[] = [];

  add(id: number, by: number): void {
    if (id >= this.#counts.length) {
      const grown = new Int32Array(Math.max(id + 1, this.#counts.length * 2));
      grown.set(this.#counts);
      this.#counts = grown;
    }
    if (this.#counts[id] === 0) this.#seen.push(id);
    this.#counts[id] = (this.#counts[id] as number) + by;
  }

  /** The ids in the order first added, with their counts; the tally is empty afterwards. */
  take(): { ids: Int32Array; counts: Int32Array } {
    const ids = Int32Array.from(this.#seen);
    const counts = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i] as number;
      counts[i] = this.#counts[id] as number;
      this.#counts[id] = 0;
    }
    this.#seen.length = 0;
    return { ids, counts };
  }
}
