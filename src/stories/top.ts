/**
 * Offers `index` to a list of the best indexes by `scores`, highest first, holding at most `top.length`; ties keep
 * the order they were offered in (what a stable sort and a slice would give); `accept`, when given, must also hold.
 * Returns the list's new size. For short lists, on hot paths: no allocation, no sort.
 *
 * @example
 * let size = 0;
 * for (const i of candidates) size = offerTop(best, size, i, scores);
 * best.subarray(0, size); // the best indexes, best first
 */
export function offerTop(
  top: Int32Array,
  size: number,
  index: number,
  scores: ArrayLike<number>,
  accept?: (index: number) => boolean,
): number {
  const score = scores[index] as number;
  const limit = top.length;
  if (size === limit && (limit === 0 || score <= (scores[top[size - 1] as number] as number))) return size;
  // A costlier condition is only asked of an index that would make the list.
  if (accept && !accept(index)) return size;
  let at = size < limit ? size : size - 1;
  while (at > 0 && (scores[top[at - 1] as number] as number) < score) {
    top[at] = top[at - 1] as number;
    at -= 1;
  }
  top[at] = index;
  return size < limit ? size + 1 : size;
}
