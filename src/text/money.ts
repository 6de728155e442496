/**
 * An amount in US dollars as a reader sees it in a short label: "$11B", "$4.75B", "$300M", "$1.2T". (Entities carry
 * their canonical form, "USD 11B", in `normalized`; this is the display form, for rank factors and the like.)
 *
 * @example
 * formatUsd(4.75e9) // "$4.75B"
 */
export function formatUsd(value: number): string {
  if (value >= 1e12) return `$${trim(value / 1e12)}T`;
  if (value >= 1e9) return `$${trim(value / 1e9)}B`;
  if (value >= 1e6) return `$${trim(value / 1e6)}M`;
  if (value >= 1e3) return `$${trim(value / 1e3)}K`;
  return `$${trim(value)}`;
}

function trim(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1).replace(/\.0$/, "") : n.toFixed(2).replace(/\.?0+$/, "");
}
