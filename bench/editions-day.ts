/**
 * A synthetic day for the editions benchmark: its stories and items (generated), and the DayContext the pipeline
 * would gather for it (analysis, topics, ranking, the week before, trends, tickers, archive), built in memory.
 */
import type { DayContext, DayItem, DayStory } from "../src/editions/day.ts";
import { analyzeText } from "../src/stories/analyze.ts";
import { storyId } from "../src/stories/cluster-items.ts";
import { rankStory } from "../src/stories/rank.ts";
import { aggregateTickerSentiment } from "../src/stories/sentiment/aggregate.ts";
import { classifyTopic, defaultTopics } from "../src/stories/topics.ts";
import { computeTrends, type Mention } from "../src/stories/trends.ts";
import { findCompany } from "../src/text/entities/companies.ts";
import { extractEntities } from "../src/text/entities/extract-entities.ts";
import { newsLexicon } from "./lib/news-lexicon.ts";
import { type NewsSource, newsSources } from "./lib/news-sources.ts";
import { abstract, article, nearCopy, showNotes } from "./lib/news-texts.ts";
import { type NewsEvent, NewsWriter } from "./lib/news-writer.ts";
import { random } from "./lib/random.ts";

export type DaySpec = { date: string; stories: number; items: number; seed?: number };

/** An item as a feed and article extraction would give it, before analysis. */
export type RawItem = { id: string; title: string; text: string; url: string; source: NewsSource; published: string };

export type GeneratedDay = {
  spec: DaySpec;
  sources: NewsSource[];
  stories: Array<{ event: NewsEvent; items: RawItem[] }>;
  /** The seven days before: one event per story, for weekStories and trends. */
  week: Array<{ event: NewsEvent; title: string; lead: string }>;
};

const hour = 3_600_000;
/** Research and podcast stories: single items, among the lower-ranked ones. */
const arxivShare = 0.15;
const podcastShare = 0.0125;

/** Story sizes summing to `items`: every story at least one item, the rest shared as 1/rank^0.6 (largest remainder). */
function storySizes(stories: number, items: number): number[] {
  const weights = Array.from({ length: stories }, (_, i) => 1 / (i + 1) ** 0.6);
  const total = weights.reduce((s, w) => s + w, 0);
  const spare = items - stories;
  const exact = weights.map((w) => (w / total) * spare);
  const sizes = exact.map((x) => 1 + Math.floor(x));
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  const missing = items - sizes.reduce((sum, n) => sum + n, 0);
  for (const { i } of order.slice(0, missing)) sizes[i] = (sizes[i] ?? 0) + 1;
  return sizes;
}

/**
 * Generates a day: `stories` events and `items` items (news and company-blog articles of 300–800 words, a fifth of
 * them syndicated near-copies; arXiv abstracts and podcast show notes as single-item stories), all published on
 * `date`, and one event for each story of each of the seven days before.
 */
export function generateDay(spec: DaySpec): GeneratedDay {
  const writer = new NewsWriter(random(spec.seed ?? 7), newsLexicon());
  const sources = newsSources();
  const news = sources.filter((s) => s.kind === "news");
  const blogs = new Map(sources.filter((s) => s.kind === "company").map((s) => [s.name.replace(/ Blog$/, ""), s]));
  const ofKind = (kind: string) => sources.filter((s) => s.kind === kind);
  const dayStart = Date.parse(`${spec.date}T00:00:00Z`);
  const special = Math.round(spec.stories * (arxivShare + podcastShare));
  const sizes = storySizes(spec.stories - special, spec.items - special);
  let counter = 0;
  const item = (source: NewsSource, time: number, title: string, text: string): RawItem => {
    counter += 1;
    const path = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60);
    const url = `https://${source.domain}/${spec.date.replace(/-/g, "/")}/${path}-${counter}`;
    return { id: `it_${counter}`, title, text, url, source, published: new Date(time).toISOString() };
  };
  const stories: GeneratedDay["stories"] = [];
  for (const size of sizes) {
    const event = writer.event(dayStart + writer.next() * 18 * hour);
    const items: RawItem[] = [];
    const outlets = [...news];
    for (let k = 0; k < size; k += 1) {
      const source =
        k > 0 && writer.next() < 0.15
          ? (blogs.get(event.company) ?? writer.pick(news))
          : (outlets.splice(Math.floor(writer.next() * outlets.length), 1)[0] ?? writer.pick(news));
      const time = Math.min(dayStart + 24 * hour - 1000, event.start + (k ? writer.next() * 6 * hour : 0));
      const original = items.length && writer.next() < 0.2 ? writer.pick(items) : null;
      const text = original
        ? nearCopy(writer, original.text, 0.005 + writer.next() * 0.1, source.name)
        : article(writer, event, source.name, writer.int(300, 800), {
            dateline: writer.next() < 0.3,
            about: source.kind === "company",
          });
      items.push(item(source, time, original?.title ?? writer.title(event, source.name), text));
    }
    stories.push({ event, items });
  }
  for (let s = 0; s < special; s += 1) {
    const event = writer.event(dayStart + writer.next() * 22 * hour, "research");
    const podcast = s < Math.round(spec.stories * podcastShare);
    const source = writer.pick(ofKind(podcast ? "podcast" : "arxiv"));
    const title = podcast ? `${source.name}: ${writer.title(event, source.name)}` : writer.title(event, "");
    const text = podcast
      ? showNotes(writer, event, source.name, writer.int(150, 400))
      : abstract(writer, event, writer.int(150, 300));
    stories.push({ event, items: [item(source, event.start, title, text)] });
  }
  const week: GeneratedDay["week"] = [];
  for (let d = 7; d >= 1; d -= 1) {
    for (let s = 0; s < spec.stories; s += 1) {
      const event = writer.event(dayStart - d * 24 * hour + writer.next() * 24 * hour);
      const lead = article(writer, event, "", 40, {}).split("\n\n")[0] ?? "";
      week.push({ event, title: writer.title(event, writer.pick(news).name), lead });
    }
  }
  return { spec, sources, stories, week };
}

