// Reads demo/sources.yaml and demo/content/*.yaml into typed structures.
// Structural problems (missing or mistyped fields) are reported, and such items are skipped,
// so the generator keeps working while content files are still being written.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import {
  CHARSETS,
  type Charset,
  type Enclosure,
  FEED_FORMATS,
  type FeedFormat,
  type Item,
  type Problem,
  SOURCE_KINDS,
  type SourceContent,
  type SourceDef,
  type SourceKind,
} from "./types.ts";

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === "string" && (list as readonly string[]).includes(v);
}

export const ITEM_FIELDS = [
  "slug",
  "event",
  "title",
  "author",
  "published",
  "updated",
  "summary",
  "categories",
  "image_caption",
  "syndicated_from",
  "enclosure",
  "body",
] as const;

export function loadSources(root: string): SourceDef[] {
  const file = join(root, "demo/sources.yaml");
  const doc: unknown = parse(readFileSync(file, "utf8"));
  if (!isObj(doc) || !Array.isArray(doc.sources)) throw new Error(`${file}: no "sources" list`);
  return doc.sources.map((raw: unknown, i: number): SourceDef => {
    if (!isObj(raw)) throw new Error(`${file}: source #${i} is not a mapping`);
    const { id, name, kind, format, charset, path, weight } = raw;
    if (typeof id !== "string" || typeof name !== "string" || typeof path !== "string")
      throw new Error(`${file}: source #${i} needs id, name and path`);
    if (!oneOf<SourceKind>(SOURCE_KINDS, kind)) throw new Error(`${file}: ${id}: bad kind ${String(kind)}`);
    if (!oneOf<FeedFormat>(FEED_FORMATS, format)) throw new Error(`${file}: ${id}: bad format ${String(format)}`);
    if (!oneOf<Charset>(CHARSETS, charset)) throw new Error(`${file}: ${id}: bad charset ${String(charset)}`);
    return { id, name, kind, format, charset, path, weight: typeof weight === "number" ? weight : 1 };
  });
}

/** YAML may turn unquoted timestamps into Date objects; normalise to ISO strings. */
function dateString(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString().replace(".000Z", "Z");
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  return undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (typeof v === "number") return String(v);
  return undefined;
}

function parseEnclosure(v: unknown): Enclosure | undefined {
  if (!isObj(v)) return undefined;
  const length = typeof v.length === "number" ? v.length : Number(v.length);
  const duration = str(v.duration);
  if (!Number.isFinite(length) || duration === undefined) return undefined;
  return { length, duration };
}

function parseItem(raw: unknown, where: string, problems: Problem[]): Item | undefined {
  if (!isObj(raw)) {
    problems.push({ where, message: "item is not a mapping", level: "error" });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!(ITEM_FIELDS as readonly string[]).includes(key))
      problems.push({ where, message: `unknown field "${key}"`, level: "warning" });
  }
  const slug = str(raw.slug);
  const event = str(raw.event);
  const title = str(raw.title);
  const author = str(raw.author);
  const published = dateString(raw.published);
  const summary = str(raw.summary);
  const body = typeof raw.body === "string" ? raw.body : undefined;
  const missing: string[] = [];
  if (slug === undefined) missing.push("slug");
  if (event === undefined) missing.push("event");
  if (title === undefined) missing.push("title");
  if (author === undefined) missing.push("author");
  if (published === undefined) missing.push("published");
  if (summary === undefined) missing.push("summary");
  if (body === undefined || body.trim() === "") missing.push("body");
  if (
    slug === undefined ||
    event === undefined ||
    title === undefined ||
    author === undefined ||
    published === undefined ||
    summary === undefined ||
    body === undefined ||
    body.trim() === ""
  ) {
    problems.push({ where, message: `missing required field(s): ${missing.join(", ")}`, level: "error" });
    return undefined;
  }
  if (!/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(slug))
    problems.push({ where, message: `slug "${slug}" is not lowercase-kebab (dots allowed)`, level: "error" });
  let categories: string[] = [];
  if (Array.isArray(raw.categories)) {
    categories = raw.categories.map((c) => str(c)).filter((c): c is string => c !== undefined);
  } else if (raw.categories !== undefined) {
    problems.push({ where, message: "categories is not a list", level: "error" });
  }
  let enclosure: Enclosure | undefined;
  if (raw.enclosure !== undefined) {
    enclosure = parseEnclosure(raw.enclosure);
    if (enclosure === undefined)
      problems.push({ where, message: "enclosure needs numeric length and duration", level: "error" });
  }
  const item: Item = { slug, event, title, author, published, summary, categories, body: body.trim() };
  const updated = dateString(raw.updated);
  if (updated !== undefined) item.updated = updated;
  const caption = str(raw.image_caption);
  if (caption !== undefined) item.imageCaption = caption;
  const synd = str(raw.syndicated_from);
  if (synd !== undefined) item.syndicatedFrom = synd;
  if (enclosure !== undefined) item.enclosure = enclosure;
  return item;
}

