import type { Citation } from "../../model/issue.ts";
import { findCompany, rootCompany } from "../../text/entities/companies.ts";
import { notNames, numberWords } from "../../text/entities/name-words.ts";
import { productMaker } from "../../text/entities/product-makers.ts";
import { escapeRegex } from "../../text/regex.ts";
import { limitWords, splitSentences, wordCount } from "../../text/sentences.ts";
import { contentTokens } from "../../text/tokens.ts";
import type { DayItem, DayStory } from "../day.ts";
import { compressSentence, sentenceKey, standsAlone } from "../sentences.ts";

/** Every item of a story as a citation, most trusted outlet first, one per outlet. */
export function citationsOf(items: DayItem[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const item of [...items].sort((a, b) => b.sourceWeight - a.sourceWeight)) {
    if (!item.url || seen.has(item.sourceId)) continue;
    seen.add(item.sourceId);
    out.push({ title: item.title, url: item.url, outlet: item.sourceName });
  }
  return out;
}

/** Terms the story's items agree on: what a sentence should mention to be about the story. */
function storyTerms(items: DayItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const term of new Set(contentTokens(`${item.title} ${item.text.slice(0, 1200)}`)))
      counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Outlet names and "Explainer:"-style labels do not belong in a headline. */
function cleanTitle(title: string, outlets: string[]): string {
  let t = title.replace(/\s+/g, " ").trim();
  for (const outlet of outlets) t = t.replace(new RegExp(`\\s+[-|–—:]\\s+${escapeRegex(outlet)}$`, "i"), "");
  t = t.replace(/^(?:explainer|analysis|opinion|exclusive|watch|listen|podcast|ep\.?\s*\d+)\s*[:—–-]\s*/i, "");
  return t.replace(/[.;:]+$/, "");
}

/**
 * The story's headline: the item title that best states what the coverage agrees on (its words are shared by the
 * other titles), from a trusted outlet, short enough, not a podcast or explainer title.
 */
export function headlineOf(story: DayStory, maxWords: number): string {
  const outlets = story.items.map((i) => i.sourceName);
  return limitWords(cleanTitle(headlineItem(story, maxWords).title, outlets), maxWords);
}

/** The item whose title `headlineOf` uses. */
export function headlineItem(story: Pick<DayStory, "items">, maxWords: number): DayItem {
  const candidates = story.items.filter((i) => i.sourceKind !== "podcast").length
    ? story.items.filter((i) => i.sourceKind !== "podcast")
    : story.items;
  const titleTerms = candidates.map((i) => new Set(contentTokens(i.title)));
  let best = candidates[0] as DayItem;
  let bestScore = Number.NEGATIVE_INFINITY;
  candidates.forEach((item, i) => {
    const terms = titleTerms[i] as Set<string>;
    let shared = 0;
    titleTerms.forEach((other, j) => {
      if (j !== i) for (const term of terms) if (other.has(term)) shared += 1;
    });
    const words = wordCount(item.title);
    const score =
      shared / Math.max(1, candidates.length - 1) +
      item.sourceWeight * 2 -
      (words > maxWords ? 3 : 0) -
      (words > 16 ? 1 : 0) -
      (titleCase(item.title) ? 1.5 : 0) -
      (item.sourceKind === "press" || item.sourceKind === "company" ? 1 : 0) -
      (/\b(?:announces?|announcing)\b/i.test(item.title) ? 1.5 : 0) -
      (/^(?:explainer|analysis|opinion|ep\.?\s*\d+|how|why|what)\b/i.test(item.title) ? 2 : 0);
    if (score > bestScore) {
      best = item;
      bestScore = score;
    }
  });
  return best;
}

/** The companies an item's title names (companies only: an exchange or a regulator is context, not a subject). */
function titleCompanies(item: DayItem): Set<string> {
  const title = item.title.toLowerCase();
  return new Set(
    item.entities
      .filter((e) => e.type === "org" && title.includes(e.text.toLowerCase()) && findCompany(e.normalized))
      .map((e) => e.normalized),
  );
}

