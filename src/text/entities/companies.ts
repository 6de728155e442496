import { listedCompanies } from "./company-data-listed.ts";
import { labCompanies, privateCompanies } from "./company-data-private.ts";

/**
 * A company the AI industry writes about. `ticker` is the company's own listing, or for a subsidiary its listed
 * parent's (AWS → AMZN). `parent` names the company whose name entities normalise to ("AWS" → "Amazon").
 */
export type Company = {
  name: string;
  aliases: string[];
  ticker: string | null;
  parent?: string;
  kind: "listed" | "lab" | "private";
  /** 0..1, how much an editor of an AI-industry briefing cares about the company. */
  prominence: number;
};

/** The maintained table: listed companies and their units, AI labs, private companies and investors. */
export const companies: readonly Company[] = Object.freeze([...listedCompanies, ...labCompanies, ...privateCompanies]);

const byKey = new Map<string, Company>();
const byTicker = new Map<string, Company>();
for (const company of companies) {
  for (const key of [company.name, ...company.aliases]) {
    const folded = foldName(key);
    if (!byKey.has(folded)) byKey.set(folded, company);
  }
  // A subsidiary shares its parent's ticker; the ticker finds the parent, not the unit.
  if (company.ticker && !company.parent) byTicker.set(company.ticker.toUpperCase(), company);
}

/** Lower case, no possessive, no corporate suffix, single spaces: "Broadcom Inc." and "broadcom" meet. */
function foldName(name: string): string {
  return name
    .replace(/['’]s$/u, "")
    .replace(/[,\s]+(?:inc|corp|corporation|co|company|ltd|llc|plc|ag|sa|nv|se)\.?$/iu, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Finds a company by its name, an alias or its ticker (case-insensitive; "Inc.", "Corp." and a possessive are
 * ignored). Returns null when the name is not in the table.
 *
 * @example
 * findCompany("AWS")?.parent // "Amazon"
 * findCompany("NVDA")?.name // "Nvidia"
 */
export function findCompany(nameOrAlias: string): Company | null {
  const cached = lookups.get(nameOrAlias);
  if (cached !== undefined) return cached;
  const trimmed = nameOrAlias.trim().replace(/^\$/, "");
  // Tickers are written in capitals; "now" is a word, "NOW" is ServiceNow.
  const found =
    byKey.get(foldName(trimmed)) ?? (trimmed === trimmed.toUpperCase() ? byTicker.get(trimmed) : undefined) ?? null;
  // Stages look up the same few hundred names again and again; the cache is bounded for unknown names.
  if (lookups.size >= 10_000) lookups.clear();
  lookups.set(nameOrAlias, found);
  return found;
}

const lookups = new Map<string, Company | null>();

/** The company whose name a mention normalises to: the top of the parent chain ("Google DeepMind" → Alphabet). */
export function rootCompany(company: Company): Company {
  let current = company;
  for (let depth = 0; current.parent && depth < 4; depth += 1) {
    const parent = byKey.get(foldName(current.parent));
    if (!parent || parent === current) break;
    current = parent;
  }
  return current;
}

/** The company listed under a ticker, e.g. for "(NASDAQ: NVDA)". */
export function companyByTicker(ticker: string): Company | null {
  return byTicker.get(ticker.toUpperCase()) ?? null;
}
