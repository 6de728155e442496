/**
 * MinHash signatures over word shingles, and LSH banding to find near-copies (syndicated wire text, the same
 * press release) without comparing every pair.
 */
const prime = 4_294_967_311; // first prime above 2^32

export type MinHasher = { signature(words: string[]): Uint32Array; readonly size: number };

/** A hasher with `size` permutations from a fixed seed: the same text gets the same signature in every process. */
export function createMinHasher(size = 64, shingle = 3, seed = 0x9e3779b9): MinHasher {
  const a = new Array<number>(size);
  const b = new Array<number>(size);
  let state = seed >>> 0;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  for (let i = 0; i < size; i += 1) {
    a[i] = (next() % (prime - 1)) + 1;
    b[i] = next() % prime;
  }
  return {
    size,
    signature(words) {
      const signature = new Uint32Array(size).fill(0xffffffff);
      const count = Math.max(1, words.length - shingle + 1);
      for (let s = 0; s < count; s += 1) {
        let h = 0x811c9dc5;
        for (let w = s; w < Math.min(words.length, s + shingle); w += 1) {
          const word = words[w] as string;
          for (let c = 0; c < word.length; c += 1) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193) >>> 0;
          h = Math.imul(h ^ 32, 0x01000193) >>> 0;
        }
        for (let i = 0; i < size; i += 1) {
          // (a*h + b) mod p without overflow: split a into high and low 16 bits.
          const ai = a[i] as number;
          const v = ((((ai >>> 16) * h) % prime) * 65536 + (ai & 0xffff) * h + (b[i] as number)) % prime;
          if (v < (signature[i] as number)) signature[i] = v;
        }
      }
      return signature;
    },
  };
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < x.length; i += 1) if (x[i] === y[i]) same += 1;
  return same / x.length;
}

/** LSH index: signatures split into bands; two signatures sharing any whole band are candidates. */
export class LshIndex<T> {
  readonly #bands: number;
  readonly #rows: number;
  readonly #buckets = new Map<string, T[]>();

  constructor(bands: number, rows: number) {
    this.#bands = bands;
    this.#rows = rows;
  }

  #keys(signature: Uint32Array): string[] {
    const keys: string[] = [];
    for (let band = 0; band < this.#bands; band += 1) {
      let key = `${band}:`;
      for (let r = 0; r < this.#rows; r += 1) key += `${(signature[band * this.#rows + r] as number).toString(36)},`;
      keys.push(key);
    }
    return keys;
  }

  add(signature: Uint32Array, value: T): void {
    for (const key of this.#keys(signature)) {
      const bucket = this.#buckets.get(key);
      if (bucket) bucket.push(value);
      else this.#buckets.set(key, [value]);
    }
  }

  query(signature: Uint32Array): Set<T> {
    const found = new Set<T>();
    for (const key of this.#keys(signature)) for (const value of this.#buckets.get(key) ?? []) found.add(value);
    return found;
  }
}
