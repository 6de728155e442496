import type { Section, StoryBlock } from "../../model/issue.ts";
import type { DayContext, DayItem, DayStory } from "../day.ts";
import type { SectionDefinition } from "../definition.ts";
import { fill, type SectionDraft, type WriteRequest, type Writer } from "../writer.ts";
import { implications } from "./implications.ts";
import { marketRead } from "./market.ts";
import { alphaNote, insightNote, type Note, researchNotes, tacticalEdgeNote } from "./notes.ts";
import { podcastBullets } from "./podcast.ts";
import { chooseTip, loadTips, promptText } from "./prompt-tip.ts";
import { findQuote } from "./quote.ts";
import { bestSentences, citationsOf, headlineItem, headlineOf, oneLiner, rapidLine } from "./story-text.ts";

const groupEmoji: Record<string, string> = {
  compute: "🏗️",
  agents: "🤖",
  models: "🧠",
  money: "💰",
  research: "🔬",
  policy: "⚖️",
};

/**
 * The default writer: extractive and data-driven, needing no keys and no network. Headlines and paragraphs are the
 * sources' own best sentences (compressed only safely); notes and bullets state what the data shows (counts,
 * amounts as written, trends); the quote is a real quotation; nothing is invented. A thin day gives fewer items.
 */
export class OfflineWriter implements Writer {
  readonly name = "offline" as const;
  readonly #tipsPath: string | undefined;

  constructor(options: { tipsPath?: string } = {}) {
    this.#tipsPath = options.tipsPath;
  }

  async writeSection(request: WriteRequest): Promise<SectionDraft | null> {
    const { definition: def, day, selection, vars } = request;
    const heading = def.heading === null ? null : fill(def.heading, vars);
    switch (def.kind) {
      case "intro":
        return {
          section: { kind: "intro", id: def.id, heading, text: fill(def.text ?? "{{date}}", vars) },
          evidence: [],
          derived: [],
        };
      case "cta":
        return {
          section: {
            kind: "cta",
            id: def.id,
            heading: heading ?? "",
            text: fill(def.text ?? "", vars),
            url: day.tipsUrl,
          },
          evidence: [],
          derived: [],
        };
      case "links": {
        const links = day.archive
          .slice(0, def.select?.count ?? 5)
          .map((a) => ({ title: a.title, url: a.url, date: a.date }));
        return {
          section: { kind: "links", id: def.id, heading: heading ?? "", links, empty: def.empty },
          evidence: [],
          derived: [],
        };
      }
      case "prompt": {
        const tip = chooseTip(loadTips(this.#tipsPath), day.stories[0]?.topic ?? null, day.recentTips, day.date);
        return {
          section: {
            kind: "prompt",
            id: def.id,
            heading: heading ?? "Prompt Tip of the Day",
            tipId: tip.id,
            title: tip.title,
            prompt: promptText(tip),
            use: tip.use,
          },
          evidence: [],
          derived: [],
        };
      }
      case "stories":
        return this.#stories(def, request, heading);
      case "groups":
        return this.#groups(def, day, selection.groups, heading);
      case "bullets":
        return this.#bullets(def, day, selection.items, heading);
      case "market": {
        const read = marketRead(day);
        if (!read) return null;
        const section: Section = {
          kind: "market",
          id: def.id,
          heading: fill(def.heading ?? "Market Pulse: {{ticker}}", { ...vars, ticker: read.mood.ticker }),
          ticker: read.mood.ticker,
          company: read.mood.company,
          sentiment: read.mood.label,
          paragraph: read.paragraph,
          citations: read.citations,
        };
        const drivers = day.stories.flatMap((s) => s.items).filter((i) => read.mood.itemIds.includes(i.id));
        return { section, evidence: drivers, derived: [], vars: { ticker: read.mood.ticker } };
      }
      case "quote": {
        const found = findQuote(day);
        if (!found) return null;
        return {
          section: {
            kind: "quote",
            id: def.id,
            heading,
            quote: found.quote,
            speaker: found.speaker,
            citation: found.citation,
          },
          evidence: [found.item],
          derived: [],
        };
      }
    }
  }

  #stories(def: SectionDefinition, request: WriteRequest, heading: string | null): SectionDraft | null {
    const { selection, day } = request;
    if (!selection.stories.length && !selection.items.length) return null;
    const blocks: StoryBlock[] = [];
    const derived: string[] = [];
    const evidence: DayItem[] = [];
    if (def.select?.sourceKinds.length) {
      for (const item of selection.items) {
        const notes = researchNotes(item).filter((n) =>
          def.write.notes.some((wanted) => n.label.toLowerCase().replace(/ /g, "-") === wanted),
        );
        const sentences = bestSentences({ items: [item] }, def.write.sentences).map((s) => s.text);
        blocks.push({
          storyId: null,
          headline: item.title,
          paragraphs: sentences.length ? [sentences.join(" ")] : [],
          notes,
          citations: citationsOf([item]),
        });
        evidence.push(item);
      }
    } else {
      for (const story of selection.stories) {
        blocks.push(this.#storyBlock(def, day, story, derived));
        evidence.push(...story.items);
      }
    }
    const section: Section = {
      kind: "stories",
      id: def.id,
      heading,
      numbered: def.numbered,
      style: def.style,
      stories: blocks,
    };
    const headlines = selection.stories.length
      ? selection.stories.map((s) => headlineOf(s, def.write.headlineWords))
      : blocks.map((b) => b.headline);
    return {
      section,
      evidence,
      derived,
      vars: { headlines: headlines.join(" · "), theme: themeOf(day, selection.stories) },
    };
  }

  #storyBlock(def: SectionDefinition, day: DayContext, story: DayStory, derived: string[]): StoryBlock {
    const headline = headlineOf(story, def.write.headlineWords);
    const notes: Note[] = [];
    for (const wanted of def.write.notes) {
      const note =
        wanted === "tactical-edge"
          ? tacticalEdgeNote(story)
          : wanted === "alpha"
            ? alphaNote(day, story)
            : wanted === "insight"
              ? insightNote(day, story)
              : null;
      if (note) {
        notes.push(note);
        derived.push(...note.derived);
      }
    }
    const base = {
      storyId: story.id,
      notes: notes.map(({ label, text }) => ({ label, text })),
      citations: citationsOf(story.items),
    };
    if (def.style === "headline")
      return { ...base, headline: oneLiner(story, def.write.headlineWords), paragraphs: [] };
    if (def.style === "rapid") {
      const { subject, text } = rapidLine(story, 40);
      return { ...base, headline: text, subject, paragraphs: [] };
    }
    const perParagraph = Math.max(1, def.write.sentences);
    const sentences = bestSentences(story, perParagraph * def.write.paragraphs, {
      exclude: [headline],
      anchor: headlineItem(story, def.write.headlineWords),
    }).map((s) => s.text);
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; i += perParagraph)
      paragraphs.push(sentences.slice(i, i + perParagraph).join(" "));
    return { ...base, headline, paragraphs };
  }

