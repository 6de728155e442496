/**
 * Figures set against earlier ones: "revenue of USD 11.3 bn, compared with USD 7.75 bn a year earlier" reads well
 * although no direction word says so, "an operating loss of EUR 1.8 mn, compared with a loss of EUR 4.6 mn" reads
 * well too (the loss shrank), and "sold 2.2 million vehicles, compared with 3.2 million" badly. Ratings moved "to
 * stable from negative" read by the order of the ratings.
 */

/** A financial object before the first figure, and whether more of it is good (+1) or bad (−1). */
const objects: [RegExp, number][] = [
  [/\b(?:net |operating |pre-tax |pretax )?(?:loss|losses|deficit)\b/i, -1],
  [/\b(?:costs?|expenses|debt|impairments?|charges?|provisions?|bad loans|write-downs?)\b/i, -1],
  [
    /\b(?:revenues?|sales|turnover|profit|profits|income|earnings|ebitda|ebit|eps|margin|orders|order intake|bookings|backlog|deliveries|shipments|volumes?|sold|customers|users|subscribers|cash flow|dividend|vehicles|units)\b/i,
    1,
  ],
];

const amount = String.raw`(?:(?:USD|EUR|GBP|SEK|NOK|DKK|CHF|JPY|CNY|INR|KRW|US\$|\$|€|£|¥)\s?)?(\d[\d,]*(?:\.\d+)?)\s?(%|bn|billion|mn|million|m|thousand|k|trillion|tn)?`;
const against = String.raw`(?:compared\s+(?:with|to)|from|versus|vs\.?|against|up\s+from|down\s+from)`;
const comparison = new RegExp(
  String.raw`${amount}[^.;]{0,40}?\b${against}\s+(?:an?\s+(?:\w+\s+)?(?:loss|profit|deficit)\s+of\s+)?(?:about\s+|around\s+|roughly\s+)?${amount}`,
  "i",
);

const scale: Record<string, number> = {
  "%": 1,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
  tn: 1e12,
  trillion: 1e12,
};

function figure(digits: string | undefined, unit: string | undefined): number {
  return Number((digits ?? "").replace(/,/g, "")) * (scale[(unit ?? "").toLowerCase()] ?? 1);
}

/** How strongly a figure set against an earlier one counts: as much as a plain "rose" or "fell" of its object. */
const COMPARISON_WEIGHT = 0.8;
const RATING_WEIGHT = 0.7;
/** A change smaller than this share of the earlier figure reads as flat. */
const FLAT = 0.03;

const ratingOrder = ["negative", "stable", "positive"];
const rating = /\bto\s+(negative|stable|positive)\s+from\s+(negative|stable|positive)\b/i;

/**
 * The tone of a sentence's comparisons of figures (and rating outlooks), 0 when it makes none. A comparison whose
 * object the sentence does not name before it is left alone: without it the direction means nothing.
 */
export function comparisonTone(sentence: string): number {
  let tone = 0;
  const moved = rating.exec(sentence);
  if (moved) {
    const to = ratingOrder.indexOf((moved[1] ?? "").toLowerCase());
    const from = ratingOrder.indexOf((moved[2] ?? "").toLowerCase());
    tone += Math.sign(to - from) * RATING_WEIGHT;
  }
  const found = comparison.exec(sentence);
  if (!found) return tone;
  // "USD 11.3 bn … compared with USD 7.75 bn": a second figure without a unit takes the first one's.
  const now = figure(found[1], found[2]);
  const then = figure(found[3], found[4] ?? found[2]);
  // "EUR 41.2 mn compared with EUR 41.0 mn" is flat, not growth.
  if (!(now > 0 && then > 0) || Math.abs(now - then) / then < FLAT) return tone;
  const before = sentence.slice(Math.max(0, found.index - 80), found.index);
  const good = objectSign(before);
  return tone + (good === 0 ? 0 : Math.sign(now - then) * good * COMPARISON_WEIGHT);
}

/** The nearest financial object in `text` (its end counts most): +1, −1, or 0 when there is none. */
function objectSign(text: string): number {
  let best = -1;
  let sign = 0;
  for (const [pattern, good] of objects) {
    const all = [...text.matchAll(new RegExp(pattern.source, "gi"))];
    const last = all[all.length - 1];
    if (last && last.index > best) {
      best = last.index;
      sign = good;
    }
  }
  return sign;
}
