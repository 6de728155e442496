import type { Analysis, Sentiment } from "../model/entity.ts";
import type { Topic } from "../model/story.ts";
import { analyzeText } from "./analyze.ts";
import { toSentiment } from "./sentiment/score-sentiment.ts";
import { type StorySubject, storySubject } from "./subject.ts";
import { classifyTopic, defaultTopics } from "./topics.ts";

/** One member of a story as description reads it; `analysis` is of "title, blank line, text" when known. */
export type DescribedMember = {
  title: string;
  text: string;
  sourceKind?: string;
  /** The outlet's name ("OpenAI Blog"): a company's own post is about that company. */
  source?: string;
  analysis?: Analysis;
};

export type StoryDescription = { subject: StorySubject | null; topic: string; sentiment: Sentiment };

/**
 * What a story is about (its subject), where it is filed (its topic) and how it reads for its subject (the mean
 * tone of its items): what `stories cluster --jsonl` prints and the store keeps with each story.
 */
export function describeStory(members: DescribedMember[], topics: Topic[] = defaultTopics): StoryDescription {
  const analyses = members.map((m) => m.analysis ?? analyzeText(`${m.title}\n\n${m.text}`, { fast: true }));
  const subject = storySubject(
    members.map((m, i) => ({
      title: m.title,
      text: m.text,
      entities: analyses[i]?.entities ?? [],
      ...(m.source ? { source: m.source } : {}),
    })),
  );
  const topic = classifyTopic(
    members.map((m) => ({ title: m.title, text: m.text, sourceKinds: [m.sourceKind ?? "news"] })),
    topics,
  ).topic;
  let sum = 0;
  for (const analysis of analyses) sum += Math.atanh(Math.max(-0.999, Math.min(0.999, analysis.sentiment.score)));
  const sentiment = toSentiment(analyses.length ? sum / analyses.length : 0);
  return { subject, topic, sentiment };
}
