import { isUtf8 } from "node:buffer";
import { stripControls } from "../../text/controls.ts";
import { escapeText, plainText, sanitizeHtml } from "../html/sanitize.ts";
import type { AtomText } from "./feedsmith-shapes.ts";

/** How an Atom text construct's value is to be read (RFC 4287 §3.1 and §4.1.3, Atom 0.3's MIME types). */
type TextKind = "text" | "html" | "xml" | "base64";

const base64Pattern = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

function kindOf(type: string | undefined, value: string, base64Values: ReadonlySet<string>): TextKind {
  // Atom 0.3 marks base64 with mode="base64", which the parser does not keep; the document scan found these.
  if (base64Values.size > 0 && base64Values.has(value.trim())) return "base64";
  if (!type) return "html"; // Untyped values are HTML in practice (Atom 0.3 naked markup, escaped markup).
  const lower = type.trim().toLowerCase();
  if (lower === "text" || lower === "text/plain") return "text";
  if (lower === "html" || lower === "text/html" || lower === "xhtml" || lower === "application/xhtml+xml")
    return "html";
  if (lower.endsWith("+xml") || lower.endsWith("/xml")) return "xml";
  if (lower.startsWith("text/")) return "text";
  return base64Pattern.test(value) ? "base64" : "text";
}

/** Base64 text decoded as UTF-8, or null when it is not base64 of text (the value is then read as text). */
function decodeBase64(value: string): string | null {
  const bytes = Buffer.from(value.replace(/\s+/g, ""), "base64");
  return bytes.length > 0 && isUtf8(bytes) ? bytes.toString("utf8") : null;
}

export function textValue(value: AtomText | undefined): string | undefined {
  return typeof value === "string" ? value : value?.value;
}

function typeOf(value: AtomText | undefined): string | undefined {
  return typeof value === "string" ? undefined : value?.type;
}

/** An Atom text construct as sanitised HTML: text and XML escaped, HTML and XHTML sanitised, base64 decoded. */
export function atomHtml(
  value: AtomText | undefined,
  base: string | null,
  base64Values: ReadonlySet<string>,
): string | null {
  const text = textValue(value);
  if (!text) return null;
  const kind = kindOf(typeOf(value), text, base64Values);
  const html = kind === "base64" ? decodeBase64(text) : kind === "html" ? text : null;
  if (html === null) return escapeText(stripControls(text)).trim() || null;
  return sanitizeHtml(html, base) || null;
}

/** An Atom text construct as plain text (titles): markup removed only where the type says it is markup. */
export function atomPlain(value: AtomText | undefined, base64Values: ReadonlySet<string>): string | null {
  const text = textValue(value);
  if (!text) return null;
  const kind = kindOf(typeOf(value), text, base64Values);
  const html = kind === "base64" ? decodeBase64(text) : kind === "html" ? text : null;
  return html === null ? collapse(text) : plainText(html);
}

/** Text kept as written: control characters, escape sequences and bidi overrides dropped, whitespace collapsed. */
export function collapse(text: string | null | undefined): string | null {
  if (!text) return null;
  return (
    stripControls(text)
      .replace(/[\s\u00a0]+/g, " ")
      .trim() || null
  );
}
