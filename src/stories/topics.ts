import type { Config } from "../config/schema.ts";
import type { Topic } from "../model/story.ts";
import { contentTokens } from "./tokens.ts";

/**
 * The default taxonomy, drawn from the house formats' section names. Keywords are matched on folded word forms
 * (see contentTokens), so "chips" matches "chip". Editors can replace the list in the config (`topics`).
 */
export const defaultTopics: Topic[] = [
  {
    id: "compute",
    label: "The Compute Moat",
    theme: "The Compute Moat",
    keywords: [
      "chip",
      "chipmaker",
      "gpu",
      "tpu",
      "accelerator",
      "semiconductor",
      "foundry",
      "wafer",
      "nanometre",
      "nanometer",
      "nm",
      "hbm",
      "memory",
      "dram",
      "nand",
      "datacenter",
      "data",
      "centre",
      "center",
      "campus",
      "power",
      "energy",
      "gigawatt",
      "megawatt",
      "nuclear",
      "grid",
      "electricity",
      "cooling",
      "rack",
      "server",
      "ultraserver",
      "supercomputer",
      "trainium",
      "graviton",
      "blackwell",
      "rubin",
      "h100",
      "h200",
      "b200",
      "nvlink",
      "interconnect",
      "photonic",
      "optical",
      "compute",
      "capex",
      "cpu",
      "arm",
      "tsmc",
      "fab",
      "export",
    ],
  },
  {
    id: "agents",
    label: "Agentic Frontier",
    theme: "The Agentic Frontier",
    keywords: [
      "agent",
      "agentic",
      "autonomous",
      "robot",
      "robotics",
      "humanoid",
      "automation",
      "workflow",
      "mcp",
      "tool",
      "assistant",
      "copilot",
      "coding",
      "kiro",
      "devops",
      "browser",
      "embodied",
      "self-driving",
      "driving",
      "vehicle",
      "manipulation",
      "factory",
    ],
  },
  {
    id: "models",
    label: "Models",
    theme: "The Model Race",
    keywords: [
      "model",
      "llm",
      "open-weight",
      "weights",
      "parameter",
      "release",
      "releases",
      "launch",
      "benchmark",
      "reasoning",
      "multimodal",
      "video",
      "image",
      "text-to-video",
      "gpt",
      "gemini",
      "claude",
      "llama",
      "mistral",
      "deepseek",
      "qwen",
      "nova",
      "kling",
      "runway",
      "flux",
      "checkpoint",
      "fine-tuning",
      "inference",
      "token",
      "context",
      "mixture-of-experts",
      "moe",
      "leaderboard",
    ],
  },
  {
    id: "money",
    label: "Money",
    theme: "Follow the Money",
    keywords: [
      "funding",
      "raise",
      "round",
      "valuation",
      "valued",
      "investor",
      "investment",
      "invest",
      "stake",
      "ipo",
      "listing",
      "acquire",
      "acquisition",
      "acquires",
      "merger",
      "deal",
      "buy",
      "earnings",
      "revenue",
      "quarter",
      "quarterly",
      "guidance",
      "forecast",
      "shares",
      "stock",
      "profit",
      "loss",
      "margin",
      "analyst",
      "market",
      "series",
      "billion",
      "million",
      "bond",
      "debt",
      "partnership",
    ],
  },
  {
    id: "research",
    label: "Research",
    theme: "Notes from the Lab",
    keywords: [
      "paper",
      "arxiv",
      "neurips",
      "icml",
      "iclr",
      "research",
      "researcher",
      "study",
      "abstract",
      "experiment",
      "dataset",
      "training",
      "attention",
      "transformer",
      "reinforcement",
      "theorem",
      "benchmark",
      "scaling",
      "method",
      "architecture",
    ],
    sourceKinds: ["arxiv"],
  },
  {
    id: "policy",
    label: "Policy",
    theme: "The New Rulebook",
    keywords: [
      "regulation",
      "regulator",
      "regulatory",
      "lawmaker",
      "legislation",
      "legislature",
      "congress",
      "senate",
      "senator",
      "parliament",
      "lawsuit",
      "sue",
      "sued",
      "court",
      "judge",
      "ruling",
      "copyright",
      "antitrust",
      "ban",
      "tariff",
      "pre-emption",
      "preemption",
      "compliance",
      "eu",
      "commission",
      "ftc",
      "doj",
      "prosecutor",
      "indictment",
      "governor",
      "sanction",
      "export",
      "bill",
      "act",
      "law",
    ],
  },
];

export type TopicInput = { title: string; text: string; sourceKinds: string[] };

/**
 * The topic a story belongs to: each topic scores keyword hits in the titles (three times) and leads of its
 * items, plus a bonus when its items come from the topic's source kinds (arXiv → Research).
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
  for (const [i, topic] of topics.entries()) {
    const keywords = keywordSets[i] as Set<string>;
    let score = 0;
    for (const item of tokenized) {
      for (const token of item.title) if (keywords.has(token)) score += 3;
      let leadHits = 0;
      for (const token of item.lead) if (keywords.has(token)) leadHits += 1;
      score += Math.min(leadHits, 12);
      if (topic.sourceKinds?.some((kind) => item.kinds.includes(kind))) score += 25;
    }
    scores[topic.id] = score / Math.max(1, items.length);
  }
  const best = topics.reduce((top, t) => ((scores[t.id] ?? 0) > (scores[top.id] ?? 0) ? t : top), topics[0] as Topic);
  return { topic: best.id, scores };
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
