import type { Entity } from "../model/entity.ts";
import type { StorySubject } from "../model/story.ts";
import { findCompany, rootCompany } from "../text/entities/companies.ts";
import { notNames, numberWords } from "../text/entities/name-words.ts";
import { productMaker } from "../text/entities/product-makers.ts";
import { escapeRegex } from "../text/regex.ts";
import {
  actingBody,
  counterpartAfter,
  headlineVerbs,
  headlineWords,
  licenceNames,
  neverSubjects,
  offices,
  subjectBefore,
} from "./subject-rules.ts";

export type { StorySubject };

/**
 * What subject choice reads of a member: its title, the entities of its title and text (offsets into both), and
 * the name of the outlet that published it ("OpenAI Blog": a company's own post is about that company).
 */
export type SubjectMember = { title: string; text?: string; entities: Entity[]; source?: string };

/**
 * Weights of where a name appears: the first name of a title is who the event happened to ("Meta hires Apple's
 * design chief": Meta), later title names are counterparts, names in the text count least. A name a phrase marks as
 * the one the event happened to ("defects to Anthropic", "sues Midjourney") outweighs the first.
 */
const marked = 6;
const firstInTitle = 4;
const laterInTitle = 1.5;
const inText = 0.5;
/** Mentions in one item's text that count: a name repeated through an article is not more the subject for it. */
const textMentions = 2;
/** A person counts less than an organisation: "Linda Yaccarino steps down as CEO of X" is X's story. */
const personWeight = 0.6;
/** A product stands for its maker, a little less surely than the maker's own name. */
const productWeight = 0.8;
/** A name the company table knows is more likely a subject than a capitalised phrase the extractor guessed. */
const knownBonus = 1.5;

type Candidate = { name: string; type: "org" | "person"; start: number; end: number; ticker?: string };

/**
 * The subject of a story: the organisation (or, when none is named, the person) its titles lead with, counted over
 * all its items; null when nothing qualifies. A possessive ("Apple's design chief") marks a counterpart, not the
 * subject, and so does a licence ("MIT-licensed") or a market index. A product stands for its maker (Claude for
 * Anthropic), a head of government for the government, and a headline's opening name before a verb ("Etched
 * raises $120M") is a candidate even when no table knows it.
 */
