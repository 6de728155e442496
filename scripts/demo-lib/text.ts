// Escaping, typography, body rendering, hashing and charset encoding for the demo generator.
import iconv from "iconv-lite";
import type { Charset } from "./types.ts";

/** Escape for XML/HTML text nodes. */
export function escText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escape for XML/HTML attribute values in double quotes. */
export function escAttr(s: string): string {
  return escText(s).replace(/"/g, "&quot;");
}

/**
 * How an outlet's CMS treats text:
 * - plain: escaped as is;
 * - wp: WordPress "wptexturize" style — curly quotes as &#8220;/&#8221;/&#8217; entities, &nbsp; before units;
 * - smart: curly quotes as real Unicode characters (become 0x93/0x94 in windows-1252, NCRs in Latin-1).
 */
export type Typography = "plain" | "wp" | "smart";

const WP: Record<string, string> = { ldq: "&#8220;", rdq: "&#8221;", lsq: "&#8216;", rsq: "&#8217;", nd: "&#8211;" };
const SMART: Record<string, string> = { ldq: "\u201c", rdq: "\u201d", lsq: "\u2018", rsq: "\u2019", nd: "\u2013" };

/** Typographic transformation applied to already-escaped text. */
export function typeset(escaped: string, mode: Typography): string {
  if (mode === "plain") return escaped;
  const t = mode === "wp" ? WP : SMART;
  let out = escaped
    .replace(/(^|[\s([{\u2014-])"/g, (_m, pre: string) => `${pre}${t.ldq}`)
    .replace(/"/g, t.rdq ?? "")
    .replace(/(^|[\s([{])'/g, (_m, pre: string) => `${pre}${t.lsq}`)
    .replace(/'/g, t.rsq ?? "")
    .replace(/ -- | - /g, ` ${t.nd} `);
  if (mode === "wp") out = out.replace(/(\d) (billion|million|percent|per cent)\b/g, "$1&nbsp;$2");
  return out;
}

/** Escape + typeset a single line of text (title, summary, caption). */
export function inline(s: string, mode: Typography): string {
  return typeset(escText(s), mode);
}

/** Body blocks as HTML strings: <p>, <h2>, <blockquote>, <ul>. */
export function bodyBlocks(body: string, mode: Typography): string[] {
  const blocks: string[] = [];
  for (const chunk of body.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    if (lines.length === 0) continue;
    let para: string[] = [];
    const flush = (): void => {
      if (para.length > 0) blocks.push(`<p>${inline(para.join(" "), mode)}</p>`);
      para = [];
    };
    let quote: string[] = [];
    let list: string[] = [];
    const flushQuote = (): void => {
      if (quote.length > 0) blocks.push(`<blockquote><p>${inline(quote.join(" "), mode)}</p></blockquote>`);
      quote = [];
    };
    const flushList = (): void => {
      if (list.length > 0) blocks.push(`<ul>${list.map((l) => `<li>${inline(l, mode)}</li>`).join("")}</ul>`);
      list = [];
    };
    for (const line of lines) {
      if (line.startsWith("## ")) {
        flush();
        flushQuote();
        flushList();
        blocks.push(`<h2>${inline(line.slice(3), mode)}</h2>`);
      } else if (line.startsWith(">")) {
        flush();
        flushList();
        quote.push(line.replace(/^>\s?/, ""));
      } else if (/^[-*] /.test(line)) {
        flush();
        flushQuote();
        list.push(line.slice(2));
      } else {
        flushQuote();
        flushList();
        para.push(line);
      }
    }
    flush();
    flushQuote();
    flushList();
  }
  return blocks;
}

/** Plain-text paragraphs of a body (markers stripped), for plain-text fields such as itunes:summary. */
export function bodyText(body: string): string[] {
  return body
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((l) => l.trim().replace(/^(## |>\s?|[-*] )/, ""))
        .join(" ")
        .trim(),
    )
    .filter((p) => p !== "");
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** FNV-1a 32-bit: deterministic "randomness" keyed by strings. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function pick<T>(list: readonly T[], key: string): T {
  const v = list[hash(key) % list.length];
  if (v === undefined) throw new Error("pick from empty list");
  return v;
}

/** Deterministic shuffle (sort by keyed hash). */
export function shuffled<T>(list: readonly T[], key: (t: T) => string): T[] {
  return [...list].sort((a, b) => hash(key(a)) - hash(key(b)));
}

const encodable = new Map<string, Set<number>>();

function canEncode(cp: number, charset: Charset): boolean {
  if (charset === "utf-8") return true;
  if (cp < 0x80) return true;
  if (charset === "iso-8859-1") return cp <= 0xff;
  let set = encodable.get(charset);
  if (set === undefined) {
    set = new Set<number>();
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = iconv.decode(Buffer.from([b]), charset);
      const c = ch.codePointAt(0);
      if (c !== undefined && c !== 0xfffd) set.add(c);
    }
    encodable.set(charset, set);
  }
  return set.has(cp);
}

/**
 * Encode a finished XML/HTML document in the given charset. Characters the charset lacks are written as
 * numeric character references (valid in text, attributes and — for HTML payloads — inside CDATA).
 */
export function encodeDocument(doc: string, charset: Charset): Buffer {
  if (charset === "utf-8") return Buffer.from(doc, "utf8");
  let out = "";
  for (const ch of doc) {
    const cp = ch.codePointAt(0) ?? 0;
    out += canEncode(cp, charset) ? ch : `&#${cp};`;
  }
  return iconv.encode(out, charset);
}
