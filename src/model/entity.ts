/** What the stories stage understands in a text: named things, amounts, and how the news reads for a company. */

export type EntityType = "org" | "person" | "place" | "money" | "quantity" | "product";

export type Entity = {
  type: EntityType;
  /** As written in the text. */
  text: string;
  /** Canonical form: "Amazon" for "AWS", "$11000000000" → "USD 11B" for money, "2.2 GW" for a quantity. */
  normalized: string;
  /** Stock ticker of a listed company (or of its listed parent). */
  ticker?: string;
  /** Money in US dollars; a quantity's number. */
  value?: number;
  /** A quantity's unit ("GW", "parameters", "tokens", "GPUs", "x", "nm"…). */
  unit?: string;
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
};

export type SentimentLabel = "positive" | "neutral" | "negative";

export type Sentiment = { label: SentimentLabel; score: number };

/** Sentiment towards one company in a text, from the sentences that mention it. */
export type EntitySentiment = {
  normalized: string;
  ticker: string | null;
  /** True when the text says what happened to the company by the market's measure (shares, results, guidance). */
  verdict?: boolean;
} & Sentiment;

export type Analysis = {
  entities: Entity[];
  sentiment: Sentiment;
  entitySentiments: EntitySentiment[];
};
