/**
 * Amounts as a reader reads them: a currency, a percentage or a multiple, with the value and the precision it was
 * written to. "$8.0 billion" is not "8 billion yuan"; "about $1.1 billion" is supported by "$1.12 billion" (rounded)
 * but "$1.12 billion" is not supported by "$1.1 billion" (more precise than the source); "40 percent" is "40%" but not
 * "40 percentage points" nor "40 GW"; "4.4 times" is "4.4x".
 */
export type Amount = {
  kind: "money" | "percent" | "points" | "multiple";
  /** ISO-like currency for money ("USD", "CNY", "EUR"…); empty otherwise. */
  currency: string;
  value: number;
  /** Half a unit of the last digit written, at the amount's scale: how far a rounding may be off. */
  tolerance: number;
  start: number;
  end: number;
  text: string;
};

const scales: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  thousand: 1e3,
  k: 1e3,
};

const symbolCurrency: Record<string, string> = {
  $: "USD",
  us$: "USD",
  usd: "USD",
  hk$: "HKD",
  hkd: "HKD",
  c$: "CAD",
  a$: "AUD",
  s$: "SGD",
  nz$: "NZD",
  "€": "EUR",
  eur: "EUR",
  "£": "GBP",
  gbp: "GBP",
  "¥": "JPY",
  jpy: "JPY",
  cny: "CNY",
  rmb: "CNY",
};

const wordCurrency: Record<string, string> = {
  yuan: "CNY",
  renminbi: "CNY",
  yen: "JPY",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  dollar: "USD",
  dollars: "USD",
  won: "KRW",
  rupee: "INR",
  rupees: "INR",
};

const num = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const scale = String.raw`(?:\s*(trillion|billion|million|thousand|tn|bn|mln|mn|[tbmk])\b)?`;
const symbolMoney = new RegExp(
  String.raw`(us\$|hk\$|nz\$|[cas]\$|\$|€|£|¥|\b(?:usd|eur|gbp|jpy|cny|rmb|hkd)\s?)\s?${num}${scale}`,
  "gi",
);
const wordMoney = new RegExp(
  String.raw`${num}${scale}\s*(yuan|renminbi|yen|euros?|pounds?|dollars?|won|rupees?)\b`,
  "gi",
);
const percent = new RegExp(String.raw`${num}\s*(%|percent\b|per cent\b|percentage points?\b|pp\b)`, "gi");
const multiple = new RegExp(String.raw`${num}\s*(?:x\b|times\b|-fold\b|fold\b)`, "gi");

function parse(raw: string, scaleWord: string | undefined): { value: number; tolerance: number } {
  const digits = raw.replace(/,/g, "");
  const decimals = digits.includes(".") ? (digits.split(".")[1]?.length ?? 0) : 0;
  const factor = scaleWord ? (scales[scaleWord.toLowerCase()] ?? 1) : 1;
  return { value: Number(digits) * factor, tolerance: (0.5 / 10 ** decimals) * factor };
}

/** Every money amount, percentage and multiple a text states, in order. */
export function amountsIn(text: string): Amount[] {
  const out: Amount[] = [];
  const taken: Array<[number, number]> = [];
  const add = (a: Amount) => {
    if (taken.some(([s, e]) => a.start < e && a.end > s)) return;
    taken.push([a.start, a.end]);
    out.push(a);
  };
  for (const m of text.matchAll(symbolMoney)) {
    const symbol = (m[1] as string).trim().toLowerCase();
    const { value, tolerance } = parse(m[2] as string, m[3]);
    add({
      kind: "money",
      currency: symbolCurrency[symbol] ?? "USD",
      value,
      tolerance,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    });
  }
  for (const m of text.matchAll(wordMoney)) {
    const { value, tolerance } = parse(m[1] as string, m[2]);
    const currency = wordCurrency[(m[3] as string).toLowerCase()] ?? "";
    add({ kind: "money", currency, value, tolerance, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of text.matchAll(percent)) {
    const { value, tolerance } = parse(m[1] as string, undefined);
    const kind = /point|pp/i.test(m[2] as string) ? "points" : "percent";
    add({ kind, currency: "", value, tolerance, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of text.matchAll(multiple)) {
    const { value, tolerance } = parse(m[1] as string, undefined);
    add({ kind: "multiple", currency: "", value, tolerance, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether a source's amount supports a claimed one: same kind and currency, and the source's value rounds to the
 * claim as written (the claim may be rounder than the source, never more precise).
 */
export function supports(source: Amount, claim: Amount): boolean {
  if (source.kind !== claim.kind || source.currency !== claim.currency) return false;
  return Math.abs(source.value - claim.value) <= claim.tolerance + source.tolerance * 0.0001 + 1e-9;
}
