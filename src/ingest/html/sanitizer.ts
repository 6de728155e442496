/**
 * A single-pass HTML sanitiser. It reads tags the way HTML tokenises them and writes only what it constructs itself:
 * allow-listed tags with allow-listed, escaped attributes, and escaped text. Nothing from the input is copied as
 * markup, so whatever a browser makes of the output, it can only be the elements written here.
 */
import { decodeHTMLAttribute } from "entities";
import { allowedTags, droppedWithContent, impliedEnds, rawTextTags, urlAttributes, voidTags } from "./allow-list.ts";

/** Characters in text that need work: entities to check, '>' to escape, control characters to drop. */
const textNeedsWork = /[&>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const textWork = /&(?:[A-Za-z][A-Za-z0-9]{0,31};|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};)?|>|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const schemePrefix = /^([a-z][a-z0-9+.-]*):/i;

type Tag = { name: string; attributes: Map<string, string>; selfClosing: boolean; end: number };

export class Sanitizer {
  private out = "";
  /** Elements written and not yet closed, innermost last. */
  private readonly open: string[] = [];

  constructor(private readonly base: URL | null) {}

  run(html: string): string {
    const length = html.length;
    let i = 0;
    while (i < length) {
      const lt = html.indexOf("<", i);
      if (lt === -1) {
        this.text(html.slice(i));
        break;
      }
      if (lt > i) this.text(html.slice(i, lt));
      i = this.markup(html, lt);
    }
    while (this.open.length > 0) this.out += `</${this.open.pop()}>`;
    return this.out;
  }

  /** Handles the markup starting at `lt` and returns where reading continues. */
  private markup(html: string, lt: number): number {
    const next = html.charCodeAt(lt + 1);
    if (isLetter(next)) {
      const tag = readTag(html, lt + 1);
      if (!tag) return html.length; // A tag cut off by the end of the input is dropped, as browsers do.
      return this.startTag(html, tag);
    }
    if (next === 0x2f /* / */ && isLetter(html.charCodeAt(lt + 2))) {
      const tag = readTag(html, lt + 2);
      if (!tag) return html.length;
      this.endTag(tag.name);
      return tag.end;
    }
    if (next === 0x21 /* ! */) return this.declaration(html, lt);
    if (next === 0x3f /* ? */ || next === 0x2f) {
      const gt = html.indexOf(">", lt);
      return gt === -1 ? html.length : gt + 1;
    }
    this.out += "&lt;";
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

  private startTag(html: string, tag: Tag): number {
    const { name } = tag;
    if (rawTextTags.has(name)) return skipRawText(html, name, tag.end);
    if (droppedWithContent.has(name) && !tag.selfClosing) return skipElement(html, name, tag.end);
    const allowed = allowedTags.get(name);
    if (!allowed) return tag.end;
    const implied = impliedEnds.get(name);
    if (implied) {
      while (this.open.length > 0 && implied.has(this.open[this.open.length - 1] ?? "")) {
        this.out += `</${this.open.pop()}>`;
      }
    }
    let written = `<${name}`;
    for (const [key, raw] of tag.attributes) {
      if (!allowed.has(key)) continue;
      const decoded = raw.includes("&") ? decodeHTMLAttribute(raw) : raw;
      const value = urlAttributes.has(key) ? this.url(decoded, key === "href") : decoded.replace(controlChars, "");
      if (value !== null) written += ` ${key}="${escapeAttributeValue(value)}"`;
    }
    if (name === "img" && !tag.attributes.has("src")) {
      const lazy = tag.attributes.get("data-src") ?? tag.attributes.get("data-lazy-src");
      const value = lazy ? this.url(decodeHTMLAttribute(lazy), false) : null;
      if (value !== null) written += ` src="${escapeAttributeValue(value)}"`;
    }
    this.out += `${written}>`;
    if (!voidTags.has(name)) this.open.push(name);
    return tag.end;
  }

  private endTag(name: string): void {
    const index = this.open.lastIndexOf(name);
    if (index === -1) return;
    while (this.open.length > index) this.out += `</${this.open.pop()}>`;
  }

  /** Text from the input: valid entities kept, bare '&' and '>' escaped, control characters dropped. */
  private text(text: string): void {
    if (!textNeedsWork.test(text)) {
      this.out += text;
      return;
    }
    this.out += text.replace(textWork, (match) => {
      if (match === "&") return "&amp;";
      if (match === ">") return "&gt;";
      return match.length > 1 ? match : "";
    });
  }

  /** Text that is not HTML (CDATA): everything escaped. */
  private rawText(text: string): void {
    this.out += text.replace(controlChars, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /** An absolute http(s) URL (or mailto: for links), or null to drop the attribute. */
  private url(value: string, isLink: boolean): string | null {
    const trimmed = value.replace(controlChars, "").trim();
    if (!trimmed) return null;
    const scheme = schemePrefix.exec(trimmed)?.[1]?.toLowerCase();
    if (scheme !== undefined && scheme !== "http" && scheme !== "https" && !(isLink && scheme === "mailto")) return null;
    try {
      const url = this.base ? new URL(trimmed, this.base) : new URL(trimmed);
      if (url.protocol === "http:" || url.protocol === "https:" || (isLink && url.protocol === "mailto:")) return url.href;
    } catch {
      // Relative without a base, or not a URL at all.
    }
    return null;
  }
}

function escapeAttributeValue(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

/**
 * Reads a tag from its name (at `from`) to its closing '>', as HTML's tokenizer does: attributes split on
 * whitespace or '/', values quoted or not, a quoted value may hold '>'. Null when the input ends inside the tag.
 */
function readTag(html: string, from: number): Tag | null {
  const length = html.length;
  let i = from;
  while (i < length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x2f && html.charCodeAt(i) !== 0x3e) i += 1;
  const name = html.slice(from, i).toLowerCase();
  const attributes = new Map<string, string>();
  let selfClosing = false;
  for (;;) {
    while (i < length && (isSpace(html.charCodeAt(i)) || html.charCodeAt(i) === 0x2f)) {
      selfClosing = html.charCodeAt(i) === 0x2f;
      i += 1;
    }
    if (i >= length) return null;
    if (html.charCodeAt(i) === 0x3e) return { name, attributes, selfClosing, end: i + 1 };
    selfClosing = false;
    const nameStart = i;
    i += 1; // An attribute name may start with '='.
    while (i < length) {
      const code = html.charCodeAt(i);
      if (isSpace(code) || code === 0x2f || code === 0x3e || code === 0x3d) break;
      i += 1;
    }
    const key = html.slice(nameStart, i).toLowerCase();
    while (i < length && isSpace(html.charCodeAt(i))) i += 1;
    let value = "";
    if (html.charCodeAt(i) === 0x3d) {
      i += 1;
      while (i < length && isSpace(html.charCodeAt(i))) i += 1;
      const quote = html.charCodeAt(i);
      if (quote === 0x22 || quote === 0x27) {
        const close = html.indexOf(quote === 0x22 ? '"' : "'", i + 1);
        if (close === -1) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const start = i;
        while (i < length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3e) i += 1;
        value = html.slice(start, i);
      }
    }
    if (!attributes.has(key)) attributes.set(key, value);
  }
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
    const tag = readTag(html, match.index + 1 + (match[1] ? 1 : 0));
    if (!tag) return html.length;
    pattern.lastIndex = tag.end;
    if (match[1]) depth -= 1;
    else if (!tag.selfClosing) depth += 1;
    if (depth === 0) return tag.end;
  }
  return html.length;
}
