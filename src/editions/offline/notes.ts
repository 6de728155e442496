import type { Entity } from "../../model/entity.ts";
import { formatUsd } from "../../stories/rank.ts";
import type { DayContext, DayItem, DayStory } from "../day.ts";
import { compressSentence, splitSentences, wordCount } from "../sentences.ts";
import { subjectOf } from "./story-text.ts";

/** A labelled line, and the derived facts (counts) it states, which the grounding check accepts. */
export type Note = { label: string; text: string; derived: string[] };

/** "Nvidia's", "Black Forest Labs'". */
export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

const ordinals = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** Stories of the past week (this one included) that name the company. */
export function weekCount(day: DayContext, story: DayStory, company: string): number {
  const index = companyIndex(day);
  const week = index.week.get(`org:${company.toLowerCase()}`) ?? new Set<string>();
  const today = index.today.get(company) ?? new Set<string>();
  return week.size - (week.has(story.id) ? 1 : 0) + today.size - (today.has(story.id) ? 1 : 0) + 1;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

type CompanyIndex = { week: Map<string, Set<string>>; today: Map<string, Set<string>> };

const indexes = new WeakMap<DayContext, CompanyIndex>();

/** Which stories name each company, built once per day: writers ask for every story of a large day. */
function companyIndex(day: DayContext): CompanyIndex {
  let index = indexes.get(day);
  if (index) return index;
  index = { week: new Map(), today: new Map() };
  for (const s of day.weekStories) {
    for (const key of s.entityKeys) addTo(index.week, key, s.id);
  }
  for (const s of day.stories) {
    for (const item of s.items) {
      for (const e of item.entities) {
        if (e.type === "org") addTo(index.today, e.normalized, s.id);
      }
    }
  }
  indexes.set(day, index);
  return index;
}

/**
 * Amounts a story leads with, largest first, as written in its sources: those in a title or the opening lines,
 * where a story states its own facts (further down, articles cite other deals for context).
 */
export function storyAmounts(story: Pick<DayStory, "items">): Entity[] {
  const seen = new Set<string>();
  const out: Entity[] = [];
  const lead = (item: DayItem, entity: Entity) => entity.start < item.title.length + 2 + 320;
  for (const entity of story.items.flatMap((i) => i.entities.filter((e) => lead(i, e)))) {
    if ((entity.type !== "money" && entity.type !== "quantity") || entity.value === undefined) continue;
    const key = `${entity.type}:${entity.unit ?? ""}:${entity.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entity);
  }
  return out.sort((a, b) => (a.type === b.type ? (b.value ?? 0) - (a.value ?? 0) : a.type === "money" ? -1 : 1));
}

/** "Insight: …" under a Rapid Fire item: the strongest thing the data says about the story. */
export function insightNote(day: DayContext, story: DayStory): Note | null {
  const company = subjectOf(story);
  if (company) {
    const count = weekCount(day, story, company);
    if (count >= 2 && count <= 10) {
      return {
        label: "Insight",
        text: `${possessive(company)} ${ordinals[count]} story in our coverage this week.`,
        derived: [String(count), ordinals[count] as string],
      };
    }
    const mood = day.tickers.find((t) => t.company === company && t.label !== "Neutral");
    if (mood)
      return {
        label: "Insight",
        text: `Today's coverage reads ${mood.label.toLowerCase()} for ${mood.ticker}.`,
        derived: [],
      };
  }
  const [largest] = storyAmounts(story).filter((e) => e.type === "money" && (e.value ?? 0) >= 1e6);
  if (largest?.value)
    return { label: "Insight", text: `The biggest number in the coverage: ${largest.text.trim()}.`, derived: [] };
  if (story.outletCount >= 2) {
    return {
      label: "Insight",
      text: `Covered by ${story.outletCount} outlets today.`,
      derived: [String(story.outletCount)],
    };
  }
  const label = day.topics.find((t) => t.id === story.topic)?.label;
  const inTopic = day.stories.filter((s) => s.topic === story.topic).length;
  if (!label) return null;
  const text = inTopic > 1 ? `One of ${inTopic} stories under ${label} today.` : `Today's only story under ${label}.`;
  return { label: "Insight", text, derived: [String(inTopic), label] };
}

/** "The Tactical Edge": the figures to remember from the story, as its sources state them. */
export function tacticalEdgeNote(story: DayStory): Note | null {
  const amounts = storyAmounts(story).slice(0, 3);
  if (amounts.length >= 2) {
    const list = amounts.map((a) => a.text.trim());
    return {
      label: "The Tactical Edge",
      text: `The figures to keep: ${list.slice(0, -1).join(", ")} and ${list.at(-1)}.`,
      derived: [],
    };
  }
  if (amounts.length === 1)
    return { label: "The Tactical Edge", text: `The figure to keep: ${amounts[0]?.text.trim()}.`, derived: [] };
  return null;
}

/** "The Alpha": where the story sits in the week — how often its company has come up, how widely it is covered. */
export function alphaNote(day: DayContext, story: DayStory): Note | null {
  const company = subjectOf(story);
  const count = company ? weekCount(day, story, company) : 0;
  if (company && count >= 2 && count <= 10) {
    return {
      label: "The Alpha",
      text: `This is ${possessive(company)} ${ordinals[count]} story in our coverage this week; ${story.outletCount} outlet${story.outletCount === 1 ? "" : "s"} covered this one.`,
      derived: [String(count), ordinals[count] as string, String(story.outletCount)],
    };
  }
  const topicStories = day.stories.filter((s) => s.topic === story.topic).length;
  const label = day.topics.find((t) => t.id === story.topic)?.label;
  if (label && topicStories >= 2) {
    return {
      label: "The Alpha",
      text: `One of ${topicStories} stories filed under ${label} today, and the most covered: ${story.outletCount} outlet${story.outletCount === 1 ? "" : "s"}.`,
      derived: [String(topicStories), String(story.outletCount)],
    };
  }
  return null;
}

const findingWords =
  /\b(?:outperform|improv|achiev|reduc|increas|faster|speed|accura|state-of-the-art|surpass|match|gain|lower|higher|better|shows?|find|found|demonstrat)\w*/i;
const useWords =
  /\b(?:we (?:propose|introduce|present|release|open-source)|enables?|allows?|can be used|practical|deploy|applications?|open-source|code (?:is|and)|toolkit|framework)\b/i;

/** Research Corner: "The Insight" is the abstract's finding; "Builder Use Case" the sentence on what it enables. */
export function researchNotes(item: DayItem): Note[] {
  const sentences = splitSentences(item.text)
    .map(compressSentence)
    .filter((s) => wordCount(s) >= 8 && wordCount(s) <= 60 && !/^abstract[:\s]/i.test(s));
  const finding =
    sentences.find((s) => findingWords.test(s) && /\d/.test(s)) ??
    sentences.find((s) => findingWords.test(s)) ??
    sentences[0];
  const use = sentences.find((s) => s !== finding && useWords.test(s));
  const out: Note[] = [];
  if (finding) out.push({ label: "The Insight", text: finding, derived: [] });
  if (use) out.push({ label: "Builder Use Case", text: use, derived: [] });
  return out;
}

export { formatUsd };
