/**
 * The stories stage's entry: what other stages, the pipeline and the command line use of it. Editions read
 * sentiment, topics and trends through this file only, never the stage's internals; entities, tokens and the
 * commentary test are shared text helpers in src/text/.
 */
export { analyzeText } from "./analyze.ts";
export {
  type AssignmentReason,
  assignStories,
  type ClusteredStory,
  type Clustering,
  type ClusterOptions,
  clusterItems,
  type ItemAssignment,
  storyId,
} from "./cluster-items.ts";
export { type DescribedMember, describeStory, type StoryDescription } from "./describe.ts";
export type { ClusterInput } from "./features.ts";
export { type LeadCandidate, leadItem, type NoveltyMember, NoveltyTracker } from "./novelty.ts";
export { rankStory } from "./rank.ts";
export {
  type Embedder,
  type EmbeddingCache,
  type EmbedReport,
  embeddingText,
  embedItems,
  MemoryEmbeddingCache,
} from "./semantic/embed-items.ts";
export { EmbeddingsClient } from "./semantic/embeddings-client.ts";
export { type JudgeCache, type JudgeModel, type JudgeReport, PairJudge } from "./semantic/judge.ts";
export { assignStoriesJudged, type JudgeBand } from "./semantic/judged-clustering.ts";
export { aggregateTickerSentiment, type TickerSentiment, type TickerSentimentItem } from "./sentiment/aggregate.ts";
export { scoreSentiment } from "./sentiment/score-sentiment.ts";
export { type StorySubject, storySubject } from "./subject.ts";
export { classifyTopic, configuredTopics, defaultTopics } from "./topics.ts";
export { computeTrends, type Mention, type Trend } from "./trends.ts";
