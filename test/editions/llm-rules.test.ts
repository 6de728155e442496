import { afterEach, describe, expect, it } from "vitest";
import { writeIssue } from "../../src/editions/build-issue.ts";
import { loadEdition } from "../../src/editions/definition.ts";
import { LlmWriter } from "../../src/editions/llm/llm-writer.ts";
import { OfflineWriter } from "../../src/editions/offline/offline-writer.ts";
import type { Issue } from "../../src/model/issue.ts";
import { type FakeLlm, type FakeRequest, startFakeLlm } from "../helpers/fake-llm.ts";
import { llmTestDay } from "./llm-day.ts";
import { answer, kindOf, type PromptKind } from "./llm-model-script.ts";

/**
 * Answers that break the house rules, one rule at a time, in both editions. A rule the answer's shape can show
 * (a repeated bullet, a restated headline, over-long text) sends the answer back with the fault named, and the
 * corrected answer is used; a false fact (a changed number, an invented attribution, a wrong currency or scale) is
 * a sentence the grounding check drops and reports.
 */

type Story = {
  id: string;
  headline: string;
  paragraph?: string;
  paragraphs?: string[];
  notes?: Record<string, string>;
};
type Bullet = { lead: string; text: string; stories?: string[] };
type Answer = {
  stories?: Story[];
  headlines?: Array<{ id: string; headline: string }>;
  bullets?: Array<Bullet | string>;
  items?: Array<{ id: string; text: string; insight?: string }>;
  papers?: Array<{ id: string; insight: string; useCase: string }>;
  paragraph?: string;
};

type Case = {
  name: string;
  edition: "digest" | "briefing";
  kind: PromptKind;
  breaks: (a: Answer) => void;
  /** Sent back: the retry names this fault. Dropped: the grounding note names this claim. */
  outcome: { sentBack: RegExp } | { dropped: string };
  /** Text that must not be printed. */
  absent: string;
};

const long = (n: number) =>
  `Nvidia bought $2 billion of Synopsys stock ${Array.from({ length: n }, () => "and").join(" ")} more.`;

