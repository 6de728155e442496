import type { DayContext, DayItem, DayStory } from "../../src/editions/day.ts";
import type { SourceKind } from "../../src/model/source.ts";
import { defaultTopics } from "../../src/stories/topics.ts";
import { extractEntities } from "../../src/text/entities/extract-entities.ts";

/**
 * A small hand-written day for the LLM writer's tests: ten stories across compute, money, agents and models, two
 * arXiv papers and a podcast episode, a market reading for Nvidia and two real quotations — enough for every
 * section of both built-in editions. Entities come from the real extractor, as the pipeline would store them.
 */

type ItemSpec = { id: string; source: string; kind?: SourceKind; weight?: number; title: string; text: string };

const date = "2025-12-01";

function item(spec: ItemSpec): DayItem {
  const text = spec.text.replace(/^ +/gm, "").trim();
  return {
    id: spec.id,
    title: spec.title,
    url: `https://${spec.source.toLowerCase().replace(/\s+/g, "")}.example/${spec.id}`,
    text,
    sourceId: `src_${spec.source.toLowerCase().replace(/\s+/g, "_")}`,
    sourceName: spec.source,
    sourceKind: spec.kind ?? "news",
    sourceWeight: spec.weight ?? 1,
    publishedAt: `${date}T${String(8 + (spec.id.length % 10)).padStart(2, "0")}:00:00Z`,
    entities: extractEntities(`${spec.title}\n${text}`),
    sentiment: { label: "neutral", score: 0 },
    entitySentiments: [],
  };
}

function story(id: string, topic: string, score: number, items: DayItem[]): DayStory {
  return {
    id,
    title: items[0]?.title ?? id,
    topic,
    topicByEditor: false,
    firstItemAt: `${date}T08:00:00Z`,
    lastItemAt: `${date}T18:00:00Z`,
    pinned: false,
    blocked: false,
    score,
    factors: [],
    itemIds: items.map((i) => i.id),
    itemCount: items.length,
    outletCount: new Set(items.map((i) => i.sourceId)).size,
    items,
  };
}

const nvidia = [
  item({
    id: "nv1",
    source: "Wirebeat",
    weight: 1.2,
    title: "Nvidia buys $2 billion of Synopsys stock, widens chip-design software tie-up",
    text: `SAN FRANCISCO, Dec 1 (Wirebeat) — Nvidia has bought $2 billion of Synopsys common stock at $414.79 a share, the companies said on Monday, as part of an expanded multi-year partnership to run chip-design software on Nvidia's accelerated computing platforms.

    The purchase amounts to roughly 4.8 million shares of Synopsys, one of the two dominant suppliers of electronic design automation software, alongside Cadence Design Systems.

    "Accelerated computing is transforming how chips and machines are designed," said Jensen Huang, chief executive of Nvidia.

    Synopsys shares rose in early trading in New York. The agreement is not exclusive, and Synopsys will continue to support other chipmakers' hardware.`,
  }),
  item({
    id: "nv2",
    source: "Silicon Ledger",
    title: "Nvidia takes $2bn stake in Synopsys to speed up design tools",
    text: `Nvidia will invest $2bn in Synopsys, deepening a partnership that moves the design software onto Nvidia GPUs. Nvidia has taken several large equity stakes this year, including a $5 billion investment in Intel announced in September.

    Synopsys said its compute-heavy tools for chip design, verification and physics simulation would run on Nvidia's CUDA libraries.`,
  }),
];

const bfl = [
  item({
    id: "bf1",
    source: "Wirebeat",
    weight: 1.2,
    title: "FLUX maker Black Forest Labs valued at $3.25 billion after $300 million funding round",
    text: `FREIBURG, Germany, Dec 1 (Wirebeat) — Black Forest Labs, the German developer of the FLUX image-generation models, said on Monday it had raised $300 million in a Series B funding round that values the company at $3.25 billion.

    The round was led by Salesforce Ventures and AMP. "We want to give every creative team a model they can run and trust," said Robin Rombach, chief executive of Black Forest Labs.

    The company released FLUX.2, its latest family of image generation and editing models, in late November. It sells access to its models through an API.`,
  }),
  item({
    id: "bf2",
    source: "Eurotech Observer",
    title: "Black Forest Labs raises $300m as European image AI draws investors",
    text: `Black Forest Labs has closed a $300m Series B round led by Salesforce Ventures and AMP, valuing the Freiburg start-up at $3.25bn. Its FLUX models compete with image generators from Google, OpenAI and Midjourney.`,
  }),
];

const aws = [
  item({
    id: "aw1",
    source: "Inference Daily",
    weight: 1.1,
    title: "AWS launches Trainium3 servers with 144 chips each",
    text: `Amazon Web Services on Tuesday launched Trainium3 UltraServers, which pack 144 of its third-generation Trainium chips into a single system. AWS said the servers deliver up to 4.4 times the compute of the previous generation while using 40 percent less energy.

    Customers including Anthropic are using Trainium chips to train models, AWS said.`,
  }),
  item({
    id: "aw2",
    source: "Circuit Review",
    title: "Amazon bets on its own silicon with Trainium3",
    text: `Amazon's cloud unit introduced Trainium3 servers at its re:Invent conference in Las Vegas, stepping up competition with Nvidia for AI training workloads. Each UltraServer holds 144 chips.`,
  }),
];

