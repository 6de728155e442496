import type { Topic } from "../model/story.ts";

/** A built-in topic: keywords as one "|"-separated list, and cues that say what happened in a title. */
type TopicRow = Omit<Topic, "keywords"> & { keywords: string };

const rows: TopicRow[] = [
  {
    id: "compute",
    label: "The Compute Moat",
    theme: "The Compute Moat",
    keywords:
      "chip|chipmaker|gpu|tpu|accelerator|semiconductor|foundry|wafer|nanometre|nanometer|nm|hbm|memory|dram|nand|" +
      "datacenter|data|centre|center|campus|power|energy|gigawatt|megawatt|nuclear|grid|electricity|cooling|rack|" +
      "server|ultraserver|supercomputer|trainium|graviton|blackwell|rubin|h100|h200|b200|nvlink|interconnect|" +
      "photonic|optical|compute|capex|cpu|arm|tsmc|fab|export|processor|cores|qubit|quantum|lithography|euv",
    cues: [
      String.raw`\b(?:chips?|gpus?|tpus?|processors?|accelerators?|data[- ]cent(?:re|er)s?|servers?|supercomputers?|gigawatts?|foundry|fabs?|wafers?|hbm|cores)\b`,
    ],
  },
  {
    id: "agents",
    label: "Agentic Frontier",
    theme: "The Agentic Frontier",
    keywords:
      "agent|agentic|autonomous|robot|robotics|humanoid|automation|workflow|mcp|tool|assistant|copilot|kiro|" +
      "browser|embodied|self-driving|driving|vehicle|manipulation|factory|search|operator|canvas|computer-use",
    cues: [
      String.raw`\b(?:agents?|agentic|robots?|robotics|humanoids?|robotaxis?|assistant|copilot|computer use|operator|search engine|searchgpt|canvas)\b`,
    ],
  },
  {
    id: "models",
    label: "Models",
    theme: "The Model Race",
    keywords:
      "model|llm|open-weight|weights|parameter|release|releases|launch|benchmark|reasoning|multimodal|video|image|" +
      "text-to-video|gpt|gemini|claude|llama|mistral|deepseek|qwen|nova|kling|runway|flux|checkpoint|fine-tuning|" +
      "inference|token|context|mixture-of-experts|moe|leaderboard",
    cues: [
      String.raw`\b(?:models?|llms?|open[- ]weights?|weights|reasoning|multimodal|text-to-(?:video|image)|gpt-\S+|gemini \S+|claude \S+|llama \S+)\b`,
    ],
  },
  {
    id: "money",
    label: "Money",
    theme: "Follow the Money",
    keywords:
      "funding|raise|raises|round|valuation|valued|investor|investment|invest|stake|ipo|listing|acquire|acquisition|" +
      "acquires|merger|deal|buy|earnings|revenue|quarter|quarterly|guidance|forecast|shares|stock|profit|loss|" +
      "margin|analyst|market|series|billion|million|bond|debt|partnership|fund|takeover|selloff|cap",
    cues: [
      String.raw`\b(?:raises?|raised|funding|valuation|valued at|ipo|acquires?|acquired|acquisition|buys?|takeover|merger|stake|earnings|results|revenue|profit|quarter|shares|stocks?|market (?:cap|value)|selloff|sell-off|invests?|investment|fund|series [a-f])\b`,
      String.raw`[$€£¥]\s?\d`,
    ],
  },
  {
    id: "research",
    label: "Research",
    theme: "Notes from the Lab",
    keywords:
      "paper|arxiv|neurips|icml|iclr|research|researcher|study|abstract|experiment|dataset|training|attention|" +
      "transformer|reinforcement|theorem|benchmark|scaling|method|architecture|nobel|prize|olympiad|proof",
    sourceKinds: ["arxiv"],
    cues: [
      String.raw`\b(?:paper|study|studies|researchers?|nobel|olympiad|technical report|dataset|towards?|we (?:show|find|propose))\b`,
    ],
  },
  {
    id: "policy",
    label: "Policy",
    theme: "The New Rulebook",
    keywords:
      "regulation|regulator|regulatory|lawmaker|legislation|legislature|congress|senate|senator|parliament|lawsuit|" +
      "sue|sued|court|judge|ruling|copyright|antitrust|ban|tariff|pre-emption|preemption|compliance|eu|commission|" +
      "ftc|doj|prosecutor|indictment|governor|sanction|export|bill|act|law|order|veto|probe|fine|watchdog|privacy",
    cues: [
      String.raw`\b(?:sues?|sued|lawsuit|court|judge|rul(?:es|ing)|antitrust|regulators?|watchdog|bill|law|act|executive order|veto(?:es|ed)?|ban(?:s|ned)?|fines?|fined|probe|export (?:controls?|curbs?|rules?)|curbs|senate|congress|commission|governor|white house|copyright)\b`,
      // A government acting: "US unveils curbs", "Beijing bans exports", "Biden signs a memo".
      String.raw`\b(?:U\.S\.|Biden|Trump|Beijing|Washington|Brussels|Commerce|government|administration|ministry|mandate|memo|curbs?|blocked|sanctions?|distill(?:ed|ation))\b`,
    ],
  },
  {
    id: "software",
    label: "Software",
    theme: "The Builder's Stack",
    keywords:
      "software|api|sdk|ide|developer|developers|framework|library|compiler|runtime|language|typescript|python|" +
      "javascript|rust|react|node|open-source|github|vulnerability|cve|security|flaw|bug|patch|exploit|update|" +
      "app|apps|ios|android|windows|chrome|browser|database|cloud|kubernetes|devops|outage|protocol|feature|prompt",
    cues: [
      String.raw`\b(?:api|sdks?|ide|compiler|runtime|framework|library|typescript|javascript|python|rust|react|next\.js|node|cve-\d+|vulnerabilit(?:y|ies)|flaw|exploit|patch|security|outage|crash(?:es|ed)?|ios \d+|android|windows|chrome|cookies|apps?|update|protocol|system prompts?)\b`,
    ],
  },
  {
    id: "people",
    label: "People",
    theme: "The Talent War",
    keywords:
      "hire|hires|hired|joins|joined|leaves|leaving|departs|departure|exit|resigns|resigned|retires|retired|" +
      "appoints|appointed|names|chief|ceo|cfo|cto|president|executive|co-founder|founder|board|successor|poach|talent",
    cues: [
      String.raw`\b(?:hires?|hired|poach(?:es|ed)?|joins?|defects?|leaves|leaving|departs?|departure|exits?|resigns?|resigned|retires?|retired|steps? down|stepping down|appoints?|appointed|names? .{0,30}\b(?:ceo|chief|head|president)|new (?:ceo|cfo|cto|chief)|successor|co-?founders?)\b`,
    ],
  },
];

/**
 * The default taxonomy, drawn from the house formats' section names and the topics of a day's AI news: what
 * happened to a story's subject (it raised money, shipped a model, hired someone, was sued). Keywords are matched
 * on folded word forms (see contentTokens), so "chips" matches "chip"; cues are patterns read in titles. Editors can
 * replace the list in the config (`topics`).
 */
export const defaultTopics: Topic[] = rows.map((row) => ({ ...row, keywords: row.keywords.split("|") }));