export function storySubject(members: SubjectMember[]): StorySubject | null {
  type Scored = { score: number; name: string; type: Candidate["type"]; ticker?: string; known: boolean };
  const scores = new Map<string, Scored>();
  const credit = (candidate: Candidate, weight: number) => {
    const key = candidate.name.toLowerCase();
    const current = scores.get(key);
    if (current) current.score += weight;
    else
      scores.set(key, {
        score: weight,
        name: candidate.name,
        type: candidate.type,
        ...(candidate.ticker ? { ticker: candidate.ticker } : {}),
        known: findCompany(candidate.name) !== null,
      });
  };
  for (const member of members) {
    const { title } = member;
    let firstSeen = false;
    const publisher = publisherOf(member);
    const mentions = new Map<string, number>();
    for (const { candidate, weight: typeWeight } of candidatesOf(member)) {
      if (candidate.start >= title.length) {
        const key = candidate.name.toLowerCase();
        const seen = mentions.get(key) ?? 0;
        mentions.set(key, seen + 1);
        if (seen < textMentions) credit(candidate, inText * typeWeight);
        continue;
      }
      // "Alibaba's QwQ-32B" leads with its owner; "Meta hires Apple's design chief" names a counterpart.
      const after = title.slice(candidate.end);
      const counterpart = counterpartAfter.test(after) && (firstSeen || !/^['’]s?\s/.test(after));
      const isMarked = subjectBefore.test(title.slice(0, candidate.start));
      const weight = isMarked ? marked : firstSeen || counterpart ? laterInTitle : firstInTitle;
      if (!counterpart) firstSeen = true;
      credit(candidate, weight * typeWeight);
    }
    // "Introducing Operator" on OpenAI's blog: when its title names no one, a company's own post is about it.
    if (publisher) credit(publisher, firstSeen ? inText : firstInTitle);
  }
  let best: Scored | null = null;
  const value = (c: { score: number; known: boolean }) => c.score * (c.known ? knownBonus : 1);
  for (const candidate of scores.values()) if (!best || value(candidate) > value(best)) best = candidate;
  if (!best) return null;
  // "Broadcom CEO Hock Tan says…", "Tony Zhao, co-founder of Sunday Robotics": a person's story is their
  // organisation's when the story names the organisation they lead or work for.
  if (best.type === "person") {
    const person = best.name;
    const orgs = [...scores.values()].filter((c) => c.type === "org").sort((x, y) => value(y) - value(x));
    // "its co-founder Tony Zhao": a post at the company the story is about, its leading organisation.
    const employer =
      orgs.find((c) => members.some((m) => worksFor(person, c.name, m))) ??
      (members.some((m) => postAtIt(person, m)) ? orgs[0] : undefined);
    best = employer ?? best;
  }
  const company = findCompany(best.name);
  const root = company ? rootCompany(company) : null;
  const ticker = best.ticker ?? root?.ticker ?? undefined;
  return { name: best.name, ...(ticker ? { ticker } : {}) };
}

/** The company whose own outlet published a member ("OpenAI Blog", "Anthropic News"), if the table knows it. */
function publisherOf(member: SubjectMember): Candidate | null {
  const words = (member.source ?? "").split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n -= 1) {
    const company = findCompany(words.slice(0, n).join(" "));
    if (company) return { name: company.name, type: "org", start: 0, end: 0 };
  }
  return null;
}

/** A member's possible subjects in text order, each with the weight of its kind. */
function candidatesOf(member: SubjectMember): { candidate: Candidate; weight: number }[] {
  const out: { candidate: Candidate; weight: number }[] = [];
  const { title } = member;
  for (const entity of member.entities) {
    const candidate = asCandidate(entity);
    if (!candidate || !eligible(candidate, title)) continue;
    const weight = entity.type === "product" ? productWeight : candidate.type === "person" ? personWeight : 1;
    out.push({ candidate, weight });
  }
  const overlaps = (c: Candidate) => out.some((o) => o.candidate.start < c.end && o.candidate.end > c.start);
  // "Tencent's HunyuanVideo 1.5": a model the extractor did not know, named by its family, stands for its maker.
  // So does one written as software is ("Next.js"): not a plain word, which the extractor reads in context.
  for (const word of title.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.-]*(?:\p{Ll}\p{Lu}|\p{L}\.\p{L})[\p{L}\p{N}.-]*/gu)) {
    const maker = productMaker(word[0]);
    const candidate: Candidate | null = maker
      ? { name: maker, type: "org", start: word.index, end: word.index + word[0].length }
      : null;
    if (candidate && !overlaps(candidate)) out.push({ candidate, weight: productWeight });
  }
  const opener = headlineOpener(title);
  if (opener && !overlaps(opener)) out.push({ candidate: opener, weight: 1 });
  // A head of government the extractor took for a word ("Newsom vetoes SB 1047"): their office.
  for (const [holder, office] of offices) {
    const at = new RegExp(`\\b${holder}\\b`, "i").exec(title);
    const candidate: Candidate | null = at
      ? { name: office, type: "org", start: at.index, end: at.index + holder.length }
      : null;
    if (candidate && !overlaps(candidate)) out.push({ candidate, weight: personWeight });
  }
  return out.sort((a, b) => a.candidate.start - b.candidate.start);
}

