/**
 * Escaping for every output format: text from sources and writers is never trusted as markup, and never carries a
 * control character, an escape sequence or a bidi override into an issue (text/controls.ts). Ingest already removed
 * them from what it stored; this is the second line, for text that came another way (a writer, an older store).
 */
import { cleanMarkup, stripControls } from "../text/controls.ts";

const htmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and double- or single-quoted attribute values; controls are dropped. */
export function escapeHtml(text: string): string {
  return stripControls(text).replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

/**
 * A whole rendered document (HTML, Markdown, text, an RSS or Atom feed) with any control character, bidi override,
 * noncharacter or lone surrogate that got past the escaping removed, one character at a time so that the markup
 * keeps its shape. The result is valid XML 1.0 text.
 *
 * @example
 * cleanDocument("<title>a\u001bb</title>") // "<title>ab</title>"
 */
export function cleanDocument(document: string): string {
  return cleanMarkup(document);
}

/**
 * JSON text of a value (a JSON Feed) whose strings are cleaned as `stripControls` cleans them: JSON would write an
 * ESC as "\u001b", which every reader turns back into an ESC.
 *
 * @example
 * cleanJson({ title: "a\u001b[2Jb" }) // '{\n  "title": "ab"\n}'
 */
export function cleanJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? stripControls(v) : v), 2);
}

/** A URL placeholder the sending stage fills per recipient ("{{unsubscribe_url}}", "%unsubscribe%", "[[url]]"). */
const placeholder = /^(\{\{[\w.-]+\}\}|%%?[\w.-]+%%?|\[\[[\w.-]+\]\])$/;

/**
 * The URL when it is safe to put in a link: http(s), mailto, a relative path or a mail-merge placeholder. Anything
 * with another scheme (javascript:, data:, vbscript:) gives null, and the caller prints the text without a link.
 *
 * @example
 * safeUrl("javascript:alert(1)") // null
 * safeUrl("https://example.com/a b") // "https://example.com/a%20b"
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so judge the URL without them
  // (and without bidi controls, which would only disguise it).
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
  if (!compact) return null;
  if (placeholder.test(compact)) return compact;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined)
    return compact.startsWith("//") ? null : compact.replace(/[\s"<>\\^`{|}]/g, encodeURIComponent);
  if (scheme !== "http" && scheme !== "https" && scheme !== "mailto") return null;
  if (scheme === "mailto") return compact;
  try {
    return new URL(url.trim()).href;
  } catch {
    return null;
  }
}

/**
 * Characters CommonMark could read as inline markup, plus `&` where it would start an entity reference ("&amp;"),
 * `|` (GFM tables), `~` (strikethrough) and `$` (math in GitHub, Obsidian and others: "$2 billion … $5").
 */
const markdownInline = /[\\`*_[\]<>|~$]|&(?=#?\w+;)/g;

/**
 * Escapes text for a Markdown paragraph: inline markup characters everywhere, and block markers (`#`, `>`, `-`,
 * `+`, `=`, `1.`) where they would start a block. Newlines become spaces: a paragraph here is one line. Controls are
 * dropped.
 */
export function escapeMarkdown(text: string): string {
  const inline = stripControls(text)
    .replace(/\s*\n\s*/g, " ")
    .replace(markdownInline, (c) => `\\${c}`);
  return inline.replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (_m, space: string, marker: string) =>
    /^\d+$/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
  );
}

/** A link destination for Markdown: a safe URL with the characters that would end it escaped, or null. */
export function markdownUrl(url: string | null | undefined): string | null {
  const safe = safeUrl(url);
  const encoded: Record<string, string> = { "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20" };
  return safe === null ? null : safe.replace(/[()<> ]/g, (c) => encoded[c] ?? c);
}
