// The tables behind money and quantity extraction: exchange rates, number scales, number words and unit names.

/**
 * US dollars per unit of each currency. EUR, GBP, CNY and JPY are the project's fixed evaluation rates; the others
 * are rounded 2025 averages. A briefing compares amounts, so a fixed rate is enough and keeps results reproducible.
 */
export const usdPerUnit: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CNY: 0.14,
  JPY: 0.0067,
  AUD: 0.65,
  CAD: 0.72,
  HKD: 0.128,
  TWD: 0.031,
  SGD: 0.74,
  KRW: 0.00072,
  INR: 0.012,
  CHF: 1.13,
};

/** Multipliers of "k", "million", "bn"…, by their lower-case form. */
export const scaleValue: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  trn: 1e12,
  tn: 1e12,
  t: 1e12,
};

/** Numbers written as words that a quantity may start with ("six gigawatts"). */
export const wordNumbers: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  fifty: 50,
  hundred: 100,
};

/** Canonical unit of each written unit, by its lower-case singular form. */
export const unitNames: Readonly<Record<string, string>> = {
  gw: "GW",
  gigawatt: "GW",
  mw: "MW",
  megawatt: "MW",
  kw: "kW",
  kilowatt: "kW",
  parameter: "parameters",
  params: "parameters",
  token: "tokens",
  gpu: "GPUs",
  "graphics processing units": "GPUs",
  chip: "chips",
  accelerator: "chips",
  tpu: "chips",
  xpu: "chips",
  nm: "nm",
  nanometre: "nm",
  nanometer: "nm",
  "tb/s": "TB/s",
  "gb/s": "GB/s",
  tb: "TB",
  gb: "GB",
  pb: "PB",
  petaflops: "petaflops",
  pflops: "petaflops",
  exaflops: "exaflops",
  eflops: "exaflops",
};
