import type { Analysis } from "../model/entity.ts";
import { extractEntities } from "../text/entities/extract-entities.ts";
import { entitySentimentsOf } from "./sentiment/entity-sentiments.ts";
import { combineSentences, scoreSentences } from "./sentiment/score-sentiment.ts";

export type AnalyzeOptions = {
  /**
   * Skip the per-company sentiment (`entitySentiments` is empty): for callers that need only the entities and the
   * text's tone, such as clustering a day's items.
   */
  fast?: boolean;
};

/**
 * What the stories stage understands in one text: its entities (companies with tickers, people, places, products,
 * money in US dollars, quantities with units), its financial-news sentiment, and the sentiment towards each
 * company it names.
 *
 * @example
 * analyzeText("Synopsys (SNPS) rose after Nvidia took a $2 billion stake.")
 * // { entities: [{ type: "org", text: "Synopsys", ticker: "SNPS", … }, …],
 * //   sentiment: { label: "positive", score: 0.64 },
 * //   entitySentiments: [{ normalized: "Synopsys", ticker: "SNPS", label: "positive", … }, …] }
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const entities = extractEntities(text);
  const sentences = scoreSentences(text, entities);
  return {
    entities,
    sentiment: combineSentences(sentences),
    entitySentiments: options.fast ? [] : entitySentimentsOf(sentences, entities),
  };
}
