import { splitSentences, wordCount } from "../../text/sentences.ts";
import type { DayItem, DayStory } from "../day.ts";
import { compressSentence, sentenceKey, standsAlone } from "../sentences.ts";
import { firstPerson, repeats, subjectOf } from "./story-text.ts";

/**
 * Why a story matters, in its sources' own words: a reason they state ("to focus supply on…", "citing demand
 * for…"), a consequence they draw ("which would make it…", "customers will be able to…"), or the judgement of someone
 * they name (an analyst's or the company's words, attributed in the sentence). Never a count, never made up.
 */
export type WhyKind = "reason" | "consequence" | "voice";
export type Why = { text: string; item: DayItem; kind: WhyKind };

const saidVerbs = "said|says|told|wrote|added|argued|noted|explained|warned|predicted|expects?|believes?";

/** Someone named weighs in: quoted words or an analyst's view, attributed within the sentence. */
function voiceOf(sentence: string): boolean {
  const attributed = new RegExp(`\\b(?:${saidVerbs})\\b`, "i").test(sentence) || /\baccording to\b/i.test(sentence);
  if (!attributed) return false;
  const quoted = /[“"][^”"]{15,}[”"]/.test(sentence);
  const analyst = /\b(?:analysts?|strategists?|economists?|researchers? at|chief executive|CEO|CFO|founder)\b/.test(
    sentence,
  );
  // The speaker is named: a capitalised name after the first word (not a pronoun, which standsAlone refuses).
  const named = /\s[A-Z][\p{L}'’-]+/u.test(sentence);
  return named && (quoted || analyst);
}

const reasonWords =
  /\b(?:because|in order to|so that|in a bid to|as it (?:seeks|tries|looks|races)|aim(?:s|ing|ed)? to|seeking to|citing|due to|driven by|to (?:focus|direct|free up|secure|improve|reduce|compete|keep up|meet|support|expand|strengthen|shore up|catch up|protect|lock in|guarantee))\b/i;

const consequenceWords =
  /\b(?:which (?:would|will|could|means|gives|lets|makes|puts|leaves)|means (?:that )?|will (?:let|allow|give|make|enable|mean|be able)|lets|allowing|enabling|signal(?:s|led|ing|ling)? (?:that|a|an|the|its|how)|making it|for the first time|the first (?:time|[a-z]+ to)|could (?:reshape|change|push|cut|raise|lower|help|give|open|make|mean|put|force)|would (?:make|give|be the|mark|let|allow|put)|marks? (?:a|the)|puts? (?:[a-z]+ )?pressure|a sign (?:that|of)|shows? (?:that|how)|bet(?:s|ting)? (?:that|on))\b/i;

/** Words of a consequence for people who buy, build on or invest in what the story is about. */
const forBuilders =
  /\b(?:customers?|developers?|users?|buyers?|prices?|priced|pricing|available|availability|subscribers?|enterprises?|businesses|teams|apps?|API|open[- ]source|open weights|licen[cs]e[ds]?|free|cheaper|investors?|supply|capacity)\b/;

export type WhyOptions = {
  /** Sentences already printed (in the issue, or in this story's block), which must not be printed again. */
  exclude?: Iterable<string>;
  /** The kinds wanted, best first. */
  kinds?: WhyKind[];
  /** Only consequences for people who build, buy or invest (The Tactical Edge). */
  forBuilders?: boolean;
  maxWords?: number;
};

/**
 * The sentence of a story's sources that best says why it matters, or null when none does (the line is then left
 * out, never padded). Only items about the story's own company count, podcasts only when nothing else covers it.
 */
export function whyItMatters(story: Pick<DayStory, "items">, options: WhyOptions = {}): Why | null {
  const kinds = options.kinds ?? ["voice", "consequence", "reason"];
  const exclude = [...(options.exclude ?? [])];
  const excludedKeys = new Set(exclude.flatMap((e) => splitSentences(e)).map(sentenceKey));
  const subject = subjectOf(story);
  const reporting = story.items.filter((i) => i.sourceKind !== "podcast");
  const items = (reporting.length ? reporting : story.items).filter((item) => {
    const own = subjectOf({ items: [item] });
    return !subject || !own || own === subject;
  });
  let best: { why: Why; score: number } | null = null;
  for (const item of items) {
    // A press release's "About the company" boilerplate describes the company, not why the news matters.
    const body =
      item.text.split(/\n\s*(?:About [A-Z][^\n]{0,60}|Forward-looking statements?|Media contacts?:?)\s*\n/i)[0] ?? "";
    splitSentences(body)
      .slice(0, 14)
      .forEach((raw, position) => {
        const text = compressSentence(raw);
        const words = wordCount(text);
        if (words < 8 || words > (options.maxWords ?? 42)) return;
        if (!standsAlone(text) || firstPerson(text) || /[?]$/.test(text) || /^["“]/.test(text)) return;
        // A quotation cut off by the sentence splitter is no longer the speaker's words.
        if ((text.match(/[“”"]/g) ?? []).length % 2 !== 0) return;
        if (excludedKeys.has(sentenceKey(text)) || repeats(text, exclude)) return;
        if (options.forBuilders && !forBuilders.test(text)) return;
        const kind: WhyKind | null = voiceOf(text)
          ? "voice"
          : consequenceWords.test(text)
            ? "consequence"
            : reasonWords.test(text)
              ? "reason"
              : null;
        if (!kind || !kinds.includes(kind)) return;
        const score = (kinds.length - kinds.indexOf(kind)) * 1.2 + item.sourceWeight * 0.5 - position * 0.15;
        if (!best || score > best.score) best = { why: { text, item, kind }, score };
      });
  }
  return (best as { why: Why; score: number } | null)?.why ?? null;
}
