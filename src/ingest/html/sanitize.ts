import { decodeHTMLStrict } from "entities";
import { stripControls } from "../../text/controls.ts";
import { Sanitizer } from "./sanitizer.ts";

const sanitizer = new Sanitizer();
/** Markup to remove from plain text: a tag needs a real name ("<y@example.com>" and "a <3" are text). */
const tagLike = /<!\[CDATA\[|\]\]>|<![^<>]*>|<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>/g;
const spaces = /[\s\u00a0]+/g;

/**
 * Sanitises HTML from a feed or page: a fixed allow-list of tags and attributes (see allow-list.ts), no scripts,
 * styles, event handlers or javascript: URLs, and every link and image made absolute against `base`. Control
 * characters, escape sequences and bidi overrides are removed first (text/controls.ts). Text with
 * neither '<' nor '&' is returned as it is, without parsing.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hi <a href="/a">there</a><script>evil()</script></p>', "https://ex.com/")
 * // '<p>Hi <a href="https://ex.com/a">there</a></p>'
 */
export function sanitizeHtml(html: string, base: string | null): string {
  if (!html) return "";
  if (!html.includes("<") && !html.includes("&")) return stripControls(html).trim();
  return sanitizer.run(html, base);
}

/**
 * Plain text of a title or other short field: tags and comments removed, entities (with their semicolon) decoded,
 * control characters, escape sequences and bidi overrides dropped (text/controls.ts), whitespace collapsed. Null when nothing is left.
 *
 * @example
 * plainText("  <b>AT&amp;T</b>\n results ") // "AT&T results"
 */
export function plainText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let text = String(value);
  if (text.includes("<")) text = text.replace(tagLike, " ");
  const amp = text.indexOf("&");
  if (amp !== -1 && text.indexOf(";", amp) !== -1) text = decodeHTMLStrict(text);
  text = stripControls(text);
  if (!isTidy(text)) text = text.replace(spaces, " ").trim();
  return text || null;
}

/** Text as it must appear between tags. */
export function escapeText(text: string): string {
  if (!text.includes("&") && !text.includes("<") && !text.includes(">")) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text as it must appear inside a double-quoted attribute. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

/** Whether text needs no whitespace work: no control character or odd space, single spaces inside only. */
function isTidy(text: string): boolean {
  let afterSpace = true; // A leading space needs trimming.
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) return false;
    if (code >= 0x1680 && (code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || isOtherSpace(code))) return false;
    afterSpace = false;
  }
  return !afterSpace || text.length === 0;
}

function isOtherSpace(code: number): boolean {
  return code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
