/** The texts of the synthetic corpus: articles, research abstracts, podcast show notes and syndicated near-copies. */
import {
  abstractTemplates,
  adjectives,
  boilerplate,
  detailTemplates,
  eventKinds,
  fillerTemplates,
  monthNames,
  showNoteTemplates,
} from "./news-words.ts";
import type { NewsEvent, NewsWriter } from "./news-writer.ts";

/**
 * An article of `targetWords` words (a sentence more or less): a lead with the event's facts, a paragraph of
 * details and quotes, then background paragraphs; company posts end with the company's boilerplate.
 */
export function article(
  writer: NewsWriter,
  event: NewsEvent,
  outlet: string,
  targetWords: number,
  options: { dateline?: boolean; about?: boolean },
): string {
  const kind = eventKinds[event.kind] ?? (eventKinds.launch as { leads: string[] });
  const date = new Date(event.start);
  const dateline = options.dateline
    ? `${event.place.toUpperCase()}, ${monthNames[date.getUTCMonth()]} ${date.getUTCDate()} (${outlet}) — `
    : "";
  const paragraphs = [
    `${dateline}${writer.fill(writer.pick(kind.leads), event, outlet)} ${writer.fill(writer.pick(detailTemplates), event, outlet)}`,
    [writer.pick(detailTemplates), writer.pick(detailTemplates)].map((t) => writer.fill(t, event, outlet)).join(" "),
  ];
  const closing = options.about ? writer.fill(boilerplate, event, outlet) : "";
  let count = countWords(paragraphs.join(" ")) + countWords(closing);
  while (count < targetWords) {
    const sentences: string[] = [];
    for (let s = writer.int(2, 4); s > 0 && count < targetWords; s -= 1) {
      const sentence = writer.fill(writer.pick(fillerTemplates), event, outlet);
      sentences.push(sentence);
      count += countWords(sentence);
    }
    paragraphs.push(sentences.join(" "));
  }
  if (closing) paragraphs.push(closing);
  return paragraphs.join("\n\n");
}

/** A research abstract of about `targetWords` words. */
export function abstract(writer: NewsWriter, event: NewsEvent, targetWords: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < targetWords) {
    const sentence = writer.fill(abstractTemplates[sentences.length % abstractTemplates.length] as string, event, "");
    sentences.push(sentence);
    count += countWords(sentence);
  }
  return sentences.join(" ");
}

/** Podcast show notes: an introduction, then short points, one per paragraph. */
export function showNotes(writer: NewsWriter, event: NewsEvent, outlet: string, targetWords: number): string {
  const paragraphs = [
    writer.fill(
      "This week on {outlet}: {per} joins us to talk about {t}, {t2} and what {c} is building.",
      event,
      outlet,
    ),
  ];
  let count = countWords(paragraphs[0] as string);
  while (count < targetWords) {
    const line = writer.fill(writer.pick([...showNoteTemplates, ...fillerTemplates]), event, outlet);
    paragraphs.push(line);
    count += countWords(line);
  }
  return paragraphs.join("\n\n");
}

/**
 * Syndicated text with small edits: each word replaced with probability `editRate`, sometimes the last paragraph
 * dropped or the syndicating outlet's name put in front. At least one word always changes, so it is never an exact duplicate.
 */
export function nearCopy(writer: NewsWriter, text: string, editRate: number, outlet: string): string {
  let paragraphs = text.split("\n\n");
  if (paragraphs.length > 3 && writer.next() < 0.3) paragraphs = paragraphs.slice(0, -1);
  const parts = paragraphs.join("\n\n").split(/(\s+)/);
  let edited = 0;
  for (let i = 0; i < parts.length; i += 2) {
    if (writer.next() < editRate) {
      parts[i] = writer.next() < 0.5 ? writer.word() : writer.pick(adjectives);
      edited += 1;
    }
  }
  if (!edited) parts[0] = writer.word();
  const copy = parts.join("");
  return writer.next() < 0.3 ? `(${outlet}) — ${copy}` : copy;
}

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) count += 1;
  return count;
}
