import { escapeHtml, safeUrl } from "./escape.ts";
import type { Resolved } from "./options.ts";
import type { Part } from "./parts.ts";
import type { Theme } from "./theme.ts";

/** Email HTML (inline styles, tables for boxes) or web HTML (classes and a style sheet). */
export type Flavor = "email" | "web";

/** What the HTML block writers share: how to dress a part, and the resolved options. */
export type HtmlContext = {
  flavor: Flavor;
  /** The attributes (class, and in email the inline style) for a part, with a leading space. */
  attrs: (part: Part) => string;
  theme: Theme;
  options: Resolved;
};

/** A context whose parts carry classes and, for email, their inline styles. */
export function htmlContext(
  flavor: Flavor,
  theme: Theme,
  options: Resolved,
  styles: Record<Part, string>,
): HtmlContext {
  const cache = new Map<Part, string>();
  const attrs = (part: Part): string => {
    let value = cache.get(part);
    if (value === undefined) {
      value = flavor === "email" ? ` class="db-${part}" style="${escapeHtml(styles[part])}"` : ` class="db-${part}"`;
      cache.set(part, value);
    }
    return value;
  };
  return { flavor, attrs, theme, options };
}

/** A link when the URL is safe, else the escaped text alone. */
export function link(
  ctx: HtmlContext,
  part: Part,
  url: string | null | undefined,
  text: string,
  title?: string,
): string {
  const href = safeUrl(url);
  if (href === null) return escapeHtml(text);
  // Tooltips help on the web; in email they cost bytes (Gmail clips at 102 KB) and phones never show them.
  const tip = ctx.flavor === "web" && title && title !== text ? ` title="${escapeHtml(title)}"` : "";
  return `<a href="${escapeHtml(href)}"${tip}${ctx.attrs(part)}>${escapeHtml(text)}</a>`;
}

/** A tinted box: a one-cell table in email (Outlook ignores padding on divs), a div on the web. */
export function box(ctx: HtmlContext, part: Part, inner: string): string {
  if (ctx.flavor === "web") return `<div${ctx.attrs(part)}>${inner}</div>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td${ctx.attrs(part)}>${inner}</td></tr></table>`;
}

/** Escaped text with its line breaks kept. */
export function lines(text: string): string {
  return escapeHtml(text.trim()).replace(/\r?\n/g, "<br>");
}
