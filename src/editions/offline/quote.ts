import type { Citation } from "../../model/issue.ts";
import { escapeRegex } from "../../text/regex.ts";
import { splitSentences, wordCount } from "../../text/sentences.ts";
import type { DayContext, DayItem } from "../day.ts";

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
          if (!speaker || againstContext(quote, sentences, index)) continue;
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
    const name = escapeRegex(person);
    const surname = escapeRegex(person.split(/\s+/).at(-1) ?? person);
    const near = new RegExp(
      `(?:(?:${saidVerbs})\\s+(?:[\\w-]+\\s+){0,6}?(?:${name}|${surname})\\b|\\b(?:${name}|${surname})(?:,[^,]{0,60},)?\\s+(?:${saidVerbs})\\b)`,
    );
    if (near.test(sentence)) return person;
  }
  return null;
}

const irregularPast: Record<string, string[]> = {
  sell: ["sold"],
  buy: ["bought"],
  leave: ["left"],
  quit: ["quit"],
  take: ["took", "taken"],
  make: ["made"],
  give: ["gave", "given"],
  go: ["went", "gone"],
  spend: ["spent"],
  raise: ["raised"],
};

/**
 * Whether printing the quotation alone would turn it against what its article says: the speaker's next words qualify
 * it ("I don't want to sell a single share." followed by "I just had more need for money…"), or it denies doing what
 * the sentences just before say was done (he had sold the whole stake).
 */
export function againstContext(quote: string, sentences: string[], index: number): boolean {
  const next = sentences[index + 1]?.trim() ?? "";
  if (/^[“"]?(?:but|i just|however|still|yet|although|only|except|that said|then again|of course)\b/i.test(next))
    return true;
  const denial =
    /\b(?:don't|don’t|do not|won't|won’t|will not|never|didn't|didn’t|did not|not going to)\s+(?:(?:want|plan|intend|need|have) to\s+)?([a-z]+)/i.exec(
      quote,
    );
  if (!denial?.[1]) return false;
  const verb = denial[1].toLowerCase();
  const forms = [verb.length > 4 ? verb.slice(0, -1) : verb, ...(irregularPast[verb] ?? [])];
  const context = sentences
    .slice(Math.max(0, index - 2), index + 2)
    .join(" ")
    .replace(/[“"][^”"]*[”"]/g, " ")
    .toLowerCase();
  return forms.some((form) => new RegExp(`\\b${escapeRegex(form)}\\w*`).test(context));
}