/** "NVIDIA and Mistral AI Bring the Mistral 3 Open Model Family to NVIDIA Platforms": press-release capitals. */
function titleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /^[a-z]/i.test(w) && w.length > 3);
  return words.length >= 4 && words.filter((w) => /^[A-Z]/.test(w)).length / words.length > 0.8;
}

type Scored = { text: string; score: number; item: DayItem; position: number };

/**
 * The best sentences of a story's sources: early sentences that mention what the coverage agrees on, the amounts
 * and names it states, from trusted outlets; never two that say the same thing; each compressed only safely.
 */
export function bestSentences(
  story: Pick<DayStory, "items">,
  count: number,
  options: { maxWords?: number; exclude?: string[]; anchor?: DayItem; printed?: string[] } = {},
): Array<{ text: string; item: DayItem }> {
  if (count <= 0) return [];
  const printed = new Set((options.printed ?? []).map(sentenceKey));
  const terms = storyTerms(story.items);
  const n = story.items.length;
  const centrality = itemCentrality(story.items);
  const most = Math.max(0, ...centrality.values());
  // The item the headline comes from: an item whose title is about other companies only is a different report
  // (MetaX's listing is not Moore Threads'), and mixing their sentences would misattribute their facts.
  const anchor = n > 1 ? (options.anchor ?? headlineItem(story, 14)) : null;
  const anchorCompanies = anchor ? titleCompanies(anchor) : new Set<string>();
  const scored: Scored[] = [];
  for (const item of story.items) {
    if (anchor && item !== anchor && anchorCompanies.size) {
      const companies = titleCompanies(item);
      if (companies.size && ![...companies].some((c) => anchorCompanies.has(c))) continue;
    }
    // In a story of three or more items, one that drifted in (its title shares little with the others) is not quoted.
    if (n >= 3 && (centrality.get(item.id) ?? 0) < most * 0.5) continue;
    // Papers and episodes have sections of their own: a news story is told from its reporting.
    if (
      (item.sourceKind === "podcast" || item.sourceKind === "arxiv") &&
      story.items.some((i) => i.sourceKind !== "podcast" && i.sourceKind !== "arxiv")
    )
      continue;
    const sentences = splitSentences(item.text).slice(0, 8);
    sentences.forEach((raw, position) => {
      const text = compressSentence(raw);
      const words = wordCount(text);
      if (
        words < 8 ||
        words > (options.maxWords ?? 45) ||
        !standsAlone(text) ||
        /[?]$/.test(text) ||
        /^["“]/.test(text)
      )
        return;
      // A company's "we" reads wrong in someone else's newsletter; a sentence the issue printed is not printed again.
      // Nor does a line that speaks to the reader ("…works well when you have…"): an explainer's set-up, not news.
      if (firstPerson(text) || addressesReader(text) || printed.has(sentenceKey(text))) return;
      let agreement = 0;
      const tokens = new Set(contentTokens(text));
      for (const token of tokens) agreement += ((terms.get(token) ?? 1) - 1) / Math.max(1, n - 1);
      const facts = (text.match(/\$|€|£|\d/g) ?? []).length > 0 ? 1 : 0;
      const score =
        agreement / Math.sqrt(tokens.size + 1) +
        facts * 0.6 +
        item.sourceWeight * 0.5 +
        (centrality.get(item.id) ?? 0) * 1.5 -
        position * 0.35;
      scored.push({ text, score, item, position });
    });
  }
  scored.sort((a, b) => b.score - a.score);
  const chosen: Scored[] = [];
  const excluded = (options.exclude ?? []).map((e) => new Set(contentTokens(e)));
  for (const candidate of scored) {
    if (chosen.length >= count) break;
    // A sentence that only restates the headline adds nothing; one that expands it (the lead) is what a reader
    // wants first.
    const tokens = new Set(contentTokens(candidate.text));
    const repeatsExcluded = excluded.some((other) => contained(tokens, other) > 0.5);
    if (
      !repeatsExcluded &&
      !repeats(
        candidate.text,
        chosen.map((c) => c.text),
      )
    )
      chosen.push(candidate);
  }
  // Keep the order a reader expects: sentences from one source in their own order, the lead first.
  chosen.sort((a, b) => (a.item === b.item ? a.position - b.position : b.score - a.score));
  return chosen.map((c) => ({ text: c.text, item: c.item }));
}

/**
 * How central each item is to its story: the share of the other items' titles its title's words appear in. An item
 * that drifted into the story (a related but different report) scores low, so its sentences rarely lead.
 */
function itemCentrality(items: DayItem[]): Map<string, number> {
  const titles = items.map((i) => new Set(contentTokens(i.title)));
  const out = new Map<string, number>();
  items.forEach((item, i) => {
    const mine = titles[i] as Set<string>;
    let total = 0;
    titles.forEach((other, j) => {
      if (i === j || !mine.size) return;
      let shared = 0;
      for (const term of mine) if (other.has(term)) shared += 1;
      total += shared / mine.size;
    });
    out.set(item.id, items.length > 1 ? total / (items.length - 1) : 1);
  });
  return out;
}

/** "We are announcing", "our new chip": first person outside quotation marks. */
/** Whether a sentence, outside its quotations, speaks to the reader ("you", "your"). */
export function addressesReader(sentence: string): boolean {
  return /\b(?:you|your|yours|yourself|you're|you’re|you've|you’ve|you'll|you’ll)\b/i.test(
    sentence.replace(/[“"][^”"]*[”"]/g, " "),
  );
}

export function firstPerson(sentence: string): boolean {
  const outsideQuotes = sentence.replace(/[“"][^”"]*[”"]/g, " ");
  // "US" (the country) and "I" in "Phase I" are not pronouns; lower-case "us" and a lone "I " are.
  return (
    /\b(?:we|we're|we’re|we've|we’ve|our|ours|i'm|i’m|my)\b/i.test(outsideQuotes) ||
    /\bus\b/.test(outsideQuotes) ||
    /(?:^|[.,;:]\s+|\s)I\s+[a-z]/.test(outsideQuotes)
  );
}

/** Whether a sentence says what one of `chosen` already says: most of its words, or two of its figures. */
export function repeats(sentence: string, chosen: string[]): boolean {
  const tokens = new Set(contentTokens(sentence));
  const numbers = numbersIn(sentence);
  return chosen.some(
    (other) =>
      overlap(tokens, new Set(contentTokens(other))) > 0.35 ||
      [...numbersIn(other)].filter((n) => numbers.has(n)).length >= 2,
  );
}

/** The figures a sentence states ("675", "41", "3.25"): two sentences stating the same two figures say the same thing. */
function numbersIn(sentence: string): Set<string> {
  return new Set((sentence.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(/,/g, "")));
}

/** Share of `a`'s tokens that `b` has. */
function contained(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / Math.max(1, a.size);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * One line for a headline list: the story's best short sentence, or its headline. A headline list has no label, so
 * the line must name who the story is about: "The new money brings the total it has raised to more than $450
 * million" gives way to the headline.
 */
export function oneLiner(story: DayStory, maxWords: number, printed: string[] = []): string {
  const [best] = bestSentences(story, 1, { maxWords, printed });
  // A teaser ("AWS saved its CPU news for the last day") says less than the headline: a line without a figure gives
  // way to the headline.
  return best && /[\d$€£¥]/.test(best.text) && namesSubject(best.text, story)
    ? best.text
    : `${headlineOf(story, maxWords)}.`;
}

/** Whether a sentence names the story's company (by any name its items use for it); true when it has none. */
function namesSubject(text: string, story: DayStory): boolean {
  const subject = subjectOf(story);
  if (!subject) return true;
  const names = new Set([
    subject,
    ...story.items.flatMap((i) => i.entities.filter((e) => e.normalized === subject).map((e) => e.text)),
  ]);
  return [...names].some((name) => name.length > 1 && new RegExp(`\\b${escapeRegex(name)}\\b`).test(text));
}

/** The company a story is about: the organisation its titles and texts name most. */
const subjects = new WeakMap<DayItem[], string | null>();

/**
 * The company a story is about: the subject the stories stage gave it when its sources name it (so the label is
 * grounded), else the organisation its titles name, most often, else the one its texts name most.
 */
export function subjectOf(story: Pick<DayStory, "items"> & { subject?: DayStory["subject"] }): string | null {
  const cached = subjects.get(story.items);
  if (cached !== undefined) return cached;
  const subject = namedSubject(story) ?? findSubject(story.items);
  subjects.set(story.items, subject);
  return subject;
}

/** The stage's subject of the story, if one of its items names it (as a name or an alias of it). */
function namedSubject(story: { items: DayItem[]; subject?: DayStory["subject"] }): string | null {
  const name = story.subject?.name;
  if (!name) return null;
  const named = story.items.some(
    (item) => item.entities.some((e) => e.normalized === name) || `${item.title}\n${item.text}`.includes(name),
  );
  return named ? name : null;
}

function findSubject(items: DayItem[]): string | null {
  const score = new Map<string, number>();
  const inTitles = new Set<string>();
  for (const item of items) {
    const title = item.title.toLowerCase();
    for (const entity of item.entities) {
      if (entity.type !== "org") continue;
      const inTitle = title.includes(entity.text.toLowerCase());
      if (inTitle) inTitles.add(entity.normalized);
      score.set(entity.normalized, (score.get(entity.normalized) ?? 0) + (inTitle ? 3 : 1));
    }
  }
  const ranked = [...score.entries()]
    .filter(([name]) => !inTitles.size || inTitles.has(name))
    .sort((a, b) => b[1] - a[1]);
  if (inTitles.size || !items[0]) return ranked[0]?.[0] ?? null;
  // No known company in any title: the name a title opens with ("Boeing (BA) jumps…") is the subject.
  if (
    /^(?:what|how|why|when|who|where|which|inside|explainer|analysis|opinion|the|a|an|in|on|at)\b/i.test(items[0].title)
  )
    return ranked[0]?.[0] ?? null;
  const opener = /^([A-Z][\p{L}&.'-]+(?: [A-Z][\p{L}&.'-]+){0,2})(?= \([A-Z.]{1,6}\)| (?:[a-z]+s|[a-z]+ed)\b)/u.exec(
    items[0].title,
  )?.[1];
  // "Thirty days out…", "Ten million downloads…": a number word or a common word opening a headline is not a name.
  const first = opener?.split(" ")[0] ?? "";
  const named = opener && !numberWords.has(first) && !notNames.has(first) ? opener : null;
  return named ?? ranked[0]?.[0] ?? null;
}

/**
 * "Company: what happened." — the story's best sentence, with the company's own name dropped from its start when
 * the sentence opens with it ("Nvidia said it would invest…" stays whole; "Nvidia invested…" becomes "Invested…").
 */
export function rapidLine(
  story: DayStory,
  maxWords: number,
  printed: string[] = [],
): { subject: string; text: string; sentence: string } {
  const [best] = bestSentences(story, 1, { maxWords, printed });
  const text = best?.text ?? `${headlineOf(story, maxWords)}.`;
  // The company the line is about: the subject of the item the sentence comes from (its title names it), else the
  // first company the sentence names ("MIT" in "MIT-licensed" is a licence, not the story's company).
  const own = best ? subjectOf({ items: [best.item] }) : null;
  const named = best
    ? best.item.entities.filter((e) => e.type === "org" && text.includes(e.text)).map((e) => e.normalized)
    : [];
  const subject = lineSubject(
    text,
    best?.item.entities ?? [],
    namedSubject(story) ?? own ?? named[0] ?? subjectOf(story) ?? story.items[0]?.sourceName ?? "",
    story,
  );
  const aliases = [
    ...new Set([
      subject,
      ...story.items.flatMap((i) => i.entities.filter((e) => e.normalized === subject).map((e) => e.text)),
    ]),
  ].sort((a, b) => b.length - a.length);
  for (const alias of aliases) {
    // Only "Nvidia invested…" becomes "Invested…": the name must be followed directly by a verb of action.
    const match = new RegExp(`^${escapeRegex(alias)}(?:\\s*\\([A-Z.:\\s]{1,16}\\))?\\s+([a-z]+)\\b`).exec(text);
    const verb = match?.[1] ?? "";
    if (match && actionVerb(verb)) {
      const rest = text.slice(match[0].length - verb.length);
      return { subject, text: rest.charAt(0).toUpperCase() + rest.slice(1), sentence: text };
    }
  }
  return { subject, text, sentence: text };
}

/**
 * The label a Rapid Fire line carries must be what the sentence is about, or the label contradicts it ("Nvidia:
 * Moore Threads Technology … is preparing to begin trading"): a company or person the sentence opens with is its
 * subject. (A company named later in the sentence is not: "Most suits, including the case against OpenAI, …".)
 */
function lineSubject(
  text: string,
  entities: DayItem["entities"],
  subject: string,
  story: Pick<DayStory, "items">,
): string {
  const named = entities
    // At a word's end: "Meta" does not open "Metaverse spending…".
    .filter(
      (e) =>
        (e.type === "org" || e.type === "person") &&
        text.startsWith(e.text) &&
        !/[\p{L}\p{N}]/u.test(text.charAt(e.text.length)),
    )
    .sort((a, b) => b.text.length - a.text.length);
  const aliasesOf = (name: string) =>
    new Set([name, ...story.items.flatMap((i) => i.entities.filter((e) => e.normalized === name).map((e) => e.text))]);
  const opening = named[0];
  if (!opening || aliasesOf(subject).has(opening.text)) return subject;
  // "Lambda's model…" in a story about AWS Lambda: a word of the subject's own product, not another company.
  const ofProduct = story.items.some((item) =>
    item.entities.some(
      (e) =>
        e.type === "product" &&
        e.text !== opening.text &&
        e.text.includes(opening.text) &&
        sameCompany(productMaker(e.normalized) ?? productMaker(e.text), subject),
    ),
  );
  return ofProduct ? subject : opening.normalized;
}

/** Whether two names are one company, or a unit and its parent (AWS and Amazon). */
function sameCompany(a: string | null, b: string): boolean {
  const x = a ? findCompany(a) : null;
  const y = findCompany(b);
  return Boolean(x && y && rootCompany(x).name === rootCompany(y).name);
}

const reportingVerbs = new Set(["said", "says", "told", "announced", "announces", "stated", "noted", "wrote", "added"]);
const presentVerbs = new Set([
  "is",
  "has",
  "will",
  "plans",
  "wants",
  "aims",
  "expects",
  "agrees",
  "launches",
  "releases",
  "raises",
  "buys",
  "opens",
  "ships",
  "unveils",
  "adds",
  "makes",
  "takes",
  "invests",
  "acquires",
  "signs",
  "hires",
  "cuts",
  "names",
  "introduces",
  "debuts",
  "brings",
  "puts",
  "joins",
  "reports",
  "posts",
  "sets",
]);

function actionVerb(word: string): boolean {
  if (reportingVerbs.has(word)) return false;
  return presentVerbs.has(word) || (/ed$/.test(word) && word.length > 3);
}
