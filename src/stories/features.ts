import type { Entity } from "../model/entity.ts";
import type { MinHasher } from "./minhash.ts";
import { contentTokens, leadWords } from "./tokens.ts";

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

/** What clustering compares: weighted terms, the things named, the amounts stated, and a near-copy signature. */
export type ItemFeatures = {
  id: string;
  title: string;
  time: number;
  /** Term counts of title (counted twice) and lead. */
  counts: Map<string, number>;
  titleTerms: string[];
  /** Canonical entity keys: "org:amazon", "product:trainium3", "person:jensen huang". */
  entityKeys: Set<string>;
  /** The entity keys named in the title: what the item is mainly about. */
  titleEntityKeys: Set<string>;
  /** Amounts stated: "money:2000000000", "quantity:gw:2.2". */
  amountKeys: Set<string>;
  signature: Uint32Array;
};

export type FeatureOptions = {
  hasher: MinHasher;
  entities: (text: string) => Entity[];
  /** Words of the body read after the title; the lead carries the who, what and how much. */
  leadWords?: number;
};

export function itemFeatures(input: ClusterInput, options: FeatureOptions): ItemFeatures {
  const lead = leadWords(input.text ?? "", options.leadWords ?? 90);
  const counts = new Map<string, number>();
  const add = (token: string, by: number) => counts.set(token, (counts.get(token) ?? 0) + by);
  const titleTerms = contentTokens(input.title ?? "");
  for (const token of titleTerms) add(token, 2);
  for (const token of contentTokens(lead)) add(token, 1);
  const titleLength = (input.title ?? "").length;
  const entities = options.entities(`${input.title ?? ""}\n${lead}`);
  const entityKeys = new Set<string>();
  const titleEntityKeys = new Set<string>();
  const amountKeys = new Set<string>();
  for (const entity of entities) {
    if (entity.type === "money" && entity.value !== undefined) amountKeys.add(`money:${roundValue(entity.value)}`);
    else if (entity.type === "quantity" && entity.value !== undefined) {
      amountKeys.add(`quantity:${(entity.unit ?? "").toLowerCase()}:${roundValue(entity.value)}`);
    } else if (entity.type !== "money" && entity.type !== "quantity") {
      const key = `${entity.type}:${entity.normalized.toLowerCase()}`;
      entityKeys.add(key);
      if (entity.start < titleLength) titleEntityKeys.add(key);
    }
  }
  const words = leadWords(input.text ?? "", 400)
    .toLowerCase()
    .split(/\s+/);
  return {
    id: input.id,
    title: input.title ?? "",
    time: input.published ? Date.parse(input.published) || 0 : 0,
    counts,
    titleTerms,
    entityKeys,
    titleEntityKeys,
    amountKeys,
    signature: options.hasher.signature(
      words.length >= 8 ? words : `${input.title} ${input.text}`.toLowerCase().split(/\s+/),
    ),
  };
}

/** Three significant digits: "$2 billion" and "$2.0bn" meet, "$2.1 billion" does not. */
function roundValue(value: number): string {
  if (value === 0) return "0";
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  return String(Math.round(value / magnitude) * magnitude);
}
