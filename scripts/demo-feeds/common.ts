// Helpers shared by the feed writers.
import type { Entry, FeedContext } from "../demo-lib/site.ts";
import { bodyBlocks, escAttr, escText, inline, type Typography } from "../demo-lib/text.ts";

const DECLARED: Record<string, string> = {
  "utf-8": "UTF-8",
  "iso-8859-1": "ISO-8859-1",
  "windows-1252": "windows-1252",
};

export function xmlDecl(charset: string): string {
  return `<?xml version="1.0" encoding="${DECLARED[charset] ?? charset}"?>\n`;
}

/** <![CDATA[...]]> (our content never contains "]]>", but split it safely anyway). */
export function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

export function tag(name: string, text: string, attrs = ""): string {
  return `<${name}${attrs}>${escText(text)}</${name}>`;
}

/**
 * How relative URLs inside feed content are written:
 * - "root": root-relative ("/wirebeat/img/x.svg"), to be resolved against the item link;
 * - "base": relative to the site root ("img/x.svg"), to be resolved against xml:base.
 */
export type RelativeMode = "root" | "base";

function relativeHref(ctx: FeedContext, path: string, mode: RelativeMode): string {
  const prefix = `/${ctx.profile.root}/`;
  return mode === "base" && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/**
 * Full HTML body of an item for a feed. The oldest item of every source starts with a relative lead
 * <img>, the third-oldest ends with a relative "Related" link to the oldest item.
 */
export function contentHtml(ctx: FeedContext, entry: Entry, mode: RelativeMode = "root"): string {
  return contentBlocks(ctx, entry, mode).join("\n");
}

function contentBlocks(ctx: FeedContext, entry: Entry, mode: RelativeMode): string[] {
  const typo = ctx.profile.typography;
  const blocks = bodyBlocks(entry.item.body, typo);
  if (entry.seq === 0) {
    const src = relativeHref(ctx, entry.imagePath, mode);
    blocks.unshift(
      `<p><img src="${escAttr(src)}" alt="${escAttr(entry.item.imageCaption ?? entry.item.title)}" width="640" height="360" /></p>`,
    );
  }
  const first = ctx.entries.find((e) => e.seq === 0);
  if (entry.seq === 2 && first !== undefined) {
    const href = relativeHref(ctx, first.urlPath, mode);
    blocks.push(`<p>Related: <a href="${escAttr(href)}">${inline(first.item.title, typo)}</a></p>`);
  }
  return blocks;
}

/** First n paragraphs (lead image included) plus a "continue reading" link (teaser feeds). */
export function teaserHtml(ctx: FeedContext, entry: Entry, paragraphs: number, more: string): string {
  const blocks = contentBlocks(ctx, entry, "root").filter((b) => b.startsWith("<p>") && !b.startsWith("<p>Related:"));
  return `${blocks.slice(0, paragraphs).join("\n")}\n<p><a href="${escAttr(entry.url)}">${escText(more)}</a></p>`;
}

/** Typeset text for direct use as XML character data (titles): no HTML-only named entities. */
export function xmlInline(s: string, typo: Typography): string {
  return inline(s, typo).replace(/&nbsp;/g, "&#160;");
}

/** Convert HTML with named entities into XML-safe markup (for Atom type="xhtml"). */
export function xhtmlSafe(html: string): string {
  return html.replace(/&nbsp;/g, "&#160;");
}

export function indent(lines: string[], n: number): string {
  const pad = " ".repeat(n);
  return lines.map((l) => (l === "" ? l : pad + l)).join("\n");
}

/** Numeric id derived from the slug (WordPress post ids, press-release numbers, ...). */
export function numericId(seed: string, base: number, span: number): number {
  let h = 0;
  for (const ch of seed) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % span;
  return base + h;
}
