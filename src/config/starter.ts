import type { SourceKind } from "../model/source.ts";
import { configSchema, keyTable } from "./schema.ts";

/** Real public AI sources a new install starts with; every one is a feed URL its publisher serves. */
export const starterSources: Array<{ url: string; name: string; kind: SourceKind; weight: number }> = [
  { url: "https://openai.com/news/rss.xml", name: "OpenAI News", kind: "company", weight: 1.2 },
  { url: "https://deepmind.google/blog/rss.xml", name: "Google DeepMind Blog", kind: "company", weight: 1.2 },
  { url: "https://blog.google/technology/ai/rss/", name: "Google AI (The Keyword)", kind: "company", weight: 1.0 },
  { url: "https://blogs.nvidia.com/feed/", name: "NVIDIA Blog", kind: "company", weight: 1.0 },
  {
    url: "https://aws.amazon.com/blogs/machine-learning/feed/",
    name: "AWS Machine Learning Blog",
    kind: "company",
    weight: 0.8,
  },
  { url: "https://blogs.microsoft.com/ai/feed/", name: "Microsoft AI Blog", kind: "company", weight: 1.0 },
  { url: "https://huggingface.co/blog/feed.xml", name: "Hugging Face Blog", kind: "blog", weight: 1.0 },
  {
    url: "https://techcrunch.com/category/artificial-intelligence/feed/",
    name: "TechCrunch AI",
    kind: "news",
    weight: 1.1,
  },
  {
    url: "https://www.theverge.com/rss/ai-artificial-intelligence/index.xml",
    name: "The Verge AI",
    kind: "news",
    weight: 1.0,
  },
  { url: "https://arstechnica.com/ai/feed/", name: "Ars Technica AI", kind: "news", weight: 1.0 },
  {
    url: "https://www.technologyreview.com/topic/artificial-intelligence/feed",
    name: "MIT Technology Review AI",
    kind: "news",
    weight: 1.1,
  },
  { url: "https://venturebeat.com/category/ai/feed/", name: "VentureBeat AI", kind: "news", weight: 0.9 },
  { url: "https://simonwillison.net/atom/everything/", name: "Simon Willison", kind: "blog", weight: 1.0 },
  { url: "https://importai.substack.com/feed", name: "Import AI", kind: "newsletter", weight: 1.0 },
  { url: "https://www.interconnects.ai/feed", name: "Interconnects", kind: "newsletter", weight: 0.9 },
  { url: "https://newsletter.semianalysis.com/feed", name: "SemiAnalysis", kind: "newsletter", weight: 1.0 },
  { url: "https://bair.berkeley.edu/blog/feed.xml", name: "BAIR Blog", kind: "blog", weight: 0.8 },
  { url: "https://rss.arxiv.org/rss/cs.AI", name: "arXiv cs.AI", kind: "arxiv", weight: 0.7 },
  { url: "https://rss.arxiv.org/rss/cs.LG", name: "arXiv cs.LG", kind: "arxiv", weight: 0.7 },
  { url: "https://rss.arxiv.org/rss/cs.CL", name: "arXiv cs.CL", kind: "arxiv", weight: 0.7 },
  { url: "https://www.latent.space/feed", name: "Latent Space (podcast)", kind: "podcast", weight: 0.9 },
  { url: "https://lexfridman.com/feed/podcast/", name: "Lex Fridman Podcast", kind: "podcast", weight: 0.7 },
];

/** The commented daybrief.config.yaml that `daybrief init` writes: every key with its default and its variable. */
export function starterConfigYaml(): string {
  const defaults = configSchema.parse({});
  const lines = [
    "# Daybrief configuration. Every key can also be set by the DAYBRIEF_* variable named beside it, which wins",
    "# over this file. Keys left commented out keep the default shown. Reference: docs/config.md",
    "",
  ];
  let section = "";
  for (const [key, info] of Object.entries(keyTable)) {
    if (key === "sources") continue;
    const [head, leaf] = key.includes(".") ? (key.split(".") as [string, string]) : ["", key];
    if (head !== section) {
      section = head;
      if (head) lines.push("", `${head}:`);
    }
    const value = head
      ? (defaults as unknown as Record<string, Record<string, unknown>>)[head]?.[leaf]
      : (defaults as unknown as Record<string, unknown>)[leaf];
    const indent = head ? "  " : "";
    lines.push(`${indent}# ${info.doc} (${info.env})`);
    lines.push(`${indent}# ${leaf}: ${value === undefined ? "" : JSON.stringify(value)}`);
  }
  lines.push(
    "",
    "# What Daybrief reads. kind: news | blog | company | press | arxiv | podcast | newsletter | tips;",
    "# weight: how much an editor trusts the outlet (1 is neutral); intervalMinutes: fetch interval.",
    "sources:",
  );
  for (const s of starterSources) {
    lines.push(
      `  - url: ${s.url}`,
      `    name: ${JSON.stringify(s.name)}`,
      `    kind: ${s.kind}`,
      `    weight: ${s.weight}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
