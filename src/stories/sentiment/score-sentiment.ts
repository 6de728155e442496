import type { Entity, Sentiment, SentimentLabel } from "../../model/entity.ts";
import { extractEntities } from "../../text/entities/extract-entities.ts";
import { comparisonTone } from "./comparisons.ts";
import { type Evidence, scoreSentence } from "./score-sentence.ts";
import { type Sentence, sentenceWords } from "./sentences.ts";

/**
 * Scores at or beyond ±THRESHOLD are positive or negative; between them, neutral. Fitted on data: 5-fold
 * cross-validation on test/eval/fixtures/sentiment-dev.jsonl chose 0.35 in three folds of five (0.475 in the
 * others), up from 0.2; a wider band leaves plain corporate statements ("completed its buyback") neutral, as
 * readers do. 0.3 keeps most of that gain (docs/stories.md) without muting one clear move in a two-sentence text
 * ("Synopsys rose…" before a sentence of background).
 */
export const THRESHOLD = 0.3;

/** How much a sentence's words count beside a comparison of its figures. */
const COMPARED_WORDS = 0.3;

export type ScoredSentence = Sentence & { score: number; evidence: Evidence[] };

/** Each sentence of a text with its raw score and evidence. */
export function scoreSentences(text: string, entities: readonly Entity[] = extractEntities(text)): ScoredSentence[] {
  return sentenceWords(text, entities).map((sentence) => {
    const scored = scoreSentence(sentence.words);
    const compared = comparisonTone(text.slice(sentence.start, sentence.end));
    if (compared === 0) return { ...sentence, ...scored };
    // A figure set against an earlier one is the sentence's verdict: "the loss" alone reads badly, "a loss of 1.8
    // compared with 4.6" well, so the words' own tone counts less than a third beside it.
    const evidence = [
      ...scored.evidence.map((e) => ({ ...e, value: e.value * COMPARED_WORDS })),
      { value: compared, at: sentence.start, verdict: true },
    ];
    return { ...sentence, score: scored.score * COMPARED_WORDS + compared, evidence };
  });
}

/** A raw score (a sum of evidence) as a sentiment in -1..1 with its label. */
export function toSentiment(raw: number): Sentiment {
  const score = Math.round(Math.tanh(raw) * 1000) / 1000;
  const label: SentimentLabel = score >= THRESHOLD ? "positive" : score <= -THRESHOLD ? "negative" : "neutral";
  return { label, score };
}

/** How much a sentence without any evidence counts in a text's mean: background dilutes the tone, but less. */
const TONELESS_WEIGHT = 0.5;

/**
 * The text's tone: the mean over its sentences, the first (a headline or a lead) counting twice and sentences
 * without evidence half. A background sentence ("In October an outage disrupted…") does not set the tone of an
 * article about something else.
 */
export function combineSentences(sentences: readonly ScoredSentence[]): Sentiment {
  let sum = 0;
  let weight = 0;
  sentences.forEach((sentence, i) => {
    const w = (i === 0 ? 2 : 1) * (sentence.evidence.length ? 1 : TONELESS_WEIGHT);
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