/** An entity as a subject candidate: organisations and people as named, a product as its maker, a leader as office. */
function asCandidate(entity: Entity): Candidate | null {
  const span = { start: entity.start, end: entity.end };
  if (entity.type === "product") {
    const maker = productMaker(entity.normalized) ?? productMaker(entity.text);
    return maker ? { name: maker, type: "org", ...span } : null;
  }
  if (entity.type !== "org" && entity.type !== "person") return null;
  const folded = entity.normalized.toLowerCase();
  const office = offices.get(folded);
  if (office) return { name: office, type: "org", ...span };
  // "Stargate" read as an organisation is a product of OpenAI's; a company's own name stays its own.
  const maker = findCompany(entity.normalized) ? null : productMaker(entity.normalized);
  const name = maker ?? actingBody.get(folded) ?? entity.normalized;
  return { name, type: entity.type, ...span, ...(entity.ticker ? { ticker: entity.ticker } : {}) };
}

/**
 * The name a headline opens with when a verb follows it ("Etched raises $120M", "Harvey raises…"): one to three
 * capitalised words that are not headline words, at the start of the title or after a "Label:" prefix.
 */
function headlineOpener(title: string): Candidate | null {
  // "Microsoft-backed Builder.ai collapses…": the backer is a counterpart, the name after it the opener.
  const match =
    /^(?:[A-Z][\w ]{0,20}:\s+)?(?:[A-Z][\w.&]*-(?:backed|funded|owned|linked|based)\s+)?([A-Z][\w.&+-]*(?:\s+[A-Z][\w.&+-]*){0,2})/.exec(
      title,
    );
  if (!match?.[1]) return null;
  const name = match[1];
  const start = match[0].length - name.length;
  // "Boeing (BA) jumps…": a ticker in brackets sits between the name and its verb.
  const rest = title.slice(start + name.length).replace(/^\s*\([A-Z.:\s]{1,16}\)/, "");
  if (!headlineVerbs.test(rest)) return null;
  if (name.split(/\s+/).some((word) => notNames.has(word) || numberWords.has(word))) return null;
  // "Z-Image-Turbo tops…", "R1-0528 is out": a model's name, not an organisation's, unless the tables know it.
  if (productShaped(name) && !findCompany(name)) return null;
  const candidate: Candidate = {
    name: offices.get(name.toLowerCase()) ?? name,
    type: "org",
    start,
    end: start + name.length,
  };
  return eligible(candidate, title) ? candidate : null;
}

function eligible(candidate: Candidate, title: string): boolean {
  const name = candidate.name.trim();
  // "X" is a letter, except as the company a phrase marks: "steps down as CEO of X".
  const markedLetter =
    findCompany(name) !== null && candidate.start < title.length && subjectBefore.test(title.slice(0, candidate.start));
  if ((name.length < 2 && !markedLetter) || neverSubjects.has(name.toLowerCase())) return false;
  if (headlineWords.test(name)) return false;
  // "Licence check: MIT, Apache 2.0…": in a story about licences these are the licences.
  if (licenceNames.has(name.toLowerCase()) && /licen[cs]|open[- ]weights?|open[- ]source/i.test(title)) return false;
  if (cutFromLonger(candidate, title)) return false;
  // "MIT-licensed", "MIT licence": the licence, not the institute.
  if (candidate.start < title.length && /^[-\s](?:licen[cs]ed?|license)\b/i.test(title.slice(candidate.end)))
    return false;
  return true;
}

/**
 * Whether an organisation's name the tables do not know is only a piece of a longer capitalised phrase of its
 * title: run into a number or a capitalised word ("1000 Layer Networks for…", "AI Safety Institute",
 * "Real-World Freelance Software Engineering"), or one of the capitalised phrases of a title written in title case
 * ("Recursive Reasoning with Tiny Networks"), where capitals do not mark names. The opening name of a headline
 * ("Arcee AI Launches Trinity") stands.
 */
