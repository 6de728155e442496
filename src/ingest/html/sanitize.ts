import { decodeHTMLStrict } from "entities";
import { Parser } from "htmlparser2";
import { allowedTags, droppedWithContent, urlAttributes, voidTags } from "./allow-list.ts";

/** C0 controls other than tab, newline and carriage return: not allowed in HTML or XML text. */
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const tagLike = /<!\[CDATA\[|\]\]>|<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;
const spaces = /[\s\u00a0]+/g;
const markupOrEntity = /[<&]/;
const schemePrefix = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Sanitises HTML from a feed or page: a fixed allow-list of tags and attributes (see allow-list.ts), no scripts,
 * styles, event handlers or javascript: URLs, and every link and image made absolute against `base`. Text without
 * markup is only escaped, without parsing.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hi <a href="/a">there</a><script>evil()</script></p>', "https://ex.com/")
 * // '<p>Hi <a href="https://ex.com/a">there</a></p>'
 */
export function sanitizeHtml(html: string, base: string | null): string {
  if (!html) return "";
  if (!markupOrEntity.test(html)) return escapeText(html.replace(controlChars, "")).trim();
  const writer = new SanitizingWriter(base);
  const parser = new Parser(writer, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: true });
  parser.end(html);
  return writer.result();
}

/** Builds the sanitised output from the tokenizer's events; every open tag written is closed in order. */
class SanitizingWriter {
  private out = "";
  /** One entry per open element: whether its tags are written. */
  private readonly stack: Array<{ name: string; kept: boolean }> = [];
  /** Depth inside elements dropped with their content (script, style…). */
  private dropping = 0;
  private readonly base: URL | null;

  constructor(base: string | null) {
    this.base = parseBase(base);
  }

  onopentag(name: string, attributes: Record<string, string>): void {
    if (this.dropping > 0 || droppedWithContent.has(name)) {
      this.dropping += 1;
      this.stack.push({ name, kept: false });
      return;
    }
    const allowed = allowedTags.get(name);
    this.stack.push({ name, kept: allowed !== undefined });
    if (!allowed) return;
    let tag = `<${name}`;
    for (const key in attributes) {
      if (!allowed.has(key)) continue;
      const value = urlAttributes.has(key) ? this.url(attributes[key] ?? "", key === "href") : attributes[key];
      if (value !== null && value !== undefined) tag += ` ${key}="${escapeAttribute(value.replace(controlChars, ""))}"`;
    }
    this.out += `${tag}>`;
  }

  ontext(text: string): void {
    if (this.dropping === 0) this.out += escapeText(text.replace(controlChars, ""));
  }

  onclosetag(name: string): void {
    // The tokenizer closes elements innermost first; anything above a mismatched name is closed with it.
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]?.name !== name) index -= 1;
    if (index < 0) return;
    while (this.stack.length > index) {
      const open = this.stack.pop();
      if (!open) break;
      if (this.dropping > 0) this.dropping -= 1;
      else if (open.kept && !voidTags.has(open.name)) this.out += `</${open.name}>`;
    }
  }

  result(): string {
    while (this.stack.length > 0) this.onclosetag(this.stack[this.stack.length - 1]?.name ?? "");
    return this.out.trim();
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

function parseBase(base: string | null): URL | null {
  if (!base) return null;
  try {
    return new URL(base);
  } catch {
    return null;
  }
}

/**
 * Plain text of a title or other short field: tags and comments removed, entities (with their semicolon) decoded,
 * control characters dropped, whitespace collapsed. Null when nothing is left.
 *
 * @example
 * plainText("  <b>AT&amp;T</b>\n results ") // "AT&T results"
 */
export function plainText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let text = String(value);
  if (text.includes("<")) text = text.replace(tagLike, " ");
  if (text.includes("&")) text = decodeHTMLStrict(text);
  text = text.replace(controlChars, "").replace(spaces, " ").trim();
  return text || null;
}

/** Text as it must appear between tags. */
export function escapeText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text as it must appear inside a double-quoted attribute. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}
