import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DaybriefError } from "../src/errors.ts";
import type { LabelledItem } from "./cluster-eval.ts";

/** An event of a labelled corpus: what happened, to whom, and under which topic. */
export type CorpusEvent = {
  event: string;
  date?: string;
  summary?: string;
  subject?: { name: string; ticker?: string } | null;
  topic?: string;
  negativeOf?: string | null;
};

export type Corpus = { items: LabelledItem[]; events: Map<string, CorpusEvent> };

function readJsonl<T>(path: string): T[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new DaybriefError("E_USAGE", `Cannot read ${path}: ${(error as Error).message}`);
  }
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new DaybriefError("E_USAGE", `Line ${n} of ${path} is not JSON.`);
      }
    });
}

/** A corpus directory: `items.jsonl` (id, title, text, url, source, published, event) and `events.jsonl`. */
export function loadCorpus(dir: string): Corpus {
  const events = new Map(readJsonl<CorpusEvent>(join(dir, "events.jsonl")).map((e) => [e.event, e]));
  const items = readJsonl<LabelledItem & Record<string, unknown>>(join(dir, "items.jsonl")).map((raw) => ({
    id: String(raw.id),
    title: String(raw.title ?? ""),
    text: String(raw.text ?? ""),
    url: typeof raw.url === "string" ? raw.url : null,
    source: typeof raw.source === "string" ? raw.source : null,
    published: typeof raw.published === "string" ? raw.published : null,
    event: String(raw.event),
    ...(typeof raw.form === "string" ? { form: raw.form } : {}),
    ...(typeof raw.kind === "string" ? { kind: raw.kind } : {}),
  }));
  return { items, events };
}

/** Several corpora as one (ids are prefixed by their writers, so they do not collide). */
export function joinCorpora(corpora: Corpus[]): Corpus {
  return {
    items: corpora.flatMap((c) => c.items),
    events: new Map(corpora.flatMap((c) => [...c.events])),
  };
}

/** Lower case, no corporate suffix, no possessive, no punctuation: "Nvidia Corp." and "nvidia" meet. */
export function foldSubject(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/\b(?:inc|corp|corporation|co|company|ltd|llc|plc|ag|sa|nv|se|group|holdings)\b\.?/g, "")
    .replace(/[^a-z0-9&]+/g, " ")
    .trim();
}

/**
 * Whether a predicted subject names the labelled one: the same name folded, one name the start of the other
 * ("Amazon" and "Amazon Web Services"), the same company in the company table (a unit and its parent: AWS and
 * Amazon), or the same ticker.
 */
export function subjectMatches(
  predicted: { name: string; ticker?: string } | null | undefined,
  labelled: { name: string; ticker?: string } | null | undefined,
  sameCompany: (a: string, b: string) => boolean,
): boolean {
  if (!labelled) return !predicted;
  if (!predicted) return false;
  const a = foldSubject(predicted.name);
  const b = foldSubject(labelled.name);
  if (!a || !b) return false;
  if (a === b || `${a} `.startsWith(`${b} `) || `${b} `.startsWith(`${a} `)) return true;
  if (predicted.ticker && labelled.ticker && predicted.ticker.toUpperCase() === labelled.ticker.toUpperCase())
    return true;
  return sameCompany(predicted.name, labelled.name);
}