export interface Corpus {
  contents: SourceContent[];
  problems: Problem[];
  /** content files whose `source:` is not in sources.yaml */
  strayFiles: string[];
}

/** contentDir defaults to <root>/demo/content (tests may point it at a scratch directory). */
export function loadCorpus(root: string, contentDir?: string): Corpus {
  const sources = loadSources(root);
  const problems: Problem[] = [];
  const dir = contentDir ?? join(root, "demo/content");
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  const byId = new Map<string, SourceContent>(sources.map((s) => [s.id, { source: s, items: [] }]));
  const strayFiles: string[] = [];
  for (const f of files) {
    const rel = contentDir === undefined ? `demo/content/${f}` : join(contentDir, f);
    let doc: unknown;
    try {
      doc = parse(readFileSync(join(dir, f), "utf8"));
    } catch (e) {
      problems.push({ where: rel, message: `YAML error: ${(e as Error).message.split("\n")[0]}`, level: "error" });
      continue;
    }
    if (!isObj(doc)) {
      problems.push({ where: rel, message: "file is empty or not a mapping", level: "error" });
      continue;
    }
    const sid = str(doc.source);
    const content = sid === undefined ? undefined : byId.get(sid);
    if (sid === undefined || content === undefined) {
      problems.push({ where: rel, message: `source "${String(sid)}" is not in demo/sources.yaml`, level: "error" });
      strayFiles.push(rel);
      continue;
    }
    if (f.replace(/\.ya?ml$/, "") !== sid)
      problems.push({ where: rel, message: `file name does not match source id "${sid}"`, level: "warning" });
    if (content.file !== undefined) {
      problems.push({ where: rel, message: `second content file for "${sid}" (ignored)`, level: "error" });
      continue;
    }
    content.file = rel;
    const rawItems = Array.isArray(doc.items) ? doc.items : [];
    if (!Array.isArray(doc.items)) problems.push({ where: rel, message: 'no "items" list', level: "error" });
    rawItems.forEach((raw: unknown, i: number) => {
      const label = isObj(raw) && typeof raw.slug === "string" ? raw.slug : `#${i + 1}`;
      const item = parseItem(raw, `${rel} ${label}`, problems);
      if (item !== undefined) content.items.push(item);
    });
  }
  return { contents: sources.map((s) => byId.get(s.id) as SourceContent), problems, strayFiles };
}

/** Event ids listed in the first column of demo/EVENTS.md (without the pseudo-event "none"). */
export function loadEventIds(root: string): Set<string> {
  const text = readFileSync(join(root, "demo/EVENTS.md"), "utf8");
  const ids = new Set<string>();
  for (const line of text.split("\n")) {
    const m = /^\|\s*([a-z][a-z0-9-]*)\s*\|/.exec(line);
    if (m?.[1] !== undefined && m[1] !== "id" && m[1] !== "none") ids.add(m[1]);
  }
  return ids;
}
