import type { Entity } from "../model/entity.ts";
import type { IssueNote, Section, StoryBlock } from "../model/issue.ts";
import { extractEntities } from "../text/entities/extract-entities.ts";
import { escapeRegex } from "../text/regex.ts";
import { splitSentences } from "../text/sentences.ts";
import { contentTokens } from "../text/tokens.ts";
import { type Amount, amountsIn, supports } from "./amounts.ts";
import type { DayItem } from "./day.ts";
import { numberWords } from "./sentences.ts";
import type { SectionDraft } from "./writer.ts";

/** The sources a text may state facts from: their normalised text and the entities found in them. */
export type Evidence = {
  text: string;
  entities: Entity[];
  derived: Set<string>;
  /** Every amount the sources state, with currency and precision (see amounts.ts). */
  amounts: Amount[];
  /** The sources as written (quotes and dashes unified, case kept), for names "as the sources spell them". */
  raw: string;
};

export type Failure = { claim: string; kind: "number" | "money" | "quantity" | "percent" | "name" | "quote" };

/** Numbers written as words a sentence can state; "one" is left out ("one of the", "one-off"). */
const spelled = numberWords.slice(2);

export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u2032]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ");
}

const normalised = new WeakMap<DayItem, string>();

/** An item's title and text, normalised once however many sections cite it. */
function normalisedItem(item: DayItem): string {
  let text = normalised.get(item);
  if (text === undefined) {
    text = normaliseText(`${item.title}\n${item.text}`);
    normalised.set(item, text);
  }
  return text;
}

const amountsOfItem = new WeakMap<DayItem, Amount[]>();

function itemAmounts(item: DayItem): Amount[] {
  let found = amountsOfItem.get(item);
  if (!found) {
    found = amountsIn(`${item.title}\n${item.text}`);
    amountsOfItem.set(item, found);
  }
  return found;
}

function unify(text: string): string {
  return text
    .replace(/[\u2018\u2019\u2032]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/\s+/g, " ");
}

export function buildEvidence(items: DayItem[], derived: string[] = []): Evidence {
  const unique = [...new Set(items)];
  return {
    amounts: unique.flatMap(itemAmounts),
    raw: unique.map((i) => unify(`${i.title}\n${i.text}`)).join("\n"),
    text: unique.map(normalisedItem).join("\n"),
    entities: items.flatMap((i) => i.entities),
    derived: new Set(derived.map((d) => normaliseText(d))),
  };
}

/**
 * The claims of a sentence that its sources do not support: every number, money amount, percentage and quantity
 * must be stated by a source (amounts compared by value: "$2bn" is "$2 billion"), every company, person and product
 * named must appear in a source, and every quotation must appear word for word. Counts the writer derived from
 * data are accepted when listed as derived.
 */
