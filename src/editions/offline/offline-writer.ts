import type { Section, StoryBlock } from "../../model/issue.ts";
import type { DayContext, DayItem, DayStory } from "../day.ts";
import type { SectionDefinition } from "../definition.ts";
import { sentenceKey, shortTitle } from "../sentences.ts";
import { fill, type SectionDraft, type WriteRequest, type Writer } from "../writer.ts";
import { implications } from "./implications.ts";
import { marketRead } from "./market.ts";
import { alphaNote, insightNote, researchNotes, tacticalEdgeNote } from "./notes.ts";
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
  software: "🛠️",
  people: "👥",
};

/**
 * The default writer: extractive and data-driven, needing no keys and no network. Headlines and paragraphs are the
 * sources' own best sentences (compressed only safely); notes and bullets are the sentences of the sources that
 * say why a story matters (a consequence, a stated reason, a named person's judgement) or are left out; the quote is
 * a real quotation; nothing is invented and no sentence is printed twice. A thin day gives fewer items.
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
            // "use the tip form" only when there is a form to link to.
            text: fill(def.text ?? "", { ...vars, tipForm: day.tipsUrl ? " or use the tip form" : "" }),
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
        return this.#groups(def, request, selection.groups, heading);
      case "bullets":
        return this.#bullets(def, request, selection.items, heading);
      case "market": {
        const read = marketRead(day, 3, new Set(request.toldAtLength ?? []), request.printed ?? []);
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
        return { section, evidence: read.drivers, derived: [], vars: { ticker: read.mood.ticker } };
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
    const { selection } = request;
    if (!selection.stories.length && !selection.items.length) return null;
    const blocks: StoryBlock[] = [];
    const evidence: DayItem[] = [];
    const omitted: string[] = [];
    const printed = [...(request.printed ?? [])];
    if (def.select?.sourceKinds.length) {
      for (const item of selection.items) {
        const notes = researchNotes(item).filter(
          (n) =>
            def.write.notes.some((wanted) => n.label.toLowerCase().replace(/ /g, "-") === wanted) &&
            !printed.some((p) => sentenceKey(p) === sentenceKey(n.text)),
        );
        const sentences = bestSentences({ items: [item] }, def.write.sentences, { printed }).map((s) => s.text);
        printed.push(...sentences, ...notes.map((n) => n.text));
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
        blocks.push(this.#storyBlock(def, story, printed, omitted));
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
      derived: [],
      omitted,
      vars: { headlines: headlines.join(" · "), theme: themeOf(request.day, selection.stories) },
    };
  }

  /**
   * One story: its headline and paragraphs from the sources' best sentences, then the notes the section asks for,
   * each a sentence of the sources saying why the story matters that the issue has not printed; a note with nothing
   * true to say is left out and named in `omitted`. `printed` grows with every sentence the block prints.
   */
  #storyBlock(def: SectionDefinition, story: DayStory, printed: string[], omitted: string[]): StoryBlock {
    const headline = headlineOf(story, def.write.headlineWords);
    const citations = citationsOf(story.items);
    let block: StoryBlock;
    if (def.style === "headline") {
      block = {
        storyId: story.id,
        headline: oneLiner(story, def.write.headlineWords, printed),
        paragraphs: [],
        notes: [],
        citations,
      };
      printed.push(block.headline);
    } else if (def.style === "rapid") {
      const { subject, text, sentence } = rapidLine(story, 40, printed);
      block = { storyId: story.id, headline: text, subject, paragraphs: [], notes: [], citations };
      printed.push(sentence);
    } else {
      const perParagraph = Math.max(1, def.write.sentences);
      const sentences = bestSentences(story, perParagraph * def.write.paragraphs, {
        exclude: [headline],
        anchor: headlineItem(story, def.write.headlineWords),
        printed,
      }).map((s) => s.text);
      const paragraphs: string[] = [];
      for (let i = 0; i < sentences.length; i += perParagraph)
        paragraphs.push(sentences.slice(i, i + perParagraph).join(" "));
      block = { storyId: story.id, headline, paragraphs, notes: [], citations };
      printed.push(headline, ...sentences);
    }
    for (const wanted of def.write.notes) {
      const note =
        wanted === "tactical-edge"
          ? tacticalEdgeNote(story, printed)
          : wanted === "alpha"
            ? alphaNote(story, printed)
            : wanted === "insight"
              ? insightNote(story, printed)
              : null;
      if (note) {
        block.notes.push({ label: note.label, text: note.text });
        printed.push(note.text);
      } else if (wanted === "tactical-edge" || wanted === "alpha" || wanted === "insight") {
        omitted.push(`${noteLabels[wanted]} under “${shortTitle(headline, 9)}”`);
      }
    }
    return block;
  }

  #groups(
    def: SectionDefinition,
    request: WriteRequest,
    groups: Array<{ topic: string; stories: DayStory[] }>,
    heading: string | null,
  ): SectionDraft | null {
    if (!groups.length) return null;
    const { day } = request;
    const printed = [...(request.printed ?? [])];
    const omitted: string[] = [];
    // A story an earlier section told (the market read's) is not told again.
    const told = new Set(request.told ?? []);
    const section: Section & { kind: "groups" } = {
      kind: "groups",
      id: def.id,
      heading,
      groups: groups
        .map((g) => ({
          id: g.topic,
          label: day.topics.find((t) => t.id === g.topic)?.label ?? g.topic,
          emoji: groupEmoji[g.topic] ?? null,
          stories: g.stories
            .filter((story) => !told.has(story.id))
            .map((story) => this.#storyBlock({ ...def, style: "rapid" }, story, printed, omitted)),
        }))
        .filter((g) => g.stories.length),
    };
    if (!section.groups.length) return null;
    return { section, evidence: groups.flatMap((g) => g.stories.flatMap((s) => s.items)), derived: [], omitted };
  }

  #bullets(
    def: SectionDefinition,
    request: WriteRequest,
    items: DayItem[],
    heading: string | null,
  ): SectionDraft | null {
    const { day } = request;
    if (def.content === "podcast") {
      const [episode] = items;
      if (!episode) return null;
      const lines = podcastBullets(episode, def.write.bullets, request.printed ?? []);
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
    const lines = implications(day, def.write.bullets, {
      exclude: request.printed ?? [],
      told: request.told ?? [],
    });
    const omitted =
      lines.length < def.write.bullets
        ? [
            `${def.write.bullets - lines.length} of ${def.write.bullets} bullets (the sources of the other stories state no consequence or reason to pass on)`,
          ]
        : [];
    if (!lines.length && !request.scaffold) return null;
    const used = new Set(lines.flatMap((l) => l.storyIds));
    const stories = lines.length ? day.stories.filter((s) => used.has(s.id)) : day.stories.slice(0, 3);
    return {
      section: {
        kind: "bullets",
        id: def.id,
        heading,
        lines: lines.map(({ lead, text }) => ({ ...(lead ? { lead } : {}), text })),
        citations: stories.flatMap((s) => citationsOf(s.items).slice(0, 1)),
      },
      evidence: stories.flatMap((s) => s.items),
      derived: [],
      omitted,
    };
  }
}

const noteLabels = { "tactical-edge": "The Tactical Edge", alpha: "The Alpha", insight: "Insight" } as const;

/** The themed header: the label of the topic most of the headline stories share, in capitals. */
export function themeOf(day: DayContext, stories: DayStory[]): string {
  const counts = new Map<string, number>();
  for (const story of stories) counts.set(story.topic ?? "", (counts.get(story.topic ?? "") ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const topic = day.topics.find((t) => t.id === top);
  return (topic?.theme ?? topic?.label ?? "Today in AI").toUpperCase();
}
