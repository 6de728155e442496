import type { SourceKind } from "../../src/model/source.ts";
import type { ClusterInput } from "../../src/stories/features.ts";
import { newsLexicon } from "./news-lexicon.ts";
import { type NewsSource, newsSources } from "./news-sources.ts";
import { abstract, article, nearCopy, showNotes } from "./news-texts.ts";
import { type NewsEvent, NewsWriter } from "./news-writer.ts";
import { random } from "./random.ts";

/** An item of the synthetic corpus: what clustering reads, plus the truth it was generated from. */
export type CorpusItem = ClusterInput & {
  id: string;
  title: string;
  text: string;
  url: string;
  source: string;
  published: string;
  sourceName: string;
  sourceKind: SourceKind;
  sourceWeight: number;
  /** The event the item reports; singletons have an event of their own. */
  event: string;
  /** The item this one is a syndicated near-copy of, when it is one. */
  copyOf: string | null;
};

export type CorpusOptions = {
  items: number;
  seed?: number;
  /** Items per day: 2,000 makes 100,000 items span 50 days. */
  itemsPerDay?: number;
  /** Article length in words, drawn uniformly. */
  words?: [number, number];
  /** First day, UTC. */
  start?: string;
};

const hour = 3_600_000;
const day = 24 * hour;
const sizes = [2, 3, 4, 5, 6];
const sizeWeights = [0.35, 0.25, 0.18, 0.12, 0.1];

/**
 * A deterministic synthetic AI-news corpus in time order: every day, events until `itemsPerDay` items — 60% of
 * events are single items (4% of them arXiv abstracts, 1% podcast notes), the rest have 2–6 items from different
 * outlets spread over up to 40 hours, a quarter of them syndicated near-copies of an earlier item with 0.5–20% of
 * words changed. The corpus of N items is the first N items of any larger one with the same seed.
 *
 * @example
 * const items = newsCorpus({ items: 10_000 }); // five days of news
 */
export function newsCorpus(options: CorpusOptions): CorpusItem[] {
  const perDay = options.itemsPerDay ?? 2000;
  const [minWords, maxWords] = options.words ?? [120, 400];
  const writer = new NewsWriter(random(options.seed ?? 1), newsLexicon());
  const sources = newsSources();
  const news = sources.filter((s) => s.kind === "news");
  const blogs = new Map(sources.filter((s) => s.kind === "company").map((s) => [s.name.replace(/ Blog$/, ""), s]));
  const arxiv = sources.filter((s) => s.kind === "arxiv");
  const podcasts = sources.filter((s) => s.kind === "podcast");
  const first = Date.parse(`${options.start ?? "2025-10-01"}T00:00:00Z`);
  const out: CorpusItem[] = [];
  let counter = 0;
  const make = (
    event: NewsEvent,
    source: NewsSource,
    time: number,
    title: string,
    text: string,
    copyOf: string | null,
  ) => {
    counter += 1;
    const id = `it_${counter}`;
    const when = new Date(time).toISOString();
    const path = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60);
    const item: CorpusItem = {
      id,
      title,
      text,
      url: `https://${source.domain}/${when.slice(0, 10).replace(/-/g, "/")}/${path}-${counter}`,
      source: source.id,
      published: when,
      sourceName: source.name,
      sourceKind: source.kind,
      sourceWeight: source.weight,
      event: event.id,
      copyOf,
    };
    // As `stories cluster --jsonl` or the store hands items over: parsed, so every string is flat (the writer builds
    // text by concatenation, which V8 keeps as a tree of pieces until first read).
    const parsed = JSON.parse(JSON.stringify(item)) as CorpusItem;
    out.push(parsed);
    return parsed;
  };
  const days = Math.ceil(options.items / perDay) + 2;
  for (let d = 0; d < days; d += 1) {
    const dayStart = first + d * day;
    for (let count = 0; count < perDay; ) {
      const event = writer.event(dayStart + writer.next() * day);
      const words = () => writer.int(minWords, maxWords);
      if (writer.next() < 0.6) {
        const roll = writer.next();
        if (roll < 0.04) {
          const source = writer.pick(arxiv);
          make(
            event,
            source,
            event.start,
            writer.title({ ...event, kind: "research" }, ""),
            abstract(writer, event, words()),
            null,
          );
        } else if (roll < 0.05) {
          const source = writer.pick(podcasts);
          make(
            event,
            source,
            event.start,
            `${source.name}: ${writer.title(event, source.name)}`,
            showNotes(writer, event, source.name, words()),
            null,
          );
        } else {
          const source = writer.pick(news);
          make(
            event,
            source,
            event.start,
            writer.title(event, source.name),
            article(writer, event, source.name, words(), { dateline: writer.next() < 0.3 }),
            null,
          );
        }
        count += 1;
        continue;
      }
      const size = weightedSize(writer.next());
      const items: CorpusItem[] = [];
      for (let k = 0; k < size; k += 1) {
        const source =
          k > 0 && writer.next() < 0.15 ? (blogs.get(event.company) ?? writer.pick(news)) : writer.pick(news);
        const original = items.length ? writer.pick(items) : null;
        if (original && writer.next() < 0.25) {
          const time = Date.parse(original.published) + writer.next() * 3 * hour;
          const title = writer.next() < 0.5 ? original.title : writer.title(event, source.name);
          const text = nearCopy(writer, original.text, 0.005 + writer.next() * 0.195, source.name);
          items.push(make(event, source, time, title, text, original.id));
          continue;
        }
        const time = k === 0 ? event.start : event.start + Math.min(40 * hour, -Math.log(1 - writer.next()) * 5 * hour);
        const text = article(writer, event, source.name, words(), {
          dateline: writer.next() < 0.3,
          about: source.kind === "company",
        });
        items.push(make(event, source, time, writer.title(event, source.name), text, null));
      }
      count += size;
    }
  }
  out.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id, "en", { numeric: true }));
  return out.slice(0, options.items);
}

function weightedSize(r: number): number {
  let left = r;
  for (let i = 0; i < sizes.length; i += 1) {
    left -= sizeWeights[i] as number;
    if (left <= 0) return sizes[i] as number;
  }
  return 6;
}
