/**
 * A single-pass HTML sanitiser over htmlparser2's tokenizer. The tokenizer reads the markup (tags, attributes and
 * their quoting, comments, CDATA, the raw text of script, style, title, textarea and xmp); this file decides what
 * is written, and writes only what it constructs itself: allow-listed tags with allow-listed, escaped attributes,
 * and text in which every '<' and every '&' that does not start an entity is escaped. No markup is copied from the
 * input, so whatever a browser makes of the output, it can only be the elements written here.
 *
 * Control characters and escape sequences are removed from each piece of text and each attribute value as it is
 * written, never from the input before it is read: removing them first could join characters into markup a browser
 * would not have seen ("<\u0001?<script>" is a '<', then a script, to a browser; without the control it would be a
 * processing instruction hiding the script's start tag).
 */
import { decodeHTMLAttribute, decodeHTMLStrict } from "entities";
import { type TokenizerCallbacks as Callbacks, type QuoteType, Tokenizer } from "htmlparser2";
import { hasControls, isAllowedCodePoint, stripControls } from "../../text/controls.ts";
import { type TagInfo, tagInfo, urlAttributes } from "./allow-list.ts";
import { resolveUrl } from "./resolve-url.ts";

/** An entity reference as HTML writes one; any other '&' in text is escaped. */
const entity = /&(?:[A-Za-z][A-Za-z0-9]{0,31};|#([0-9]{1,7});|#[xX]([0-9A-Fa-f]{1,6});)/y;

export class Sanitizer implements Callbacks {
  private html = "";
  /** Whether the input holds control characters, to be stripped from what is written. */
  private dirty = false;
  private base: string | null = null;
  private out = "";
  /** Whitespace after the last text, written only if more follows (the output is trimmed as it is built). */
  private pending = "";
  /** Elements written and not yet closed, innermost last, and their end tags. */
  private open: string[] = [];
  private ends: string[] = [];
  /** Position of the next '&' in the input at or after the current text (-1: none left). */
  private nextAmp = -2;
  /** The tag being read: its name, what the allow-list says of it, the attributes collected from it. */
  private tagName = "";
  private tag: TagInfo | undefined;
  private attributes: Map<string, string> | null = null;
  private attributeName: string | null = null;
  private attributeValue = "";
  /** The element being removed with its content, how deeply it nests in itself, and whether its content is raw. */
  private dropping: string | null = null;
  private dropDepth = 0;
  private dropRaw = false;

  /** The sanitised form of `html`, its URLs resolved against `base`. */
  run(html: string, base: string | null): string {
    this.html = html;
    this.dirty = hasControls(html);
    this.base = base;
    this.out = "";
    this.pending = "";
    this.open = [];
    this.ends = [];
    this.nextAmp = -2;
    this.dropping = null;
    this.attributes = null;
    // A tokenizer per document: reset() leaves some of its state (inside a raw-text element) behind.
    const tokenizer = new Tokenizer({ decodeEntities: false }, this);
    tokenizer.write(this.html);
    tokenizer.end();
    while (this.open.length > 0) this.out += this.close();
    this.html = "";
    return this.out;
  }

  ontext(start: number, end: number): void {
    if (this.dropping !== null) return;
    const html = this.html;
    if (isCutOffMarkup(html, start, end)) return;
    let from = start;
    // "</ >": the tokenizer passes it on as text, a browser reads it as a bogus comment up to the '>'.
    if (html.charCodeAt(from) === 0x3c && html.charCodeAt(from + 1) === 0x2f) {
      const gt = html.indexOf(">", from);
      from = gt === -1 || gt >= end ? end : gt + 1;
    }
    if (from < end) {
      if (this.dirty) this.cleanText(html.slice(from, end));
      else this.text(html, from, end);
    }
  }

  oncdata(start: number, end: number, endOffset: number): void {
    if (this.dropping === null) this.rawText(stripControls(this.html.slice(start, end - endOffset)));
  }

  onopentagname(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    this.tagName = name;
    this.tag = tagInfo.get(name);
    // Attributes are only collected where some may be kept (or, for img, where a lazy-loading src may hide).
    this.attributes = this.dropping === null && this.tag?.read ? new Map() : null;
    this.attributeName = null;
  }

  onattribname(start: number, end: number): void {
    if (this.attributes === null) return;
    const name = this.html.slice(start, end).toLowerCase();
    // The first of repeated attributes counts, as in browsers.
    this.attributeName = this.tag?.read?.has(name) && !this.attributes.has(name) ? name : null;
    this.attributeValue = "";
  }

  onattribdata(start: number, end: number): void {
    if (this.attributeName !== null) this.attributeValue += this.html.slice(start, end);
  }

  onattribend(_quote: QuoteType, _end: number): void {
    if (this.attributeName === null) return;
    this.attributes?.set(this.attributeName, this.attributeValue);
    this.attributeName = null;
  }

  onopentagend(): void {
    this.startTag(false);
  }

  onselfclosingtag(): void {
    this.startTag(true);
  }

  onclosetag(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    if (this.dropping !== null) {
      if (name === this.dropping && --this.dropDepth === 0) this.dropping = null;
      return;
    }
    const index = this.open.lastIndexOf(name);
    if (index === -1) return;
    while (this.open.length > index) this.write(this.close());
  }

  // Comments, declarations (<!DOCTYPE>, <!x>) and processing instructions are dropped; entities are not decoded.
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onattribentity(): void {}
  ontextentity(): void {}
  onend(): void {}

  private startTag(selfClosing: boolean): void {
    const name = this.tagName;
    const info = this.tag;
    if (this.dropping !== null) {
      if (name === this.dropping && !this.dropRaw && !selfClosing) this.dropDepth += 1;
      return;
    }
    if (!info || info.action === "skip") return;
    if (info.action === "raw" || (info.action === "drop" && !selfClosing)) {
      // Raw text ends at the first end tag of its element ("<script/>" too: browsers ignore that slash).
      this.dropping = name;
      this.dropDepth = 1;
      this.dropRaw = info.action === "raw";
      return;
    }
    if (info.action === "drop") return;
    const implied = info.impliedEnds;
    if (implied) {
      while (this.open.length > 0 && implied.has(this.open[this.open.length - 1] ?? "")) this.write(this.close());
    }
    const attributes = this.attributes;
    this.write(
      attributes && info.allowed ? `<${name}${this.attributesOf(name, info.allowed, attributes)}>` : info.startTag,
    );
    if (!info.isVoid) {
      this.open.push(name);
      this.ends.push(info.endTag);
    }
  }

  /** The kept attributes, written out: URLs resolved and checked, every value escaped. */
  private attributesOf(name: string, allowed: ReadonlySet<string>, attributes: Map<string, string>): string {
    let written = "";
    for (const [key, raw] of attributes) {
      if (!allowed.has(key)) continue;
      const decoded = raw.includes("&")
        ? stripControls(decodeHTMLAttribute(raw))
        : this.dirty
          ? stripControls(raw)
          : raw;
      const value = urlAttributes.has(key) ? this.url(decoded, key === "href") : decoded;
      if (value !== null) written += ` ${key}="${escapeAttributeValue(value)}"`;
    }
    if (name === "img" && !attributes.has("src")) {
      const lazy = attributes.get("data-src") ?? attributes.get("data-lazy-src");
      const value = lazy ? this.url(stripControls(decodeHTMLAttribute(lazy)), false) : null;
      if (value !== null) written += ` src="${escapeAttributeValue(value)}"`;
    }
    return written;
  }

  /** Pops the innermost open element, returning its end tag. */
  private close(): string {
    this.open.pop();
    return this.ends.pop() ?? "";
  }

  /** Writes markup, after any whitespace held back. */
  private write(markup: string): void {
    this.out += this.pending + markup;
    this.pending = "";
  }

  /** Writes text, trimming the output's start and holding back trailing whitespace. */
  private writeText(text: string): void {
    const last = text.charCodeAt(text.length - 1);
    if (last > 0x20 && last < 0x7f) {
      // Most text ends in a printable ASCII character: nothing to trim or hold back.
      if (this.out) this.out += this.pending + text;
      else this.out = text.trimStart();
      this.pending = "";
      return;
    }
    const body = text.trimEnd();
    if (!body) {
      if (this.out) this.pending += text;
      return;
    }
    if (this.out) this.out += this.pending + body;
    else this.out = body.trimStart();
    this.pending = text.length > body.length ? text.slice(body.length) : "";
  }

  /**
   * Text from the input, `from` to `to`: copied as it is except that '<' and an '&' not starting an entity are
   * escaped, and a numeric reference to a character stored text may not hold ("&#27;") is dropped.
   */
  private text(html: string, from: number, to: number): void {
    let i = from;
    let text = "";
    let lt = html.indexOf("<", i);
    for (;;) {
      if (this.nextAmp !== -1 && this.nextAmp < i) this.nextAmp = html.indexOf("&", i);
      if (lt !== -1 && lt < i) lt = html.indexOf("<", i);
      const amp = this.nextAmp;
      const nextLt = lt !== -1 && lt < to ? lt : -1;
      const at = amp !== -1 && amp < to && (nextLt === -1 || amp < nextLt) ? amp : nextLt;
      if (at === -1) break;
      text += html.slice(i, at);
      if (at === nextLt) {
        text += "&lt;";
        i = at + 1;
        continue;
      }
      entity.lastIndex = at;
      const match = entity.exec(html);
      text += match ? checkedReference(match) : "&amp;";
      i = match ? entity.lastIndex : at + 1;
    }
    this.writeText(i < to ? text + html.slice(i, to) : text);
  }

  /** Text from the input with controls in it: stripped first, then written as `text` writes it. */
  private cleanText(raw: string): void {
    const clean = stripControls(raw);
    if (!clean) return;
    // `nextAmp` points into the input; this text is another string.
    const nextAmp = this.nextAmp;
    this.nextAmp = -2;
    this.text(clean, 0, clean.length);
    this.nextAmp = nextAmp;
  }

  /** Text that is not HTML (CDATA): everything escaped. */
  private rawText(text: string): void {
    this.writeText(text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  }

  /** An absolute http(s) URL (or mailto: for links), or null to drop the attribute. */
  private url(value: string, isLink: boolean): string | null {
    return resolveUrl(value, this.base, isLink);
  }
}

/**
 * An entity reference as it may stay in text: named ones as written, numeric ones when they name a character stored
 * text may hold — as written, or as the character a browser shows for it ("&#150;" is "–", from windows-1252).
 */
function checkedReference(match: RegExpExecArray): string {
  const [written, decimal, hex] = match;
  if (decimal === undefined && hex === undefined) return written;
  const code = Number.parseInt(decimal ?? hex ?? "", decimal === undefined ? 16 : 10);
  const shown = decodeHTMLStrict(written).codePointAt(0) ?? 0xfffd;
  if (!isAllowedCodePoint(shown)) return "";
  return shown === code ? written : `&#${shown};`;
}

/**
 * Whether text the tokenizer reports from `start` to the end of the input is what is left of a declaration,
 * processing instruction, bogus comment or end tag ("<!x", "<?x", "</ x", "</3", "</p ") cut off by the end of the
 * input, which browsers drop. Other text starts at the input's start, after a '>', or at a '<' that began no tag;
 * inside a cut-off end tag the tokenizer reports a start of -1.
 */
export function isCutOffMarkup(text: string, start: number, end: number): boolean {
  if (start < 0) return true;
  if (start === 0 || end !== text.length || text.charCodeAt(start - 1) === 0x3e) return false;
  if (text.charCodeAt(start) !== 0x3c) return true;
  // A '<' can be the first character of a cut-off "<!<…", "<?<…" or "</ <…" too.
  const mark = text.charCodeAt(start - 1);
  if ((mark === 0x21 /* ! */ || mark === 0x3f) /* ? */ && text.charCodeAt(start - 2) === 0x3c) return true;
  let before = start - 1;
  while (before > 0 && isSpace(text.charCodeAt(before))) before -= 1;
  return text.charCodeAt(before) === 0x2f && text.charCodeAt(before - 1) === 0x3c;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

function escapeAttributeValue(value: string): string {
  if (!value.includes("&") && !value.includes('"') && !value.includes("<") && !value.includes(">")) return value;
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