const cases: Case[] = [
  {
    name: "a repeated bullet",
    edition: "digest",
    kind: "implications",
    breaks: (a) => {
      const [first, second] = a.bullets as Bullet[];
      if (first && second) Object.assign(second, { lead: "Design tools go GPU first", text: first.text });
    },
    outcome: { sentBack: /bullets\.1 repeats bullets\.0: each bullet must say something new/ },
    absent: "Design tools go GPU first",
  },
  {
    name: "a paragraph that restates its headline",
    edition: "digest",
    kind: "top-stories",
    breaks: (a) => {
      const first = a.stories?.[0];
      if (first)
        first.paragraph = `Nvidia puts $2 billion into Synopsys to pull chip design onto GPUs. ${first.paragraph}`;
    },
    outcome: { sentBack: /stories\.0: the paragraph's first sentence restates the headline/ },
    absent: "Nvidia puts $2 billion into Synopsys to pull chip design onto GPUs.",
  },
  {
    name: "two stories under one headline",
    edition: "digest",
    kind: "top-stories",
    breaks: (a) => {
      const [first, second] = a.stories ?? [];
      if (first && second) second.headline = first.headline;
    },
    outcome: { sentBack: /stories\.headline\.1 repeats stories\.headline\.0/ },
    absent:
      '"headline":"Nvidia puts $2 billion into Synopsys to pull chip design onto its GPUs","paragraphs":["The Freiburg',
  },
  {
    name: "an over-long paragraph",
    edition: "digest",
    kind: "top-stories",
    breaks: (a) => {
      const first = a.stories?.[0];
      if (first) first.paragraph = long(70);
    },
    outcome: { sentBack: /stories\.0\.paragraphs\.0: 78 words, at most 64 allowed/ },
    absent: "and and and",
  },
  {
    name: "a changed number",
    edition: "digest",
    kind: "top-stories",
    breaks: (a) => {
      const first = a.stories?.[0];
      if (first) first.paragraph = first.paragraph?.replace("$414.79 a share", "$418.79 a share");
    },
    outcome: { dropped: "$418.79" },
    absent: "$418.79",
  },
  {
    name: "an invented attribution",
    edition: "digest",
    kind: "implications",
    breaks: (a) => {
      const first = a.bullets?.[0] as Bullet;
      first.text = "Jensen Huang said hardware teams should move every design tool onto Nvidia GPUs this year.";
    },
    outcome: { dropped: "Jensen Huang saying so" },
    absent: "Jensen Huang said hardware teams",
  },
  {
    name: "a wrong currency",
    edition: "digest",
    kind: "top-stories",
    breaks: (a) => {
      const second = a.stories?.[1];
      if (second) second.paragraph = second.paragraph?.replace("$3.25 billion", "€3.25 billion");
    },
    outcome: { dropped: "€3.25 billion" },
    absent: "€3.25 billion",
  },
  {
    name: "repeated Rapid Fire items",
    edition: "briefing",
    kind: "rapid-fire",
    breaks: (a) => {
      const [first, second] = a.items ?? [];
      if (first && second) second.text = first.text;
    },
    outcome: { sentBack: /items\.1 repeats items\.0: each must say something new/ },
    absent: "",
  },
  {
    name: "an Insight that tells the news again",
    edition: "briefing",
    kind: "rapid-fire",
    breaks: (a) => {
      const first = a.items?.[0];
      if (first) first.insight = first.text;
    },
    outcome: { sentBack: /items\.0\.insight repeats its text: give the judgement, not the news again/ },
    absent: "",
  },
  {
    name: "a themed header with one headline twice",
    edition: "briefing",
    kind: "headlines",
    breaks: (a) => {
      const [first, , third] = a.headlines ?? [];
      if (first && third) third.headline = first.headline;
    },
    outcome: { sentBack: /headlines\.2 repeats headlines\.0/ },
    absent: "",
  },
  {
    name: "an Alpha that repeats the Tactical Edge",
    edition: "briefing",
    kind: "deep-dive",
    breaks: (a) => {
      const notes = a.stories?.[0]?.notes;
      if (notes) notes.alpha = notes["tactical-edge"] ?? "";
    },
    outcome: { sentBack: /stories\.0\.notes\.1 repeats stories\.0\.notes\.0/ },
    absent: "",
  },
  {
    name: "a Deep Dive opening that restates its headline",
    edition: "briefing",
    kind: "deep-dive",
    breaks: (a) => {
      const first = a.stories?.[0];
      if (first?.paragraphs) first.paragraphs[0] = `${first.headline}. ${first.paragraphs[0]}`;
    },
    outcome: { sentBack: /stories\.0: the paragraph's first sentence restates the headline/ },
    absent: "Oracle locks in 1.2 GW of power for its Texas AI campus.",
  },
  {
    name: "a repeated podcast bullet",
    edition: "briefing",
    kind: "podcast",
    breaks: (a) => {
      const bullets = a.bullets as string[];
      bullets[2] = `Sam Altman declared a code red at OpenAI to make ChatGPT better day to day, the hosts say.`;
    },
    outcome: { sentBack: /bullets\.2 repeats bullets\.0: each bullet must say something new/ },
    absent: "the hosts say",
  },
  {
    name: "a Builder Use Case that repeats The Insight",
    edition: "briefing",
    kind: "research",
    breaks: (a) => {
      const first = a.papers?.[0];
      if (first)
        first.useCase = `Teams will find that ${first.insight.charAt(0).toLowerCase()}${first.insight.slice(1)}`;
    },
    outcome: { sentBack: /papers\.0\.useCase repeats the insight: say what a builder can do with it/ },
    absent: "Teams will find that",
  },
  {
    name: "an over-long Market Pulse",
    edition: "briefing",
    kind: "market",
    breaks: (a) => {
      a.paragraph = long(95);
    },
    outcome: { sentBack: /paragraph: 103 words, at most 90 allowed/ },
    absent: "and and and",
  },
  {
    name: "a wrong scale",
    edition: "briefing",
    kind: "market",
    breaks: (a) => {
      a.paragraph = a.paragraph?.replace("$2 billion", "$2 million");
    },
    outcome: { dropped: "$2 million" },
    absent: "$2 million",
  },
  {
    name: "an invented attribution in Rapid Fire",
    edition: "briefing",
    kind: "rapid-fire",
    breaks: (a) => {
      const first = a.items?.[0];
      if (first) first.insight = "Robin Rombach said agents now work where teams already talk.";
    },
    outcome: { dropped: "Robin Rombach saying so" },
    absent: "Robin Rombach said agents",
  },
];

const day = llmTestDay();
const servers: FakeLlm[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function writer(llm: FakeLlm): LlmWriter {
  return new LlmWriter({
    baseUrl: llm.baseUrl,
    model: "fake-model",
    apiKey: null,
    timeoutMs: 10_000,
    retries: 2,
    maxTokens: 800,
    temperature: 0.2,
    inputCostPerMillion: null,
    outputCostPerMillion: null,
    offline: new OfflineWriter(),
    retryDelayMs: 0,
  });
}

const published = (issue: Issue) => JSON.stringify({ ...issue, notes: [] });

describe("answers that break the rules, in both editions", () => {
  it.each(cases)("$edition: $name", async (rule) => {
    const broken = (req: FakeRequest) => {
      const value = JSON.parse(answer(req)) as Answer;
      rule.breaks(value);
      return JSON.stringify(value);
    };
    const sentBack = "sentBack" in rule.outcome;
    // A fault the writer can name is answered correctly on the retry; a false fact is sent every time.
    const llm = await startFakeLlm((req) =>
      kindOf(req) === rule.kind && !(sentBack && req.retry) ? broken(req) : answer(req),
    );
    servers.push(llm);
    const issue = await writeIssue(loadEdition(rule.edition), day, { writer: writer(llm) });
    const asked = llm.requests.filter((r) => kindOf(r) === rule.kind);
    // The rule was broken in what the model sent (not merely never asked for).
    expect(broken(asked[0] as FakeRequest)).not.toEqual(answer(asked[0] as FakeRequest));
    if ("sentBack" in rule.outcome) {
      expect(asked.map((r) => r.retry)).toEqual([false, true]);
      expect(asked[1]?.last).toMatch(rule.outcome.sentBack);
      expect(asked[1]?.last).toContain("That answer cannot be used");
    } else {
      expect(asked.map((r) => r.retry)).toEqual([false]);
      const claim = rule.outcome.dropped;
      expect(
        issue.notes.some((n) => n.code === "grounding" && n.message.includes(claim)),
        `the editor is told about ${claim}`,
      ).toBe(true);
    }
    // Either way the section stays the model's, and what broke the rule is not printed.
    expect(issue.notes.filter((n) => n.code === "fallback")).toEqual([]);
    if (rule.absent) expect(published(issue)).not.toContain(rule.absent);
  });
});
