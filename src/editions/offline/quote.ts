import type { Citation } from "../../model/issue.ts";
import type { DayContext, DayItem } from "../day.ts";
import { splitSentences, wordCount } from "../sentences.ts";

export type FoundQuote = { quote: string; speaker: string; item: DayItem; citation: Citation };

const quotePattern = /[“"]([^”"]{12,400})[”"]/g;
const saidVerbs = "said|says|told|wrote|added|explained|argued|noted|posted|declared|insisted";

/**
 * The quote of the day: a real quotation from an article of the day's best stories, at least six words long, with
 * its speaker named in the same sentence ("…," said Jensen Huang / Huang said, "…"). Only people recognised by
 * entity analysis count as speakers; nothing is paraphrased into quotation marks.
 */
export function findQuote(day: DayContext): FoundQuote | null {
  for (const story of day.stories) {
    for (const item of story.items) {
      const people = item.entities.filter((e) => e.type === "person").map((e) => e.text);
      if (!people.length || !item.url) continue;
      const sentences = splitSentences(item.text);
      for (const [index, sentence] of sentences.entries()) {
        for (const match of sentence.matchAll(quotePattern)) {
          const quote = (match[1] as string).trim().replace(/[,.]$/, "");
          // A whole statement, not a fragment: it starts with a capital and says something.
          if (wordCount(quote) < 8 || wordCount(quote) > 45 || !/^[A-Z0-9]/.test(quote)) continue;
          const speaker =
            speakerOf(sentence, people) ??
            pronounSpeaker(sentence, sentences.slice(Math.max(0, index - 2), index), people);
          if (!speaker) continue;
          return {
            quote: `${quote}.`.replace(/[.!?]\.$/, (m) => m[0] ?? "."),
            speaker,
            item,
            citation: { title: item.title, url: item.url, outlet: item.sourceName },
          };
        }
      }
    }
  }
  return null;
}

/** "…," she told the audience: the speaker is the person named in the sentences just before. */
function pronounSpeaker(sentence: string, before: string[], people: string[]): string | null {
  if (!new RegExp(`\\b(?:he|she)\\s+(?:${saidVerbs})\\b`, "i").test(sentence)) return null;
  for (const previous of [...before].reverse()) {
    const named = people
      .filter((p) => previous.includes(p))
      .sort((a, b) => previous.lastIndexOf(b) - previous.lastIndexOf(a));
    if (named[0]) return named[0];
  }
  return null;
}

function speakerOf(sentence: string, people: string[]): string | null {
  for (const person of [...people].sort((a, b) => b.length - a.length)) {
    const name = person.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const surname = (person.split(/\s+/).at(-1) ?? person).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const near = new RegExp(
      `(?:(?:${saidVerbs})\\s+(?:[\\w-]+\\s+){0,6}?(?:${name}|${surname})\\b|\\b(?:${name}|${surname})(?:,[^,]{0,60},)?\\s+(?:${saidVerbs})\\b)`,
    );
    if (near.test(sentence)) return person;
  }
  return null;
}
