import type { FakeRequest } from "../helpers/fake-llm.ts";

/**
 * Scripted models for the LLM writer's tests, answering the section prompts of editions/prompts/ about the day in
 * llm-day.ts: a good model (grounded prose that differs from the offline writer's) and a lying one (the same, plus
 * invented numbers, names, quotes and percentages). Each prompt's story ids are read from its sources block.
 */

export type PromptKind =
  | "top-stories"
  | "deep-dive"
  | "headlines"
  | "rapid-fire"
  | "research"
  | "implications"
  | "podcast"
  | "market"
  | "quote"
  | "claim-check";

const kinds: Array<[PromptKind, RegExp]> = [
  ["top-stories", /Write today's top stories/],
  ["deep-dive", /Write The Deep Dive/],
  ["headlines", /Write the opening headlines/],
  ["rapid-fire", /Write today's Rapid Fire/],
  ["research", /Write Research Corner/],
  ["implications", /What It Means for Developers/],
  ["podcast", /Write Podcast of the Day/],
  ["market", /Write Market Pulse/],
  ["quote", /Pick the quote of the day/],
  ["claim-check", /sentences written for a newsletter against the sources/],
];

export function kindOf(request: FakeRequest): PromptKind {
  const found = kinds.find(([, pattern]) => pattern.test(request.prompt));
  if (!found) throw new Error(`Unknown prompt: ${request.prompt.slice(0, 120)}`);
  return found[0];
}

/** The units of a prompt's sources: id → the fixture's story key (nv, bf, aw, or, an, ms, mi, ax1, ax2, pc). */
export function unitsOf(prompt: string): Array<{ id: string; key: string }> {
  const out: Array<{ id: string; key: string }> = [];
  for (const block of prompt.split(/^(?=\[[A-Z]\d+\])/m)) {
    const id = /^\[([A-Z]\d+)\]/.exec(block)?.[1];
    const itemId = /<https:\/\/[^/]+\/(\w+)>/.exec(block)?.[1];
    if (id && itemId) out.push({ id, key: itemId.startsWith("ax") ? itemId : itemId.replace(/\d+$/, "") });
  }
  return out;
}

type Mode = "good" | "lying" | "subtle" | "cunning";

const top: Record<string, { headline: string; paragraph: string }> = {
  nv: {
    headline: "Nvidia puts $2 billion into Synopsys to pull chip design onto its GPUs",
    paragraph:
      "Nvidia bought $2 billion of Synopsys stock at $414.79 a share. For hardware builders, that means Synopsys design tools running on Nvidia's CUDA libraries.",
  },
  bf: {
    headline: "Black Forest Labs raises $300 million for its FLUX image models",
    paragraph:
      "The Freiburg start-up is now valued at $3.25 billion after a Series B led by Salesforce Ventures and AMP. Creators get a well-funded alternative to image generators from Google, OpenAI and Midjourney.",
  },
  aw: {
    headline: "AWS puts 144 Trainium3 chips in every UltraServer",
    paragraph:
      "Amazon Web Services launched Trainium3 UltraServers that use 40 percent less energy than the previous generation. Builders training models get another option beside Nvidia.",
  },
};

const lines: Record<string, string> = {
  nv: "Nvidia buys $2 billion of Synopsys stock to speed up chip design.",
  bf: "Black Forest Labs raises $300 million at a $3.25 billion valuation.",
  aw: "AWS launches Trainium3 UltraServers with 144 chips each.",
};

const rapid: Record<string, { text: string; insight: string }> = {
  aw: {
    text: "Packs 144 Trainium3 chips into each UltraServer.",
    insight: "AWS said the servers use 40 percent less energy than the previous generation.",
  },
  or: {
    text: "Bought 1.2 GW of power for its Texas data center campus.",
    insight: "Power is now part of the race for AI capacity.",
  },
  an: {
    text: "Lets developers hand coding tasks to Claude Code agents from Slack threads.",
    insight: "Agents now work where teams already talk.",
  },
  ms: {
    text: "Added agent workflows to GitHub Copilot for multi-step changes across a repository.",
    insight: "Copilot Enterprise customers get it first.",
  },
};

/** The Deep Dive: the story after the three the themed header tells (Oracle's in this day), or Nvidia's. */
const deep: Record<string, { headline: string; paragraphs: string[] }> = {
  or: {
    headline: "Oracle locks in 1.2 GW of power for its Texas AI campus",
    paragraphs: [
      "Oracle agreed to buy 1.2 GW of power for a data center campus in Texas. The campus will host GPU clusters for cloud customers.",
      "Oracle is racing to add capacity for AI customers. The clusters will be rented to AI developers.",
    ],
  },
  nv: {
    headline: "Nvidia's $2 billion Synopsys stake pulls chip design onto its GPUs",
    paragraphs: [
      "Nvidia bought $2 billion of Synopsys common stock at $414.79 a share. The deal widens a multi-year partnership to run chip-design software on Nvidia's platforms.",
      "Synopsys is one of the two dominant suppliers of design software, alongside Cadence Design Systems. The agreement is not exclusive.",
    ],
  },
};

function deepNotes(key: string, lying: boolean): { notes: Record<string, string> } {
  const company = key === "nv" ? "Nvidia" : "Oracle";
  return {
    notes: {
      "tactical-edge":
        key === "nv"
          ? "Teams using Synopsys tools should test them on Nvidia's CUDA libraries as the integration lands."
          : "AI developers who rent GPU clusters get more capacity in Texas once the campus is running.",
      alpha: lying
        ? `Marcus Feldhaus, an analyst, expects ${company} to buy 12 more companies.`
        : key === "nv"
          ? "Nvidia keeps buying into its own ecosystem, from Intel to Synopsys."
          : "Power, not chips, is what Oracle is racing to secure for its AI customers.",
    },
  };
}

const papers: Record<string, { insight: string; useCase: string }> = {
  ax1: {
    insight: "A sigmoid gate added after attention in each head improves quality, training stability and scaling.",
    useCase:
      "Teams training their own language models can try the gate for longer contexts; code and models are released.",
  },
  ax2: {
    insight: "Networks as deep as 1024 layers let self-supervised agents outperform shallow ones by 2x to 50x.",
    useCase: "Robotics teams can test much deeper networks for goal-reaching agents without demonstrations or rewards.",
  },
};

/** The invented claims the lying model adds, each of which the grounding check must catch. */
export const invented = {
  digest: [
    "$9 billion",
    "$7 billion",
    "Zentrix Labs",
    "38%",
    "Marcus Feldhaus",
    "the biggest bet in chip design history",
  ],
  briefing: ["Marcus Feldhaus", "12 more companies", "25%", "$40 billion", "70%", "we will win this year"],
};

/**
 * A subtle liar: the good answers, mostly true, with one figure changed in scale, currency or rounding, or a true
 * figure moved into a false attribution, in each section it can. None of these may be printed.
 */
export const subtleLies: Array<[string, string]> = [
  ["$414.79 a share", "$441.79 a share"],
  ["$300 million", "$300 billion"],
  ["$3.25 billion", "€3.25 billion"],
  ["40 percent less energy", "45 percent less energy"],
  ["1.2 GW", "1.5 GW"],
  ["144 Trainium3 chips", "244 Trainium3 chips"],
  [
    "Power, not chips, is what Oracle is racing to secure",
    "Robin Rombach said power is what Oracle is racing to secure",
  ],
  ["Claude Code agents now take tasks from Slack", "Robin Rombach said Claude Code agents now take tasks from Slack"],
];

/** What the subtle liar changed, as printed text to look for. */
export const subtleClaims = [
  "$441.79",
  "$300 billion",
  "€3.25 billion",
  "45 percent",
  "1.5 GW",
  "244",
  "Robin Rombach said",
];

/**
 * A cunning liar: falsehoods the deterministic grounding check cannot see, because every number, name and word
 * they use is in the sources — a fact turned round (rose → fell, buy → sell, opens → merges), a judgement reversed,
 * a true sentence put in the mouth of someone who did not say it. Only the claim check can catch these.
 */
export const cunningLies: Array<[string, string]> = [
  ["use 40 percent less energy", "use 40 percent more energy"],
  ["answer with a pull request", "merge the pull request themselves"],
  ["Synopsys shares rose in early trading in New York.", "Jensen Huang said Synopsys shares rose in early trading."],
  ["Oracle agreed to buy 1.2 GW of power", "Oracle agreed to sell 1.2 GW of power"],
  ["Copilot Enterprise customers get it first.", "Copilot Enterprise customers get it last."],
  ["are pushed back so teams", "are cancelled for good so teams"],
  ["improves quality, training stability and scaling", "hurts quality but helps training stability and scaling"],
];

/** What the cunning liar changed, as printed text to look for. */
export const cunningClaims = [
  "more energy",
  "merge the pull request",
  "Jensen Huang said",
  "sell 1.2 GW",
  "get it last",
  "cancelled for good",
  "hurts quality",
];

/** The claims of a claim-check prompt: id, the ids of the sources it cites, the sentence. */
export function claimsOf(prompt: string): Array<{ id: string; sources: string[]; text: string }> {
  return [...prompt.matchAll(/^\[(C\d+)\] \(sources ([^)]*)\) (.*)$/gm)].map(([, id, sources, text]) => ({
    id: id as string,
    sources: (sources as string).split(", "),
    text: text as string,
  }));
}

/**
 * The claim checker's verdicts, as a careful model that read the sources would give: a claim stating one of the
 * liars' falsehoods is unsupported, with what the sources say instead; every other claim is supported.
 */
function verdicts(request: FakeRequest): string {
  return JSON.stringify({
    claims: claimsOf(request.prompt).map(({ id, text }) => {
      const lie = [...cunningLies, ...subtleLies].find(([, l]) => text.includes(l.replace(/\.$/, "")));
      return lie
        ? { id, supported: false, reason: `the sources say "${lie[0]}"` }
        : { id, supported: true, reason: null };
    }),
  });
}

/** The answer of a scripted model to one request, as the JSON text a model would send. */
export function answer(request: FakeRequest, mode: Mode = "good"): string {
  if (kindOf(request) === "claim-check") return verdicts(request);
  if (mode === "subtle" || mode === "cunning") {
    let text = answer(request, "good");
    for (const [truth, lie] of mode === "subtle" ? subtleLies : cunningLies) text = text.split(truth).join(lie);
    return text;
  }
  const lying = mode === "lying";
  const units = unitsOf(request.prompt);
  const idOf = (key: string) => units.find((u) => u.key === key)?.id ?? "S1";
  switch (kindOf(request)) {
    case "top-stories":
      return JSON.stringify({
        stories: units.map(({ id, key }) => {
          const story = top[key] ?? { headline: "Another story today", paragraph: "More news came in today." };
          if (!lying) return { id, ...story };
          const extra =
            {
              nv: " Nvidia will also spend $7 billion on new design centres.",
              bf: " Zentrix Labs also joined the round.",
              aw: " Trainium revenue rose 38% last quarter.",
            }[key] ?? "";
          const headline = key === "nv" ? "Nvidia buys $9 billion of Synopsys stock" : story.headline;
          // The invented sentence replaces the second one: a third would be cut by the sentence limit unread.
          return { id, headline, paragraph: `${story.paragraph.split(/(?<=\.) /)[0]}${extra}` };
        }),
      });
    case "headlines":
      return JSON.stringify({
        theme: lying ? "The Zentrix era" : "Chips, capital and clouds",
        headlines: units.map(({ id, key }) => ({ id, headline: lines[key] ?? "More news today." })),
      });
    case "deep-dive":
      return JSON.stringify({
        stories: units.map(({ id, key }) => ({ id, ...(deep[key] ?? deep.or), ...deepNotes(key, lying) })),
      });
    case "rapid-fire":
      return JSON.stringify({
        groups: [
          { id: "compute", label: lying ? "The Zentrix Labs effect" : "Power and silicon" },
          { id: "agents", label: "Agents at work" },
        ],
        items: units.map(({ id, key }) => {
          const item = rapid[key] ?? { text: "Made news today.", insight: "Worth watching." };
          return key === "an" && lying
            ? { id, text: item.text, insight: "Anthropic will spend $40 billion on agents." }
            : { id, ...item };
        }),
      });
    case "research":
      return JSON.stringify({
        papers: units.map(({ id, key }) => {
          const paper = papers[key] ?? { insight: "A new method.", useCase: "Try it." };
          return {
            id,
            summary: "",
            ...paper,
            insight: lying && key === "ax1" ? `${paper.insight} The gate cuts training cost by 70%.` : paper.insight,
          };
        }),
      });
    case "implications":
      return JSON.stringify({
        bullets: [
          {
            lead: lying ? "Marcus Feldhaus backs the bet" : "Design tools go GPU-first",
            text: "Synopsys is moving its chip-design tools onto Nvidia's CUDA libraries, so hardware teams should plan for GPU-backed workflows.",
            stories: [idOf("nv")],
          },
          {
            lead: "Image models stay well funded",
            text: `Black Forest Labs raised $300 million, so creators building on FLUX can expect the API to keep improving.${lying ? " Jensen Huang called it “the biggest bet in chip design history”." : ""}`,
            stories: [idOf("bf")],
          },
          {
            lead: "Agents move into team chat",
            text: "Claude Code agents now take tasks from Slack and answer with a pull request.",
            stories: [idOf("an")],
          },
          {
            lead: "Cheaper training capacity",
            text: "AWS says Trainium3 servers use 40 percent less energy, which matters if you pay for training runs.",
            stories: [idOf("aw")],
          },
        ],
      });
    case "podcast":
      return JSON.stringify({
        bullets: [
          lying
            ? "Sam Altman told staff “we will win this year” in the memo."
            : "Sam Altman declared a code red at OpenAI to make ChatGPT better day to day.",
          "Advertising and shopping agents are pushed back so teams can focus on speed and reliability.",
          "Google's Gemini 3 topped several public leaderboards after its Nov. 18 release.",
        ],
      });
    case "market":
      return JSON.stringify({
        paragraph: `Nvidia bought $2 billion of Synopsys stock at $414.79 a share to pull design software onto its GPUs. Synopsys shares rose in early trading in New York.${lying ? " Analysts expect a 25% jump in Nvidia shares." : ""}`,
      });
    case "quote":
      return JSON.stringify(
        lying ? { choice: 1, quote: "We will own every chip on Earth", speaker: "Jensen Huang" } : { choice: 2 },
      );
    case "claim-check":
      return verdicts(request);
  }
}
