/**
 * MinHash signatures over word shingles, and LSH banding to find near-copies (syndicated wire text, the same
 * press release) without comparing every pair.
 */
export type MinHasher = {
  signature(words: string[]): Uint32Array;
  /**
   * The signature of `text.toLowerCase().split(/\s+/)` (up to `limit` words), read without making the words or the
   * lower-cased copy; `null` when the text has fewer than `least` words.
   */
  textSignature(text: string, limit: number, least?: number): Uint32Array | null;
  readonly size: number;
};

/** FNV-1a of one word. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < word.length; c += 1) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193);
  return h >>> 0;
}

const lowered = new Map<number, string>();
/** The lower case of one UTF-16 unit beyond ASCII (cached: news uses few of them). */
function lowerCase(c: number): string {
  let lower = lowered.get(c);
  if (lower === undefined) {
    lower = String.fromCharCode(c).toLowerCase();
    if (lowered.size < 4096) lowered.set(c, lower);
  }
  return lower;
}

/** What `/\s/` matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Word hashes (as signed 32-bit integers) of `text.toLowerCase().split(/\s+/)` (the first `limit` words) into `into`; returns how many. Like
 * `split`, a text that starts or ends with white space has an empty first or last word. Letters are lower-cased one
 * by one, so the few whose lower case depends on context (a final Greek sigma) may hash differently from
 * `toLowerCase`: the signature only has to be the same for the same text.
 */
export function splitWordHashes(text: string, limit: number, into: Int32Array): number {
  let count = 0;
  let h = 0x811c9dc5 | 0;
  let inSpace = 0;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // ASCII, the usual case, without branches (word ends are unpredictable): `space` is 1 for white space, the
      // hash takes the lower-cased character otherwise, and a word is emitted where white space starts.
      const space = asciiSpace[c] as number;
      const emit = space & (inSpace ^ 1);
      into[count] = h;
      count += emit;
      const next = Math.imul(h ^ (asciiLower[c] as number), 0x01000193);
      const keep = -space;
      h = (next & ~keep) | (h & keep);
      const reset = -emit;
      h = (h & ~reset) | (0x811c9dc5 & reset);
      inSpace = space;
      if (count >= limit) return count;
    } else if (isSpace(c)) {
      if (inSpace) continue;
      inSpace = 1;
      into[count++] = h;
      if (count >= limit) return count;
      h = 0x811c9dc5 | 0;
    } else {
      inSpace = 0;
      const lower = lowerCase(c);
      for (let k = 0; k < lower.length; k += 1) h = Math.imul(h ^ lower.charCodeAt(k), 0x01000193);
    }
  }
  into[count++] = h;
  return count;
}

/** ASCII codes lower-cased, and which are white space (what `/\s/` matches below 128). */
const asciiLower = Uint8Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
const asciiSpace = Uint8Array.from({ length: 128 }, (_, c) => (c === 32 || (c >= 9 && c <= 13) ? 1 : 0));

/**
 * A one-permutation MinHash with `size` bins: each shingle is hashed once (FNV-1a over word hashes, then mixed), its
 * top bits pick a bin and the bin keeps its smallest value; empty bins borrow from the next filled one. The same
 * text gets the same signature in every process, and the cost is one hash per shingle instead of `size`.
 */
