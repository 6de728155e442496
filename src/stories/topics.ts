import type { Config } from "../config/schema.ts";
import type { Topic } from "../model/story.ts";
import { contentTokens } from "../text/tokens.ts";
import { defaultTopics } from "./topic-taxonomy.ts";

export { defaultTopics };

export type TopicInput = { title: string; text: string; sourceKinds: string[] };

/** Points for each keyword in a title, each (up to LEAD_CAP) in an item's lead, and for the topic's source kinds. */
const TITLE_KEYWORD = 3;
const LEAD_CAP = 12;
const SOURCE_KIND = 25;
/**
 * Points for each of a topic's cues a title matches (up to CUE_CAP): a title says what happened ("raises $300M",
 * "hires Apple's design chief"), which decides the topic more than the vocabulary around it.
 */
const CUE = 6;
const CUE_CAP = 2;

/**
 * The topic a story belongs to: each topic scores keyword hits in the titles (three times) and leads of its
 * items, what its cues find in the titles, plus a bonus when its items come from the topic's source kinds
 * (arXiv → Research).
 */
export function classifyTopic(
  items: TopicInput[],
  topics: Topic[] = defaultTopics,
): { topic: string; scores: Record<string, number> } {
  const keywordSets = keywordSetsOf(topics);
  // Each item is tokenized once, whatever the number of topics.
  const tokenized = items.map((item) => ({
    title: contentTokens(item.title),
    lead: contentTokens(item.text.slice(0, 800)),
    kinds: item.sourceKinds,
  }));
  const scores: Record<string, number> = {};
  const cueSets = cuesOf(topics);
  for (const [i, topic] of topics.entries()) {
    const keywords = keywordSets[i] as Set<string>;
    const cues = cueSets[i] as RegExp[];
    let score = 0;
    for (const [n, item] of tokenized.entries()) {
      for (const token of item.title) if (keywords.has(token)) score += TITLE_KEYWORD;
      let leadHits = 0;
      for (const token of item.lead) if (keywords.has(token)) leadHits += 1;
      score += Math.min(leadHits, LEAD_CAP);
      if (topic.sourceKinds?.some((kind) => item.kinds.includes(kind))) score += SOURCE_KIND;
      const title = items[n]?.title ?? "";
      let cueHits = 0;
      for (const cue of cues) cueHits += (title.match(cue) ?? []).length;
      score += CUE * Math.min(cueHits, CUE_CAP);
    }
    scores[topic.id] = score / Math.max(1, items.length);
  }
  const best = topics.reduce((top, t) => ((scores[t.id] ?? 0) > (scores[top.id] ?? 0) ? t : top), topics[0] as Topic);
  return { topic: best.id, scores };
}

const cueCache = new WeakMap<Topic[], RegExp[][]>();

function cuesOf(topics: Topic[]): RegExp[][] {
  let sets = cueCache.get(topics);
  if (!sets) {
    sets = topics.map((t) => (t.cues ?? []).map((source) => new RegExp(source, "gi")));
    cueCache.set(topics, sets);
  }
  return sets;
}

const keywordCache = new WeakMap<Topic[], Set<string>[]>();

function keywordSetsOf(topics: Topic[]): Set<string>[] {
  let sets = keywordCache.get(topics);
  if (!sets) {
    sets = topics.map((t) => new Set(t.keywords.flatMap((k) => contentTokens(k))));
    keywordCache.set(topics, sets);
  }
  return sets;
}

/** The taxonomy in force: the config's `topics` when set, else the built-in one. */
export function configuredTopics(config: Readonly<Config>): Topic[] {
  return config.topics.length
    ? config.topics.map((t) => ({
        ...t,
        keywords: [...t.keywords],
        ...(t.sourceKinds ? { sourceKinds: [...t.sourceKinds] } : {}),
      }))
    : defaultTopics;
}
