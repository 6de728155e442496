import type { Entity } from "../model/entity.ts";
import { contentTokens, leadWords } from "../text/tokens.ts";
import { type Interner, idsOf, TermTally } from "./intern.ts";
import type { MinHasher } from "./minhash.ts";

/** One item as clustering sees it (the `stories cluster --jsonl` input shape, plus optional source weight). */
export type ClusterInput = {
  id: string;
  title: string;
  text: string;
  url?: string | null;
  source?: string | null;
  published?: string | null;
  /** Trusted feed GUID, when known: the same GUID in two feeds is the same item. */
  guid?: string | null;
};

/**
 * What clustering compares, with every term and key interned: term counts of the title (counted twice) and lead,
 * the things named, the amounts stated, and a near-copy signature. Compact, because all of a batch's items are held
 * at once while term frequencies are counted.
 */
export type ItemFeatures = {
  id: string;
  title: string;
  time: number;
  /**
   * How much of a full lead the item gives, 0..1: content words of title and lead over `fullLead`. A two-sentence
   * feed summary is about 0.3, an article 1. Two full texts with few words in common are rarely one event; two
   * summaries often are.
   */
  fullness: number;
  /** Term ids and their counts, in the same order. */
  terms: Int32Array;
  termCounts: Int32Array;
  titleTerms: Int32Array;
  /** Canonical entity keys ("org:amazon", "product:trainium3"), interned, ascending. */
  entities: Int32Array;
  /** The entities named in the title: what the item is mainly about. */
  titleEntities: Int32Array;
  /** Amounts stated ("money:2000000000", "quantity:gw:2.2"), interned; `money` is the money among them. */
  amounts: Int32Array;
  money: Int32Array;
  products: Int32Array;
  signature: Uint32Array;
};

export type FeatureOptions = {
  hasher: MinHasher;
  entities: (text: string) => Entity[];
  interner: Interner;
  /** Words of the body read after the title; the lead carries the who, what and how much. */
  leadWords?: number;
};

const tally = new TermTally();
/** Content words of title and lead from which an item counts as a full text (an article's lead has 50 or more). */
const fullLead = 40;

export function itemFeatures(input: ClusterInput, options: FeatureOptions): ItemFeatures {
  const { interner } = options;
  const lead = leadWords(input.text ?? "", options.leadWords ?? 90);
  const titleTokens = contentTokens(input.title ?? "");
  const leadTokens = contentTokens(lead);
  for (const token of titleTokens) tally.add(interner.id(token), 2);
  for (const token of leadTokens) tally.add(interner.id(token), 1);
  const terms = tally.take();
  const titleLength = (input.title ?? "").length;
  const entityKeys: string[] = [];
  const titleEntityKeys: string[] = [];
  const amountKeys: string[] = [];
  const moneyKeys: string[] = [];
  const productKeys: string[] = [];
  for (const entity of options.entities(`${input.title ?? ""}\n${lead}`)) {
    if (entity.type === "money") {
      if (entity.value === undefined) continue;
      const key = `money:${roundValue(entity.value)}`;
      amountKeys.push(key);
      moneyKeys.push(key);
    } else if (entity.type === "quantity") {
      if (entity.value !== undefined)
        amountKeys.push(`quantity:${(entity.unit ?? "").toLowerCase()}:${roundValue(entity.value)}`);
    } else {
      const key = `${entity.type}:${entity.normalized.toLowerCase()}`;
      entityKeys.push(key);
      if (entity.type === "product") productKeys.push(key);
      if (entity.start < titleLength) titleEntityKeys.push(key);
    }
  }
  // Near-copy evidence from the first 400 words (the title too, when the body is a stub).
  const signature =
    options.hasher.textSignature(input.text ?? "", 400, 8) ??
    options.hasher.textSignature(`${input.title} ${input.text}`, Number.POSITIVE_INFINITY);
  return {
    id: input.id,
    title: input.title ?? "",
    time: input.published ? Date.parse(input.published) || 0 : 0,
    fullness: Math.min(1, (titleTokens.length + leadTokens.length) / fullLead),
    terms: terms.ids,
    termCounts: terms.counts,
    titleTerms: idsOf(interner, titleTokens),
    entities: idsOf(interner, entityKeys),
    titleEntities: idsOf(interner, titleEntityKeys),
    amounts: idsOf(interner, amountKeys),
    money: idsOf(interner, moneyKeys),
    products: idsOf(interner, productKeys),
    signature: signature as Uint32Array,
  };
}

/** Three significant digits: "$2 billion" and "$2.0bn" meet, "$2.1 billion" does not. */
function roundValue(value: number): string {
  if (value === 0) return "0";
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  return String(Math.round(value / magnitude) * magnitude);
}

/**
 * An item's features in one array, for holding a whole batch while term frequencies are counted: one typed array
 * per item instead of nine (each costs V8 about 150 bytes on top of its data). `unpackFeatures` gives views on it.
 */
export type PackedFeatures = { id: string; title: string; time: number; fullness: number; data: Int32Array };

const sections = [
  "terms",
  "termCounts",
  "titleTerms",
  "entities",
  "titleEntities",
  "amounts",
  "money",
  "products",
  "signature",
] as const;

export function packFeatures(features: ItemFeatures): PackedFeatures {
  let length = sections.length;
  for (const name of sections) length += features[name].length;
  const data = new Int32Array(length);
  let at = sections.length;
  sections.forEach((name, i) => {
    const values = features[name];
    data[i] = values.length;
    for (let k = 0; k < values.length; k += 1) data[at + k] = values[k] as number;
    at += values.length;
  });
  return { id: features.id, title: features.title, time: features.time, fullness: features.fullness, data };
}

export function unpackFeatures(packed: PackedFeatures): ItemFeatures {
  const { data } = packed;
  let at = sections.length;
  const view = (i: number) => {
    const from = at;
    at += data[i] as number;
    return data.subarray(from, at);
  };
  const terms = view(0);
  const termCounts = view(1);
  const titleTerms = view(2);
  const entities = view(3);
  const titleEntities = view(4);
  const amounts = view(5);
  const money = view(6);
  const products = view(7);
  const length = data[8] as number;
  const signature = new Uint32Array(data.buffer, data.byteOffset + at * 4, length);
  return {
    id: packed.id,
    title: packed.title,
    time: packed.time,
    fullness: packed.fullness,
    terms,
    termCounts,
    titleTerms,
    entities,
    titleEntities,
    amounts,
    money,
    products,
    signature,
  };
}

/** The term and entity ids of packed features (what document frequencies count), without unpacking. */
export function packedTermsAndEntities(packed: PackedFeatures): Pick<ItemFeatures, "terms" | "entities"> {
  const { data } = packed;
  const head = sections.length;
  const terms = data.subarray(head, head + (data[0] as number));
  const entitiesFrom = head + (data[0] as number) + (data[1] as number) + (data[2] as number);
  return { terms, entities: data.subarray(entitiesFrom, entitiesFrom + (data[3] as number)) };
}