  #groups(
    def: SectionDefinition,
    day: DayContext,
    groups: Array<{ topic: string; stories: DayStory[] }>,
    heading: string | null,
  ): SectionDraft | null {
    if (!groups.length) return null;
    const derived: string[] = [];
    const section: Section = {
      kind: "groups",
      id: def.id,
      heading,
      groups: groups.map((g) => ({
        id: g.topic,
        label: day.topics.find((t) => t.id === g.topic)?.label ?? g.topic,
        emoji: groupEmoji[g.topic] ?? null,
        stories: g.stories.map((story) => this.#storyBlock({ ...def, style: "rapid" }, day, story, derived)),
      })),
    };
    return { section, evidence: groups.flatMap((g) => g.stories.flatMap((s) => s.items)), derived };
  }

  #bullets(def: SectionDefinition, day: DayContext, items: DayItem[], heading: string | null): SectionDraft | null {
    if (def.content === "podcast") {
      const [episode] = items;
      if (!episode) return null;
      const lines = podcastBullets(episode, def.write.bullets);
      if (!lines.length) return null;
      return {
        section: {
          kind: "bullets",
          id: def.id,
          heading,
          lines: [{ lead: episode.title, text: "" }, ...lines],
          citations: citationsOf([episode]),
        },
        evidence: [episode],
        derived: [],
      };
    }
    const lines = implications(day, def.write.bullets);
    if (!lines.length) return null;
    const used = new Set(lines.flatMap((l) => l.storyIds));
    const stories = day.stories.filter((s) => used.has(s.id));
    return {
      section: {
        kind: "bullets",
        id: def.id,
        heading,
        lines: lines.map(({ lead, text }) => ({ ...(lead ? { lead } : {}), text })),
        citations: stories.flatMap((s) => citationsOf(s.items).slice(0, 1)),
      },
      // The bullets speak of the stories they name; their counts are derived facts listed below.
      evidence: stories.length ? stories.flatMap((s) => s.items) : day.stories.slice(0, 10).flatMap((s) => s.items),
      derived: lines.flatMap((l) => l.derived),
    };
  }
}

/** The themed header: the label of the topic most of the headline stories share, in capitals. */
export function themeOf(day: DayContext, stories: DayStory[]): string {
  const counts = new Map<string, number>();
  for (const story of stories) counts.set(story.topic ?? "", (counts.get(story.topic ?? "") ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const topic = day.topics.find((t) => t.id === top);
  return (topic?.theme ?? topic?.label ?? "Today in AI").toUpperCase();
}
