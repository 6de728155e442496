const commentaryTitle =
  /^(?:explainer|analysis|opinion|comment|column|podcast|ep\.?\s*\d+|episode\s*\d+|week in review|the week|weekly|recap|round-?up|reading notes|notes on|how|why|what)\b|^[^:]{1,40}:\s+(?:how|why|what)\b|\b(?:explained|what it means|what we know|week in review)\b/i;

/**
 * Whether a title is commentary rather than news: an explainer, analysis, opinion, podcast episode or round-up.
 * Clustering holds such items to a stricter threshold, ranking counts them apart, and Market Pulse does not read
 * the market from them.
 *
 * @example
 * commentary("Explainer: active vs total parameters") // true
 */
export function commentary(title: string): boolean {
  return commentaryTitle.test(title.trim());
}