export function unsupportedClaims(sentence: string, evidence: Evidence): Failure[] {
  const failures: Failure[] = [];
  const entities = extractEntities(sentence);
  const covered: Array<[number, number]> = [];
  // Amounts first, unit-aware: the same currency (or percent, points, multiple) and a value the source rounds to.
  for (const claim of amountsIn(sentence)) {
    covered.push([claim.start, claim.end]);
    const hedged =
      /(?:about|around|roughly|nearly|almost|some|approximately|more than|over|under|less than|close to|up to|~)\s*$/i.test(
        sentence.slice(0, claim.start),
      );
    // A round figure without "about" may round only a little (5%); with "about", to its last digit.
    const strict = {
      ...claim,
      tolerance: hedged ? claim.tolerance : Math.min(claim.tolerance, Math.abs(claim.value) * 0.05),
    };
    if (!evidence.amounts.some((a) => supports(a, strict))) {
      failures.push({
        claim: claim.text.trim(),
        kind: claim.kind === "money" ? "money" : claim.kind === "multiple" ? "quantity" : "percent",
      });
    }
  }
  const inAmount = (e: Entity) => covered.some(([s, end]) => e.start < end && e.end > s);
  for (const entity of entities) {
    if ((entity.type === "money" || entity.type === "quantity") && inAmount(entity)) continue;
    if (entity.type === "money" || entity.type === "quantity") {
      covered.push([entity.start, entity.end]);
      const ok = evidence.entities.some(
        (e) =>
          e.type === entity.type &&
          e.value !== undefined &&
          entity.value !== undefined &&
          Math.abs(e.value - entity.value) <= Math.abs(entity.value) * 0.01 &&
          (entity.type === "money" || (e.unit ?? "").toLowerCase() === (entity.unit ?? "").toLowerCase()),
      );
      if (!ok && !evidence.text.includes(normaliseText(entity.text)))
        failures.push({ claim: entity.text, kind: entity.type });
    } else {
      const names = [entity.text, entity.normalized].map(normaliseText);
      const found =
        names.some((n) => evidence.text.includes(n) || evidence.derived.has(n)) ||
        evidence.entities.some((e) => e.type === entity.type && e.normalized === entity.normalized);
      // The spelling is checked below, word by word ("Openai" where the sources write "OpenAI").
      if (!found) failures.push({ claim: entity.text, kind: "name" });
    }
  }
  for (const match of sentence.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(%|percent|per cent)?/g)) {
    const at = match.index ?? 0;
    if (covered.some(([s, e]) => at >= s && at < e)) continue;
    const raw = match[1] as string;
    const isPercent = Boolean(match[2]);
    const digits = raw.replace(/,/g, "");
    if (evidence.derived.has(digits) || evidence.derived.has(raw)) continue;
    const pattern = new RegExp(`(?:^|[^\\d.,])${escapeRegex(raw)}(?![\\d]|[.,]\\d)`);
    const plain = new RegExp(`(?:^|[^\\d.,])${escapeRegex(digits)}(?![\\d]|[.,]\\d)`);
    if (!pattern.test(evidence.text) && !plain.test(evidence.text))
      failures.push({ claim: `${raw}${isPercent ? "%" : ""}`, kind: isPercent ? "percent" : "number" });
  }
  // A capitalised word the sources write otherwise ("Openai" where they write "OpenAI") is a misspelt name.
  for (const m of sentence.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)*/gu)) {
    const word = m[0];
    if (failures.some((f) => f.claim === word)) continue;
    const exact = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(word)}(?![\\p{L}\\p{N}])`, "u");
    if (exact.test(evidence.raw)) continue;
    const other = new RegExp(`(?<![\\p{L}\\p{N}])(${escapeRegex(word)})(?![\\p{L}\\p{N}])`, "iu").exec(evidence.raw);
    if (!other) continue;
    // The first word of a sentence is capitalised whatever it is: "Revenue" for "revenue" is no name.
    const sentenceStart = /^[\s"“‘(]*$/.test(sentence.slice(0, m.index));
    if (sentenceStart && (other[1] as string) === word.toLowerCase()) continue;
    if (/^\p{Lu}/u.test(other[1] as string) || !sentenceStart) failures.push({ claim: word, kind: "name" });
  }
  failures.push(...attributionFailures(sentence, entities, evidence));
  const lower = normaliseText(sentence);
  for (const word of spelled) {
    if (
      new RegExp(`\\b${word}\\b`).test(lower) &&
      !evidence.derived.has(word) &&
      !new RegExp(`\\b${word}\\b`).test(evidence.text)
    ) {
      failures.push({ claim: word, kind: "number" });
    }
  }
  for (const match of sentence.matchAll(/[“"]([^”"]{3,})[”"]/g)) {
    const quoted = normaliseText((match[1] as string).replace(/[,.]$/, ""));
    if (!evidence.text.includes(quoted)) failures.push({ claim: `“${match[1]}”`, kind: "quote" });
  }
  return failures;
}

const sayVerbs =
  /\b(?:said|says|told|tells|argued|argues|wrote|writes|added|adds|noted|notes|expects?|expected|believes?|believed|warned|warns|predicted|predicts|called|calls|according to|thinks?|sees|saw)\b/i;

const evidenceSentences = new WeakMap<Evidence, string[]>();

/**
 * A person the sentence has saying something must be reported saying it: some sentence of the sources (or the one
 * before it, for "…," he said) names them, has them speak, and shares most of what the claim says they said. "Jensen
 * Huang said the deal would double Synopsys revenue" is an invented attribution when no source has Huang say so.
 */
function attributionFailures(sentence: string, entities: Entity[], evidence: Evidence): Failure[] {
  if (!sayVerbs.test(sentence)) return [];
  const people = entities.filter((e) => e.type === "person");
  if (!people.length) return [];
  let sentences = evidenceSentences.get(evidence);
  if (!sentences) {
    sentences = splitSentences(evidence.raw);
    evidenceSentences.set(evidence, sentences);
  }
  const out: Failure[] = [];
  for (const person of people) {
    const surname = person.text.split(/\s+/).at(-1) ?? person.text;
    const said = new Set(
      contentTokens(sentence.replace(new RegExp(escapeRegex(person.text), "g"), " ")).filter(
        (t) => !sayVerbs.test(t) && !person.text.toLowerCase().includes(t),
      ),
    );
    if (!said.size) continue;
    let best = 0;
    sentences.forEach((candidate, i) => {
      const window = `${sentences[i - 1] ?? ""} ${candidate} ${sentences[i + 1] ?? ""}`;
      if (!window.includes(surname) || !sayVerbs.test(window)) return;
      const tokens = new Set(contentTokens(`${candidate} ${sentences[i + 1] ?? ""}`));
      let shared = 0;
      for (const t of said) if (tokens.has(t)) shared += 1;
      best = Math.max(best, shared / said.size);
    });
    if (best < 0.5) out.push({ claim: `${person.text} saying so`, kind: "name" });
  }
  return out;
}

/** Keeps the sentences of a text its sources support and reports the others. */
function groundText(text: string, evidence: Evidence, where: string, notes: IssueNote[], sectionId: string): string {
  if (!text) return text;
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    const failures = unsupportedClaims(sentence, evidence);
    if (!failures.length) {
      kept.push(sentence);
      continue;
    }
    notes.push({
      level: "warning",
      section: sectionId,
      code: "grounding",
      message: `Dropped from ${where}: "${sentence}" — not in its sources: ${failures.map((f) => f.claim).join(", ")}.`,
    });
  }
  return kept.join(" ");
}

/** A bullet's bold lead states claims too ("Nvidia's $5 billion bet"): it must hold, or the whole bullet goes. */
function leadHolds(lead: string, evidence: Evidence, sectionId: string, notes: IssueNote[]): boolean {
  const failures = unsupportedClaims(lead, evidence);
  if (!failures.length) return true;
  notes.push({
    level: "warning",
    section: sectionId,
    code: "grounding",
    message: `Dropped the bullet "${lead}": not in its sources: ${failures.map((f) => f.claim).join(", ")}.`,
  });
  return false;
}

function groundBlock(block: StoryBlock, evidence: Evidence, notes: IssueNote[], sectionId: string): StoryBlock | null {
  const headlineFailures = unsupportedClaims(block.headline, evidence);
  let headline = block.headline;
  if (headlineFailures.length) {
    const fallback = block.citations[0]?.title;
    notes.push({
      level: "warning",
      section: sectionId,
      code: "grounding",
      message: `Replaced headline "${block.headline}" (not in its sources: ${headlineFailures.map((f) => f.claim).join(", ")})${fallback ? ` with the source's own title` : ""}.`,
    });
    if (!fallback) return null;
    headline = fallback;
  }
  const paragraphs = block.paragraphs
    .map((p) => groundText(p, evidence, `"${headline}"`, notes, sectionId))
    .filter(Boolean);
  // "Company:" before a Rapid Fire line names a company: it must be one the sources name.
  const subjectFails = block.subject
    ? unsupportedClaims(block.subject, evidence).length > 0 && !evidence.text.includes(normaliseText(block.subject))
    : false;
  if (subjectFails) {
    notes.push({
      level: "warning",
      section: sectionId,
      code: "grounding",
      message: `Dropped the company label "${block.subject}" of "${headline}": not in its sources.`,
    });
  }
  const notesKept = block.notes
    .map((n) => ({ ...n, text: groundText(n.text, evidence, `${n.label} of "${headline}"`, notes, sectionId) }))
    .filter((n) => n.text);
  if (block.citations.length === 0) {
    notes.push({
      level: "warning",
      section: sectionId,
      code: "grounding",
      message: `Dropped "${headline}": it cites no source.`,
    });
    return null;
  }
  const { subject: _dropped, ...rest } = block;
  return { ...(subjectFails ? rest : block), headline, paragraphs, notes: notesKept };
}

/**
 * Checks every text of a written section against its evidence. Unsupported sentences are dropped (a headline is
 * replaced by its source's own title), and each drop is reported to the editor with the claims that failed.
 */
export function groundSection(draft: SectionDraft): { section: Section | null; notes: IssueNote[] } {
  const evidence = buildEvidence(draft.evidence, draft.derived);
  const notes: IssueNote[] = [];
  const s = draft.section;
  switch (s.kind) {
    case "intro":
    case "cta":
    case "links":
    case "prompt":
      return { section: s, notes };
    case "stories": {
      const stories = s.stories
        .map((b) => groundBlock(b, evidence, notes, s.id))
        .filter((b): b is StoryBlock => b !== null);
      return { section: stories.length ? { ...s, stories } : null, notes };
    }
    case "groups": {
      const groups = s.groups
        .map((g) => ({
          ...g,
          stories: g.stories
            .map((b) => groundBlock(b, evidence, notes, s.id))
            .filter((b): b is StoryBlock => b !== null),
        }))
        .filter((g) => g.stories.length);
      return { section: groups.length ? { ...s, groups } : null, notes };
    }
    case "bullets": {
      const lines = s.lines
        .filter((line) => !line.lead || leadHolds(line.lead, evidence, s.id, notes))
        .map((line) => ({
          ...line,
          text: line.text ? groundText(line.text, evidence, s.heading ?? s.id, notes, s.id) : line.text,
        }))
        .filter((line, i) => line.text || (i === 0 && line.lead));
      return { section: lines.some((l) => l.text) ? { ...s, lines } : null, notes };
    }
    case "market": {
      const paragraph = groundText(s.paragraph, evidence, s.heading, notes, s.id);
      return { section: paragraph ? { ...s, paragraph } : null, notes };
    }
    case "quote": {
      const failures = unsupportedClaims(`"${s.quote}" said ${s.speaker}.`, evidence);
      if (failures.length) {
        notes.push({
          level: "warning",
          section: s.id,
          code: "grounding",
          message: `Dropped the quote attributed to ${s.speaker}: not in its source (${failures.map((f) => f.claim).join(", ")}).`,
        });
        return { section: null, notes };
      }
      return { section: s, notes };
    }
  }
}