const keysOf = (entities: DayItem["entities"]) =>
  entities
    .filter((e) => e.type === "org" || e.type === "product")
    .map((e) => `${e.type}:${e.normalized.toLowerCase()}`);

/** A generated item as the pipeline hands it to writers: analysed with `analyzeText`, as buildStories stores it. */
function toDayItem(raw: RawItem): DayItem {
  const analysis = analyzeText(`${raw.title}\n\n${raw.text}`);
  return {
    id: raw.id,
    title: raw.title,
    url: raw.url,
    text: raw.text,
    sourceId: raw.source.id,
    sourceName: raw.source.name,
    sourceKind: raw.source.kind,
    sourceWeight: raw.source.weight,
    publishedAt: raw.published,
    ...analysis,
  };
}

/**
 * The DayContext `dayContext` in src/pipeline/build-issue.ts would gather for the generated day: items analysed,
 * stories classified and ranked with `rankStory` (best first, items by source weight), the week's stories with
 * their entity keys, trends over both, the day's ticker moods, ten archive links.
 */
export function buildDayContext(day: GeneratedDay): DayContext {
  const { date } = day.spec;
  const asOf = Date.parse(`${date}T23:59:59.999Z`);
  const next = random(11);
  const stories: DayStory[] = day.stories.map(({ items: raw }) => {
    const items = raw.map(toDayItem).sort((a, b) => b.sourceWeight - a.sourceWeight);
    const times = items.map((i) => i.publishedAt).sort();
    const { score, factors } = rankStory({
      items: items.map((i) => ({ ...i, time: Date.parse(i.publishedAt) })),
      pinned: false,
      novelty: next() < 0.15 ? 0.3 : 0.9,
      prominence: (company) => findCompany(company)?.prominence ?? 0.3,
      now: asOf,
    });
    const topic = classifyTopic(
      items.map((i) => ({ title: i.title, text: i.text, sourceKinds: [i.sourceKind] })),
      defaultTopics,
    ).topic;
    return {
      id: storyId(raw.map((i) => i.id)),
      title: items[0]?.title ?? "",
      topic,
      topicByEditor: false,
      firstItemAt: times[0] ?? "",
      lastItemAt: times.at(-1) ?? "",
      pinned: false,
      blocked: false,
      score,
      factors,
      itemIds: items.map((i) => i.id),
      itemCount: items.length,
      outletCount: new Set(items.map((i) => i.sourceId)).size,
      items,
    };
  });
  stories.sort((a, b) => b.score - a.score);
  const weekStories = day.week.map(({ event, title, lead }) => ({
    id: `st_week_${event.id}`,
    title,
    topic: classifyTopic([{ title, text: lead, sourceKinds: ["news"] }], defaultTopics).topic,
    firstItemAt: new Date(event.start).toISOString(),
    entityKeys: [...new Set(keysOf(extractEntities(`${title}\n\n${lead}`)))],
  }));
  const mentions: Mention[] = [];
  for (const story of stories) {
    for (const key of new Set(story.items.flatMap((i) => keysOf(i.entities))))
      mentions.push({ key, day: date, storyId: story.id });
    if (story.topic) mentions.push({ key: `topic:${story.topic}`, day: date, storyId: story.id });
  }
  for (const story of weekStories) {
    const storyDay = story.firstItemAt.slice(0, 10);
    for (const key of story.entityKeys) mentions.push({ key, day: storyDay, storyId: story.id });
    if (story.topic) mentions.push({ key: `topic:${story.topic}`, day: storyDay, storyId: story.id });
  }
  const tickers = aggregateTickerSentiment(
    stories.flatMap((s) => s.items),
    { day: date },
  ).map((t) => ({ ticker: t.ticker, company: t.company, label: t.label, score: t.score, itemIds: t.itemIds }));
  const siteUrl = "https://brief.example.com";
  const archive = Array.from({ length: 10 }, (_, i) => {
    const earlier = new Date(asOf - (Math.floor(i / 2) + 1) * 86_400_000).toISOString().slice(0, 10);
    const edition = i % 2 ? "briefing" : "digest";
    return {
      title: `Daybrief ${edition} for ${earlier}`,
      url: `${siteUrl}/archive/${edition}-${earlier}.html`,
      date: earlier,
      edition,
    };
  });
  return {
    date,
    stories,
    weekStories,
    trends: computeTrends(mentions, date),
    tickers,
    archive,
    recentTips: [],
    topics: defaultTopics,
    siteUrl,
    tipsUrl: `${siteUrl}/tips`,
  };
}
