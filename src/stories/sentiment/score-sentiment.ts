import type { Entity, Sentiment, SentimentLabel } from "../../model/entity.ts";
import { extractEntities } from "../entities/extract-entities.ts";
import { type Evidence, scoreSentence } from "./score-sentence.ts";
import { type Sentence, sentenceWords } from "./sentences.ts";

/** Scores at or beyond ±THRESHOLD are positive or negative; between them, neutral. */
export const THRESHOLD = 0.2;

export type ScoredSentence = Sentence & { score: number; evidence: Evidence[] };

/** Each sentence of a text with its raw score and evidence. */
export function scoreSentences(text: string, entities: readonly Entity[] = extractEntities(text)): ScoredSentence[] {
  return sentenceWords(text, entities).map((sentence) => ({ ...sentence, ...scoreSentence(sentence.words) }));
}

/** A raw score (a sum of evidence) as a sentiment in -1..1 with its label. */
export function toSentiment(raw: number): Sentiment {
  const score = Math.round(Math.tanh(raw) * 1000) / 1000;
  const label: SentimentLabel = score >= THRESHOLD ? "positive" : score <= -THRESHOLD ? "negative" : "neutral";
  return { label, score };
}

/**
 * The text's tone: the mean over its sentences, the first (a headline or a lead) counting twice. A background
 * sentence ("In October an outage disrupted…") does not set the tone of an article about something else.
 */
export function combineSentences(sentences: readonly ScoredSentence[]): Sentiment {
  let sum = 0;
  let weight = 0;
  sentences.forEach((sentence, i) => {
    const w = i === 0 ? 2 : 1;
    sum += w * sentence.score;
    weight += w;
  });
  return weight === 0 ? { label: "neutral", score: 0 } : toSentiment(sum / weight);
}

/**
 * Financial-news sentiment of a text, from the point of view of the companies it is about: "shares fell after the
 * miss" is negative, "raises $2 billion" positive, "plans to" neutral.
 *
 * @example
 * scoreSentiment("Intel's quarterly loss narrowed sharply.") // { label: "positive", score: 0.72 }
 */
export function scoreSentiment(text: string): Sentiment {
  return combineSentences(scoreSentences(text));
}
