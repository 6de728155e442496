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

/** Sorted, distinct ids of keys. */
export function idsOf(interner: Interner, keys: Iterable<string>): Int32Array {
  const ids = new Set<number>();
  for (const key of keys) ids.add(interner.id(key));
  return Int32Array.from(ids).sort();
}
