/**
 * A single-pass HTML sanitiser. It reads tags the way HTML tokenises them and writes only what it constructs itself:
 * allow-listed tags with allow-listed, escaped attributes, and text in which every '<' and every '&' that does not
 * start an entity is escaped. No markup is copied from the input, so whatever a browser makes of the output, it can
 * only be the elements written here.
 */
import { decodeHTMLAttribute } from "entities";
import { tagInfo, urlAttributes } from "./allow-list.ts";
import { resolveUrl } from "./resolve-url.ts";
import { isLetter, readAttributes, readName } from "./tag-reader.ts";

/** An entity reference as HTML writes one; any other '&' in text is escaped. */
const entity = /&(?:[A-Za-z][A-Za-z0-9]{0,31};|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};)/y;
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export class Sanitizer {
  private out = "";
  /** Elements written and not yet closed, innermost last, and their end tags. */
  private readonly open: string[] = [];
  private readonly ends: string[] = [];
  /** Position of the next '&' in the input at or after the current text (-1: none left). */
  private nextAmp = -2;
  /** Whitespace after the last text, written only if more follows (the output is trimmed as it is built). */
  private pending = "";

  constructor(private readonly base: string | null) {}

  run(html: string): string {
    const length = html.length;
    let i = 0;
    while (i < length) {
      const lt = html.indexOf("<", i);
      if (lt === -1) {
        this.text(html, i, length);
        break;
      }
      if (lt > i) this.text(html, i, lt);
      i = this.markup(html, lt);
    }
    while (this.open.length > 0) this.out += this.close();
    return this.out;
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
    const body = text.trimEnd();
    if (!body) {
      if (this.out) this.pending += text;
      return;
    }
    if (this.out) this.out += this.pending + body;
    else this.out = body.trimStart();
    this.pending = text.length > body.length ? text.slice(body.length) : "";
  }

  /** Handles the markup starting at `lt` and returns where reading continues. */
  private markup(html: string, lt: number): number {
    const next = html.charCodeAt(lt + 1);
    if (isLetter(next)) return this.startTag(html, lt + 1);
    if (next === 0x2f /* / */ && isLetter(html.charCodeAt(lt + 2))) {
      const nameEnd = readName(html, lt + 2);
      // The usual case, "</p>" closing the innermost element, needs no attribute reading and no new string.
      const top = this.open[this.open.length - 1];
      if (html.charCodeAt(nameEnd) === 0x3e && top?.length === nameEnd - lt - 2 && html.startsWith(top, lt + 2)) {
        this.write(this.close());
        return nameEnd + 1;
      }
      const end = readAttributes(html, nameEnd, null);
      if (end === -1) return html.length; // A tag cut off by the end of the input is dropped, as browsers do.
      this.endTag(html.slice(lt + 2, nameEnd).toLowerCase());
      return end;
    }
    if (next === 0x21 /* ! */) return this.declaration(html, lt);
    if (next === 0x3f /* ? */ || next === 0x2f) {
      const gt = html.indexOf(">", lt);
      return gt === -1 ? html.length : gt + 1;
    }
    this.writeText("&lt;");
    return lt + 1;
  }

  /** Comments are dropped; a CDATA section (common in feed HTML) is read as text. */
  private declaration(html: string, lt: number): number {
    if (html.startsWith("<!--", lt)) {
      if (html.startsWith("<!-->", lt)) return lt + 5;
      if (html.startsWith("<!--->", lt)) return lt + 6;
      const end = html.indexOf("-->", lt + 4);
      return end === -1 ? html.length : end + 3;
    }
    if (html.startsWith("<![CDATA[", lt)) {
      const end = html.indexOf("]]>", lt + 9);
      this.rawText(html.slice(lt + 9, end === -1 ? html.length : end));
      return end === -1 ? html.length : end + 3;
    }
    const gt = html.indexOf(">", lt);
    return gt === -1 ? html.length : gt + 1;
  }

  /** A start tag whose name begins at `from`; returns where reading continues. */
  private startTag(html: string, from: number): number {
    const nameEnd = readName(html, from);
    const name = html.slice(from, nameEnd).toLowerCase();
    const info = tagInfo.get(name);
    // Attributes are only collected where some may be kept (or, for img, where a lazy-loading src may hide).
    const attributes = info?.read ? new Map<string, string>() : null;
    const end = readAttributes(html, nameEnd, attributes, false, info?.read ?? null);
    if (end === -1) return html.length;
    if (!info || info.action === "skip") return end;
    if (info.action === "raw") return skipRawText(html, name, end);
    if (info.action === "drop") return html.charCodeAt(end - 2) === 0x2f ? end : skipElement(html, name, end);
    const implied = info.impliedEnds;
    if (implied) {
      while (this.open.length > 0 && implied.has(this.open[this.open.length - 1] ?? "")) {
        this.write(this.close());
      }
    }
    this.write(
      attributes && info.allowed ? `<${name}${this.attributes(name, info.allowed, attributes)}>` : info.startTag,
    );
    if (!info.isVoid) {
      this.open.push(name);
      this.ends.push(info.endTag);
    }
    return end;
  }

  /** The kept attributes, written out: URLs resolved and checked, every value escaped. */
  private attributes(name: string, allowed: ReadonlySet<string>, attributes: Map<string, string>): string {
    let written = "";
    for (const [key, raw] of attributes) {
      if (!allowed.has(key)) continue;
      const decoded = raw.includes("&") ? decodeHTMLAttribute(raw) : raw;
      const value = urlAttributes.has(key) ? this.url(decoded, key === "href") : decoded.replace(controlChars, "");
      if (value !== null) written += ` ${key}="${escapeAttributeValue(value)}"`;
    }
    if (name === "img" && !attributes.has("src")) {
      const lazy = attributes.get("data-src") ?? attributes.get("data-lazy-src");
      const value = lazy ? this.url(decodeHTMLAttribute(lazy), false) : null;
      if (value !== null) written += ` src="${escapeAttributeValue(value)}"`;
    }
    return written;
  }

  private endTag(name: string): void {
    const index = this.open.lastIndexOf(name);
    if (index === -1) return;
    while (this.open.length > index) this.write(this.close());
  }

  /**
   * Text from the input, `from` to `to`: copied as it is except that an '&' not starting an entity is escaped.
   * Entities stay as written (the browser decodes them as text); '<' never reaches here.
   */
  private text(html: string, from: number, to: number): void {
    let i = from;
    let text = "";
    for (;;) {
      if (this.nextAmp !== -1 && this.nextAmp < i) this.nextAmp = html.indexOf("&", i);
      const amp = this.nextAmp;
      if (amp === -1 || amp >= to) break;
      entity.lastIndex = amp;
      const end = entity.test(html) ? entity.lastIndex : amp + 1;
      text += html.slice(i, amp) + (end === amp + 1 ? "&amp;" : html.slice(amp, end));
      i = end;
    }
    this.writeText(i < to ? text + html.slice(i, to) : text);
  }

  /** Text that is not HTML (CDATA): everything escaped. */
  private rawText(text: string): void {
    this.writeText(text.replace(controlChars, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  }

  /** An absolute http(s) URL (or mailto: for links), or null to drop the attribute. */
  private url(value: string, isLink: boolean): string | null {
    return resolveUrl(value.replace(controlChars, ""), this.base, isLink);
  }
}

function escapeAttributeValue(value: string): string {
  if (!value.includes("&") && !value.includes('"') && !value.includes("<") && !value.includes(">")) return value;
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const patterns = new Map<string, RegExp>();

/** A cached global regular expression, for the few tag names that need one. */
function cached(key: string, source: string): RegExp {
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(source, "gi");
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Skips a raw-text element's content and its end tag; an unclosed one runs to the end. */
function skipRawText(html: string, name: string, from: number): number {
  const pattern = cached(`end:${name}`, `</${name}[\\s/>]`);
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  if (!match) return html.length;
  const gt = html.indexOf(">", match.index);
  return gt === -1 ? html.length : gt + 1;
}

/** Skips an element with everything inside it, counting nested elements of the same name. */
function skipElement(html: string, name: string, from: number): number {
  const pattern = cached(`any:${name}`, `<(/?)${name}(?=[\\s/>])`);
  pattern.lastIndex = from;
  let depth = 1;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const end = readAttributes(html, match.index + match[0].length, null);
    if (end === -1) return html.length;
    pattern.lastIndex = end;
    if (match[1]) depth -= 1;
    else if (html.charCodeAt(end - 2) !== 0x2f) depth += 1;
    if (depth === 0) return end;
  }
  return html.length;
}