const others = [
  story("st_oracle", "compute", 0.62, [
    item({
      id: "or1",
      source: "Market Tape",
      title: "Oracle signs 1.2 GW power deal for Texas data center campus",
      text: `Oracle agreed to buy 1.2 GW of power for a data center campus in Texas, the company said on Monday, as it races to add capacity for AI customers. The campus will host GPU clusters for cloud customers.`,
    }),
    item({
      id: "or2",
      source: "Circuit Review",
      title: "Oracle lines up power for Texas AI campus",
      text: `Oracle has secured 1.2 GW of electricity for its Texas data center campus, which will run GPU clusters rented to AI developers.`,
    }),
  ]),
  story("st_anthropic", "agents", 0.6, [
    item({
      id: "an1",
      source: "Dev Dispatch",
      title: "Anthropic brings Claude Code agents to Slack",
      text: `Anthropic said on Monday that developers can now hand coding tasks to Claude Code agents from Slack threads. The agent opens a pull request when it finishes and posts a summary back to the thread.`,
    }),
    item({
      id: "an2",
      source: "Inference Daily",
      title: "Claude Code agents now take tasks from Slack",
      text: `Anthropic is letting teams assign work to its Claude Code agent directly from Slack, where the agent reports back with a pull request.`,
    }),
  ]),
  story("st_microsoft", "agents", 0.55, [
    item({
      id: "ms1",
      source: "Dev Dispatch",
      title: "Microsoft adds agent workflows to GitHub Copilot",
      text: `Microsoft added agent workflows to GitHub Copilot on Monday, letting the assistant plan and run multi-step changes across a repository. The feature is available to Copilot Enterprise customers first.`,
    }),
    item({
      id: "ms2",
      source: "Wirebeat",
      title: "GitHub Copilot gains multi-step agent mode",
      text: `Microsoft's GitHub Copilot can now plan and run multi-step changes across a repository, the company said on Monday.`,
    }),
  ]),
  story("st_mistral", "models", 0.5, [
    item({
      id: "mi1",
      source: "Open Weights Weekly",
      title: "Mistral releases open-weight Mistral Large 3 under Apache 2.0",
      text: `Mistral released Mistral Large 3 on Tuesday with open weights under the Apache 2.0 licence. The company said the model handles text and images.`,
    }),
  ]),
];

const papers = [
  story("st_paper1", "research", 0.4, [
    item({
      id: "ax1",
      source: "arXiv cs.AI",
      kind: "arxiv",
      title: "Gated Attention for Large Language Models: Non-linearity, Sparsity, and Attention-Sink-Free",
      text: `This paper studies gating in softmax attention with more than 30 variants of 15B-parameter mixture-of-experts models and 1.7B-parameter dense models, each trained on 3.5 trillion tokens. A head-specific sigmoid gate applied after scaled dot-product attention consistently improves quality, training stability and scaling. The gate removes the attention sink and helps models extrapolate to longer contexts. Code and models are released.`,
    }),
  ]),
  story("st_paper2", "research", 0.38, [
    item({
      id: "ax2",
      source: "arXiv cs.AI",
      kind: "arxiv",
      title: "1000 Layer Networks for Self-Supervised RL: Scaling Depth Can Enable New Goal-Reaching Capabilities",
      text: `Reinforcement learning agents are usually built from networks only two to five layers deep. The authors push network depth as far as 1024 layers in goal-conditioned, self-supervised RL. Across simulated locomotion and manipulation environments, the deeper agents outperform shallow ones by factors from 2x to 50x. The results enable agents to discover new behaviours without demonstrations or rewards.`,
    }),
  ]),
];

const podcast = story("st_podcast", "models", 0.3, [
  item({
    id: "pc1",
    source: "Gradient Hour",
    kind: "podcast",
    title: "Ep. 212 — Code Red: Can ChatGPT Outrun Gemini 3?",
    text: `Leona and Tobias unpack the memo in which Sam Altman declared a code red at OpenAI, redirecting attention toward making ChatGPT better day to day.

    Altman's memo asks teams to concentrate on improving ChatGPT's speed, reliability and personalisation.

    Several projects are being pushed back as a result, including advertising and AI agents for shopping and health.

    Google released Gemini 3 on Nov. 18, and it went to the top of several public leaderboards.`,
  }),
]);

/** The test day: ranked stories, a Bullish read on Nvidia, no earlier issues. */
export function llmTestDay(): DayContext {
  const stories = [
    story("st_nvidia", "compute", 0.9, nvidia),
    story("st_bfl", "money", 0.8, bfl),
    story("st_aws", "compute", 0.7, aws),
    ...others,
    ...papers,
    podcast,
  ];
  return {
    date,
    stories,
    weekStories: [],
    trends: [],
    tickers: [{ ticker: "NVDA", company: "Nvidia", label: "Bullish", score: 0.6, itemIds: ["nv1", "nv2"] }],
    archive: [
      {
        title: "Yesterday in AI",
        url: "https://daybrief.example/archive/digest-2025-11-30.html",
        date: "2025-11-30",
        edition: "digest",
      },
    ],
    recentTips: [],
    topics: defaultTopics,
    siteUrl: "https://daybrief.example",
    tipsUrl: "https://daybrief.example/tips",
  };
}