export function createMinHasher(size = 64, shingle = 3, seed = 0x9e3779b9): MinHasher {
  const bits = Math.log2(size);
  if (!Number.isInteger(bits)) throw new Error("MinHash size must be a power of two");
  let scratch = new Int32Array(512);
  const minima = new Int32Array(size);
  /** The signature of the first `count` word hashes in `wordHashes`. */
  const fromHashes = (wordHashes: Int32Array, length: number): Uint32Array => {
    // Minima kept as signed keys (value ^ 2^31) in an Int32Array: V8 compares small integers, not doubles.
    const keys = minima.fill(0x7fffffff);
    const count = Math.max(1, length - shingle + 1);
    const shift = 32 - bits;
    for (let s = 0; s < count; s += 1) {
      let h = seed;
      const end = Math.min(length, s + shingle);
      for (let w = s; w < end; w += 1) h = Math.imul(h ^ (wordHashes[w] as number), 0x01000193);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      const bin = h >>> shift;
      const key = (h << bits) ^ 0x80000000;
      if (key < (keys[bin] as number)) keys[bin] = key;
    }
    const signature = new Uint32Array(size);
    for (let i = 0; i < size; i += 1) signature[i] = ((keys[i] as number) ^ 0x80000000) >>> 0;
    // Densify: an empty bin takes the value of the next filled bin (circularly), marked with its distance so that
    // two signatures agree on it only when both borrowed from the same place.
    for (let i = 0; i < size; i += 1) {
      if (signature[i] !== 0xffffffff) continue;
      for (let step = 1; step < size; step += 1) {
        const from = signature[(i + step) % size] as number;
        if (from !== 0xffffffff && from < 0xfffffff0) {
          signature[i] = (Math.imul(from ^ step, 0x9e3779b1) >>> 0) | 0;
          break;
        }
      }
    }
    return signature;
  };
  return {
    size,
    signature(words) {
      const hashes = new Int32Array(words.length);
      for (let w = 0; w < words.length; w += 1) hashes[w] = wordHash(words[w] as string);
      return fromHashes(hashes, words.length);
    },
    textSignature(text, limit, least = 0) {
      const most = Math.min(limit, text.length + 1);
      if (scratch.length < most) scratch = new Int32Array(most);
      const count = splitWordHashes(text, most, scratch);
      return count < least ? null : fromHashes(scratch, count);
    },
  };
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < x.length; i += 1) if (x[i] === y[i]) same += 1;
  return same / x.length;
}

/**
 * LSH index: signatures split into bands; two signatures sharing any whole band are candidates. One map per band,
 * keyed by the band's rows hashed to a 32-bit integer (a small integer to V8, so no boxed keys).
 */
export class LshIndex<T> {
  readonly #bands: number;
  readonly #rows: number;
  readonly #buckets: Array<Map<number, T[]>>;

  constructor(bands: number, rows: number) {
    this.#bands = bands;
    this.#rows = rows;
    this.#buckets = Array.from({ length: bands }, () => new Map<number, T[]>());
  }

  #key(signature: Uint32Array, band: number): number {
    let h = 0x811c9dc5;
    for (let r = 0; r < this.#rows; r += 1) h = Math.imul(h ^ (signature[band * this.#rows + r] as number), 0x01000193);
    return h | 0;
  }

  add(signature: Uint32Array, value: T): void {
    for (let band = 0; band < this.#bands; band += 1) {
      const buckets = this.#buckets[band] as Map<number, T[]>;
      const key = this.#key(signature, band);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(value);
      else buckets.set(key, [value]);
    }
  }

  /** Calls `found` for every value sharing a band with the signature, band by band (a value may come more than once). */
  forEachMatch(signature: Uint32Array, found: (value: T) => void): void {
    for (let band = 0; band < this.#bands; band += 1) {
      const bucket = this.#buckets[band]?.get(this.#key(signature, band));
      if (bucket) for (let i = 0; i < bucket.length; i += 1) found(bucket[i] as T);
    }
  }

  query(signature: Uint32Array): Set<T> {
    const found = new Set<T>();
    this.forEachMatch(signature, (value) => found.add(value));
    return found;
  }

  /** Drops values no longer wanted (stories out of the time window), so the index does not grow forever. */
  prune(keep: (value: T) => boolean): void {
    // In place: new maps every few thousand items would make the index's memory churn.
    for (const buckets of this.#buckets) {
      buckets.forEach((bucket, key) => {
        if (keepInPlace(bucket, keep) === 0) buckets.delete(key);
      });
    }
  }
}

/** Keeps the values of a list that pass, in place and in order; returns how many are left. */
export function keepInPlace<T>(list: T[], keep: (value: T) => boolean): number {
  let size = 0;
  for (let i = 0; i < list.length; i += 1) if (keep(list[i] as T)) list[size++] = list[i] as T;
  list.length = size;
  return size;
}
