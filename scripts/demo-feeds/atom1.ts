// Atom 1.0 writer (RFC 4287).
import { rfc3339 } from "../demo-lib/dates.ts";
import type { Entry, FeedContext } from "../demo-lib/site.ts";
import { escAttr, escText, hash, inline } from "../demo-lib/text.ts";
import { contentHtml, tag, xhtmlSafe, xmlDecl } from "./common.ts";

export interface Atom1Options {
  /** Minutes from UTC used for every date in the feed. */
  offset: number;
  /** html: escaped HTML (type="html"); xhtml: inline XHTML div (type="xhtml") */
  content: "html" | "xhtml";
  /** xml:base on <feed>, every href in entries (and in content) relative to it */
  xmlBase?: boolean;
  /** url: entry id is the permalink; uuid: urn:uuid derived from the slug */
  ids: "url" | "uuid";
  subtitle: string;
  generator?: { name: string; version: string };
  rights?: string;
  /** Include <summary type="text">. */
  summary?: boolean;
  /** Emit <author><uri> pointing at an author page. */
  authorUri?: boolean;
  /** scheme attribute for <category> */
  categoryScheme?: string;
  /** Add <link rel="enclosure"> for the lead image. */
  imageEnclosure?: boolean;
}

function uuid(seed: string): string {
  const a = hash(seed).toString(16).padStart(8, "0");
  const b = hash(`${seed}#2`).toString(16).padStart(8, "0");
  const c = hash(`${seed}#3`).toString(16).padStart(8, "0");
  return `urn:uuid:${a}-${b.slice(0, 4)}-5${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${b.slice(0, 4)}${a.slice(0, 4)}`;
}

function href(ctx: FeedContext, opts: Atom1Options, absolute: string): string {
  return opts.xmlBase && absolute.startsWith(ctx.siteUrl) ? absolute.slice(ctx.siteUrl.length) : absolute;
}

function authorSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function entry(ctx: FeedContext, e: Entry, opts: Atom1Options): string {
  const it = e.item;
  const typo = ctx.profile.typography;
  const lines = [
    `<title type="html">${escText(inline(it.title, typo))}</title>`,
    `<link rel="alternate" type="text/html" href="${escAttr(href(ctx, opts, e.url))}" />`,
    tag("id", opts.ids === "url" ? e.url : uuid(`${ctx.source.id}/${it.slug}`)),
    tag("published", rfc3339(it.published, opts.offset)),
    tag("updated", rfc3339(it.updated ?? it.published, opts.offset)),
  ];
  const author = [`  ${tag("name", it.author)}`];
  if (opts.authorUri)
    author.push(`  ${tag("uri", href(ctx, opts, `${ctx.siteUrl}authors/${authorSlug(it.author)}/`))}`);
  lines.push(`<author>\n${author.map((a) => `    ${a}`).join("\n")}\n    </author>`);
  for (const c of it.categories) {
    const scheme = opts.categoryScheme === undefined ? "" : ` scheme="${escAttr(opts.categoryScheme)}"`;
    lines.push(`<category term="${escAttr(c)}"${scheme} />`);
  }
  if (opts.imageEnclosure)
    lines.push(
      `<link rel="enclosure" type="image/png" length="2400" href="${escAttr(href(ctx, opts, e.imageUrl))}" />`,
    );
  if (opts.summary) lines.push(`<summary type="text">${escText(it.summary)}</summary>`);
  const html = contentHtml(ctx, e, opts.xmlBase ? "base" : "root");
  if (opts.content === "html") lines.push(`<content type="html">${escText(html)}</content>`);
  else
    lines.push(
      `<content type="xhtml">\n      <div xmlns="http://www.w3.org/1999/xhtml">\n${xhtmlSafe(html)
        .split("\n")
        .map((l) => `        ${l}`)
        .join("\n")}\n      </div>\n    </content>`,
    );
  return `  <entry>\n${lines.map((l) => `    ${l}`).join("\n")}\n  </entry>`;
}

export function atom1(ctx: FeedContext, opts: Atom1Options): string {
  const base = opts.xmlBase ? ` xml:base="${escAttr(ctx.siteUrl)}"` : "";
  const head = [
    tag("title", ctx.source.name),
    tag("subtitle", opts.subtitle),
    `<link rel="self" type="application/atom+xml" href="${escAttr(href(ctx, opts, ctx.feedUrl))}" />`,
    `<link rel="alternate" type="text/html" href="${escAttr(opts.xmlBase ? "./" : ctx.siteUrl)}" />`,
    tag("id", opts.ids === "url" ? ctx.feedUrl : uuid(ctx.source.id)),
    tag("updated", rfc3339(ctx.lastBuild, opts.offset)),
    `<icon>${escText(href(ctx, opts, `${ctx.siteUrl}img/logo.svg`))}</icon>`,
  ];
  if (opts.rights !== undefined) head.push(tag("rights", opts.rights));
  if (opts.generator !== undefined)
    head.push(`<generator version="${escAttr(opts.generator.version)}">${escText(opts.generator.name)}</generator>`);
  return `${xmlDecl("utf-8")}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"${base}>\n${head
    .map((l) => `  ${l}`)
    .join("\n")}\n${ctx.entries.map((e) => entry(ctx, e, opts)).join("\n")}\n</feed>\n`;
}