function cutFromLonger(candidate: Candidate, title: string): boolean {
  if (candidate.type !== "org" || candidate.end > title.length) return false;
  // A name the candidate was mapped to (a product's maker, an office) is not the title's words.
  if (title.slice(candidate.start, candidate.end).toLowerCase() !== candidate.name.toLowerCase()) return false;
  if (findCompany(candidate.name)) return false;
  // "Microsoft-backed Builder.ai": a backer before the name is a counterpart, not a part of it.
  const before = title.slice(0, candidate.start).replace(/\S+-(?:backed|funded|owned|linked|based)\s$/u, "");
  const after = title.slice(candidate.end);
  if (/^(?:[^:]{0,30}:\s+)?$/.test(before)) return false;
  if (/(?:^|[\s(])(?:\p{Lu}[\p{L}\p{N}.&'’-]*|\d[\d.,]*\p{L}*)\s$/u.test(before)) return true;
  return /^\s(?:\p{Lu}|\d)/u.test(after) || titleCase(title);
}

/** "Less Is More: Recursive Reasoning with Tiny Networks": most of a title's longer words capitalised. */
function titleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  return words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.75;
}

/** Words for a person's post at an organisation: "CEO", "co-founder", "chief executive", "head of research". */
const role =
  "(?:co-?founder|founder|ceo|cfo|cto|coo|chief(?:\\s+\\w+){0,2}|president|chair(?:man|woman)?|head(?:\\s+of\\s+\\w+)?|boss|director|executive|engineer|researcher|scientist|employee|designer|officer|lead|partner|vice\\s+president)";

/** Whether a member gives the person a post at a company it does not name there: "its co-founder Tony Zhao". */
function postAtIt(person: string, member: SubjectMember): boolean {
  const company = "(?:its|their|the\\s+(?:company|start-?up|firm|lab|group)['’]s)";
  const pattern = `\\b${company}\\s+(?:[\\w-]+\\s+){0,2}?${role}s?\\s+(?:\\p{Lu}[\\p{L}-]+\\s+(?:and\\s+)?){0,3}?${escapeRegex(person)}\\b`;
  return new RegExp(pattern, "iu").test(`${member.title}\n${member.text ?? ""}`);
}

/**
 * Whether a member says the person holds a post at the organisation: "Broadcom CEO Hock Tan", "Intel's chief
 * executive Lip-Bu Tan", "Tony Zhao, co-founder of Sunday Robotics", "Lip-Bu Tan named Intel chief executive",
 * "steps down as CEO of X", "Intel said it had appointed Lip-Bu Tan".
 */
function worksFor(person: string, org: string, member: SubjectMember): boolean {
  const p = escapeRegex(person);
  const o = escapeRegex(org);
  const text = `${member.title}\n${member.text ?? ""}`;
  const patterns = [
    `\\b${o}(?:['’]s)?(?:\\s+[\\w-]+){0,2}?\\s+${role}\\s+${p}\\b`,
    `\\b${p},?\\s+(?:the\\s+|its\\s+|a\\s+|who\\s+is\\s+)?(?:[\\w-]+\\s+){0,2}?${role}\\s+(?:of|at)\\s+(?:the\\s+)?${o}\\b`,
    `\\b${p}\\b[^.\\n]{0,40}?\\b(?:named|appointed|as|becomes|became)\\s+(?:the\\s+)?(?:new\\s+)?${o}(?:['’]s)?\\s+${role}`,
    `\\b${p}\\b[^.\\n]{0,40}?\\bas\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?${role}\\s+(?:of|at)\\s+(?:the\\s+)?${o}\\b`,
    `\\b${p},?\\s+who\\s+(?:co-?)?(?:founded|leads|runs|heads)\\s+(?:the\\s+)?${o}\\b`,
    `\\b${o}\\b[^.\\n]{0,60}?\\b(?:appoint(?:ed|s)?|name[sd]?|hire[sd]?|tap(?:ped|s)?|pick(?:ed|s)?|promot(?:ed|es))\\s+(?:[\\w-]+\\s+){0,3}?${p}\\b`,
  ];
  return patterns.some((pattern) => new RegExp(pattern, "i").test(text));
}

/** A name written as models are ("Z-Image-Turbo", "R1-0528", "Qwen3"): digits, or capitalised parts joined by hyphens. */
function productShaped(name: string): boolean {
  return /\d/.test(name) || /\p{L}-\p{Lu}/u.test(name);
}
