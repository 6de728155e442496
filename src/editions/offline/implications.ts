import type { Line } from "../../model/issue.ts";
import type { DayContext, DayStory } from "../day.ts";
import { numberWords } from "../sentences.ts";
import { storyAmounts, weekCount } from "./notes.ts";
import { headlineOf, subjectOf } from "./story-text.ts";

export type Implication = Line & { derived: string[]; storyIds: string[] };

const spell = (n: number) => (n === 0 ? "no" : (numberWords[n] ?? String(n)));

/** What each topic means for people who build with AI, in the edition's voice: advice, never a fact. */
const topicAdvice: Record<string, string> = {
  compute:
    "capacity and price for heavy workloads are set by these deals, so check what your provider is committing to",
  agents:
    "agent features are shipping in the tools you already use; try them on a real task before the hype sets your roadmap",
  models: "new models change the price and quality trade-off; re-run your own evaluations before switching",
  money: "capital is concentrating in a few players, which shapes whose platforms and APIs will be around next year",
  research: "ideas in today's papers tend to reach products within months; skim the abstracts for what you can test",
  policy: "rules are moving; note what applies to what you ship and where your users are",
};

/**
 * "What It Means for Developers, Creators & Prompt-Based Platforms": bullets built from the day's data — where the
 * news concentrates, the money involved, the company of the week, the market's read — each a bold lead and a
 * sentence whose facts come from the stories and whose counts come from the data.
 */
export function implications(day: DayContext, count: number): Implication[] {
  const out: Implication[] = [];
  const stories = day.stories.filter((s) =>
    s.items.some((i) => i.sourceKind !== "arxiv" && i.sourceKind !== "podcast"),
  );
  if (!stories.length) return out;

  const byTopic = new Map<string, DayStory[]>();
  for (const story of stories)
    byTopic.set(story.topic ?? "other", [...(byTopic.get(story.topic ?? "other") ?? []), story]);
  const topics = [...byTopic.entries()].sort((a, b) => b[1].length - a[1].length);
  const [topTopic, topStories] = topics[0] ?? ["", []];
  const topLabel = day.topics.find((t) => t.id === topTopic)?.label;
  if (topLabel && topStories.length >= 2) {
    const names = uniqueSubjects(topStories).slice(0, 3);
    out.push({
      lead: `${topLabel} leads the day`,
      text: `${capitalise(spell(topStories.length))} of today's ${spell(stories.length)} stories${names.length ? `, from ${list(names)},` : ""} fall under it — ${topicAdvice[topTopic] ?? "worth a closer look"}.`,
      derived: [
        String(topStories.length),
        String(stories.length),
        spell(topStories.length),
        spell(stories.length),
        topLabel,
      ],
      storyIds: topStories.slice(0, 3).map((s) => s.id),
    });
  }

  const money = stories
    .map((story) => ({ story, amount: storyAmounts(story).find((e) => e.type === "money") }))
    .filter((m): m is { story: DayStory; amount: NonNullable<typeof m.amount> } => !!m.amount?.value)
    .sort((a, b) => (b.amount.value ?? 0) - (a.amount.value ?? 0));
  if (money[0]) {
    const { story, amount } = money[0];
    out.push({
      lead: "Follow the money",
      text: `The largest figure in today's news is ${amount.text.trim()}, in "${headlineOf(story, 14)}" — deals of this size decide which platforms and APIs get built out first.`,
      derived: [],
      storyIds: [story.id],
    });
  }

  const companies = new Map<string, { story: DayStory; count: number }>();
  for (const story of stories) {
    const company = subjectOf(story);
    if (!company || companies.has(company)) continue;
    companies.set(company, { story, count: weekCount(day, story, company) });
  }
  const busiest = [...companies.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  if (busiest && busiest[1].count >= 2) {
    const [company, { story, count }] = busiest;
    out.push({
      lead: `${company} is the name of the week`,
      text: `${company} has come up in ${spell(count)} stories in our coverage this week, most recently "${headlineOf(story, 14)}" — if you build on its platform, expect changes to land quickly.`,
      derived: [String(count), spell(count)],
      storyIds: [story.id],
    });
  }

  const mood = day.tickers
    .filter((t) => t.label !== "Neutral")
    .sort((a, b) => b.itemIds.length - a.itemIds.length || Math.abs(b.score) - Math.abs(a.score))[0];
  if (mood) {
    out.push({
      lead: "Read the market's mood",
      text: `Today's coverage reads ${mood.label.toLowerCase()} for ${mood.company} (${mood.ticker}) — a signal of where investors think the spending is going next.`,
      derived: [],
      storyIds: [],
    });
  }

  for (const [topic, list] of topics.slice(1)) {
    if (out.length >= count) break;
    const label = day.topics.find((t) => t.id === topic)?.label;
    const story = list[0];
    if (!label || !story || !topicAdvice[topic]) continue;
    out.push({
      lead: `${label}, too`,
      text: `${capitalise(headlineOf(story, 16))} — ${topicAdvice[topic]}.`,
      derived: [label],
      storyIds: [story.id],
    });
  }
  return out.slice(0, count);
}

function uniqueSubjects(stories: DayStory[]): string[] {
  return [...new Set(stories.map(subjectOf).filter((s): s is string => !!s))];
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
