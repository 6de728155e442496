import type { EntityType } from "../../model/entity.ts";
import { type Company, companies, rootCompany } from "./companies.ts";
import { organisations } from "./organisations.ts";
import { people } from "./people.ts";
import { places } from "./places.ts";
import { products, versionedFamilies } from "./products.ts";
import { type Token, tokenize } from "./tokenize.ts";

/** One name the gazetteer knows, as the text writes it. */
export type GazetteerEntry = {
  /** The alias exactly as written, without a final full stop. */
  alias: string;
  /** The alias ends with a full stop that the tokenizer leaves out ("Co.", "U.S."). */
  dotEnd: boolean;
  tokenCount: number;
  type: EntityType;
  normalized: string;
  ticker?: string;
  company?: Company;
  /** A product family that takes a version or an edition after it ("Gemini" → "Gemini 3 Pro"). */
  versioned?: boolean;
};

const families = new Set(versionedFamilies);
const entriesByFirstToken = new Map<string, GazetteerEntry[]>();

function add(alias: string, entry: Omit<GazetteerEntry, "alias" | "dotEnd" | "tokenCount">): void {
  const dotEnd = alias.endsWith(".");
  const bare = dotEnd ? alias.slice(0, -1) : alias;
  const tokens = tokenize(bare);
  const first = tokens[0];
  if (!first || tokens.map((t) => t.text).join("").length === 0) return;
  const list = entriesByFirstToken.get(first.text) ?? [];
  if (list.some((e) => e.alias === bare && e.dotEnd === dotEnd)) return;
  list.push({ alias: bare, dotEnd, tokenCount: tokens.length, ...entry });
  list.sort((a, b) => b.tokenCount - a.tokenCount || Number(b.dotEnd) - Number(a.dotEnd));
  entriesByFirstToken.set(first.text, list);
}

for (const company of companies) {
  const root = rootCompany(company);
  const ticker = company.ticker ?? root.ticker ?? undefined;
  for (const alias of [company.name, ...company.aliases]) {
    add(alias, { type: "org", normalized: root.name, company, ...(ticker ? { ticker } : {}) });
  }
}
for (const [name = "", ...aliases] of organisations) {
  for (const alias of [name, ...aliases]) add(alias, { type: "org", normalized: name });
}
for (const [name = "", ...aliases] of products) {
  for (const alias of [name, ...aliases])
    add(alias, { type: "product", normalized: name, versioned: families.has(name) });
}
for (const family of families) add(family, { type: "product", normalized: family, versioned: true });
for (const name of people) add(name, { type: "person", normalized: name });
for (const [name = "", ...aliases] of places) {
  for (const alias of [name, ...aliases]) {
    add(alias, { type: "place", normalized: name });
    // Datelines write places in capitals: "SAN FRANCISCO, Dec 1".
    if (alias.length > 3) add(alias.toUpperCase(), { type: "place", normalized: name });
  }
}

/** The longest gazetteer name that starts at token `index`, or null. */
export function matchGazetteer(text: string, tokens: Token[], index: number): GazetteerEntry | null {
  const first = tokens[index];
  if (!first) return null;
  const candidates = entriesByFirstToken.get(first.text);
  if (!candidates) return null;
  for (const entry of candidates) {
    const last = tokens[index + entry.tokenCount - 1];
    if (!last) continue;
    if (entry.tokenCount === 1 && entry.alias !== first.text) continue;
    if (entry.tokenCount > 1 && text.slice(first.start, last.end) !== entry.alias) continue;
    if (entry.dotEnd && text.charCodeAt(last.end) !== 46) continue;
    return entry;
  }
  return null;
}

/** The entries for one exact word, for the prefix of a compound ("California" in "California-based"). */
export function lookupWord(word: string): GazetteerEntry | null {
  const entry = entriesByFirstToken.get(word)?.find((e) => e.tokenCount === 1 && !e.dotEnd);
  return entry ?? null;
}
