// RSS 2.0 writer with the knobs real publishers differ on.
import { rfc822, type Zone } from "../demo-lib/dates.ts";
import type { Entry, FeedContext } from "../demo-lib/site.ts";
import { escAttr, escText, inline } from "../demo-lib/text.ts";
import { cdata, contentHtml, numericId, tag, teaserHtml, xmlDecl, xmlInline } from "./common.ts";

export interface Rss2Options {
  zone: Zone;
  /** false: "14:05" instead of "14:05:00" */
  seconds?: boolean;
  /** false: "1 Dec" instead of "01 Dec" */
  padDay?: boolean;
  /**
   * permalink: <guid>url</guid>; permalink-explicit: isPermaLink="true"; wp: isPermaLink="false" "?p=NNN";
   * opaque: isPermaLink="false" "<prefix>-NNNNNN"
   */
  guid: "permalink" | "permalink-explicit" | "wp" | "opaque";
  /**
   * encoded-cdata: content:encoded in CDATA + short description; encoded-escaped: content:encoded entity-escaped;
   * description-full: full HTML escaped into <description>; teaser: first paragraphs in CDATA <description>;
   * summary: summary only.
   */
  content: "encoded-cdata" | "encoded-escaped" | "description-full" | "teaser" | "summary";
  /** dc: <dc:creator>; email: <author>desk@… (Name)</author>; name: <author>Name</author> (non-standard) */
  creator: "dc" | "email" | "name";
  creatorEmail?: string;
  media?: boolean;
  /** utm parameters on every item link, a #ref=rss fragment on every third */
  tracking?: boolean;
  /** WordPress extras: generator, sy:updatePeriod, wfw:commentRss, slash:comments, <comments> */
  wordpress?: boolean;
  categoryDomain?: string;
  description: string;
  copyright?: string;
  generator?: string;
  managingEditor?: string;
  ttl?: number;
  channelImage?: boolean;
  guidPrefix?: string;
}

function itemLink(entry: Entry, opts: Rss2Options): string {
  if (!opts.tracking) return entry.url;
  const frag = entry.seq % 3 === 1 ? "#ref=rss" : "";
  return `${entry.url}?utm_source=rss&utm_medium=feed${frag}`;
}

function guid(entry: Entry, ctx: FeedContext, opts: Rss2Options): string {
  switch (opts.guid) {
    case "permalink":
      return tag("guid", entry.url);
    case "permalink-explicit":
      return tag("guid", entry.url, ' isPermaLink="true"');
    case "wp":
      return tag("guid", `${ctx.siteUrl}?p=${numericId(entry.item.slug, 41000, 9000)}`, ' isPermaLink="false"');
    case "opaque":
      return tag(
        "guid",
        `${opts.guidPrefix ?? ctx.profile.root}-${numericId(entry.item.slug, 100000, 900000)}`,
        ' isPermaLink="false"',
      );
  }
}

function item(ctx: FeedContext, entry: Entry, opts: Rss2Options): string {
  const it = entry.item;
  const typo = ctx.profile.typography;
  const lines: string[] = [
    `<title>${xmlInline(it.title, typo)}</title>`,
    `<link>${escText(itemLink(entry, opts))}</link>`,
  ];
  if (opts.wordpress) lines.push(`<comments>${escText(entry.url)}#respond</comments>`);
  if (opts.creator === "dc") lines.push(`<dc:creator>${cdata(it.author)}</dc:creator>`);
  if (opts.creator === "email")
    lines.push(tag("author", `${opts.creatorEmail ?? `news@${ctx.profile.root}.example`} (${it.author})`));
  if (opts.creator === "name") lines.push(tag("author", it.author));
  const pubDate = rfc822(it.published, opts.zone, { seconds: opts.seconds ?? true, padDay: opts.padDay ?? true });
  lines.push(`<pubDate>${pubDate}</pubDate>`);
  for (const c of it.categories) {
    const domain = opts.categoryDomain === undefined ? "" : ` domain="${escAttr(opts.categoryDomain)}"`;
    lines.push(opts.wordpress ? `<category${domain}>${cdata(c)}</category>` : tag("category", c, domain));
  }
  lines.push(guid(entry, ctx, opts));
  const summary = inline(it.summary, typo);
  switch (opts.content) {
    case "encoded-cdata":
      lines.push(`<description>${cdata(`${summary} [&#8230;]`)}</description>`);
      lines.push(`<content:encoded>${cdata(contentHtml(ctx, entry))}</content:encoded>`);
      break;
    case "encoded-escaped":
      lines.push(tag("description", it.summary));
      lines.push(`<content:encoded>${escText(contentHtml(ctx, entry))}</content:encoded>`);
      break;
    case "description-full":
      lines.push(`<description>${escText(contentHtml(ctx, entry))}</description>`);
      break;
    case "teaser":
      lines.push(`<description>${cdata(teaserHtml(ctx, entry, 2, "Continue reading\u2026"))}</description>`);
      break;
    case "summary":
      lines.push(`<description>${escText(`<p>${summary}</p>`)}</description>`);
      break;
  }
  if (opts.media) {
    const img = escAttr(entry.imageUrl);
    const caption = it.imageCaption ?? it.title;
    lines.push(`<media:content url="${img}" medium="image" type="image/png" width="1200" height="630">`);
    lines.push(`  <media:title type="plain">${escText(it.title)}</media:title>`);
    lines.push(`  <media:description type="plain">${escText(caption)}</media:description>`);
    lines.push(`  <media:credit role="photographer" scheme="urn:ebu">${escText(ctx.source.name)}</media:credit>`);
    lines.push("</media:content>");
    lines.push(`<media:thumbnail url="${img}" width="1200" height="630" />`);
  }
  if (opts.wordpress) {
    lines.push(`<wfw:commentRss>${escText(entry.url)}feed/</wfw:commentRss>`);
    lines.push(`<slash:comments>${2 + (entry.seq % 4)}</slash:comments>`);
  }
  return `    <item>\n${lines.map((l) => `      ${l}`).join("\n")}\n    </item>`;
}

export function rss2(ctx: FeedContext, opts: Rss2Options): string {
  const ns = [
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    'xmlns:atom="http://www.w3.org/2005/Atom"',
  ];
  if (opts.media) ns.push('xmlns:media="http://search.yahoo.com/mrss/"');
  if (opts.wordpress)
    ns.push(
      'xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
      'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"',
      'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
    );
  const head: string[] = [
    tag("title", ctx.source.name),
    `<atom:link href="${escAttr(ctx.feedUrl)}" rel="self" type="application/rss+xml" />`,
    tag("link", ctx.siteUrl),
    tag("description", opts.description),
    `<lastBuildDate>${rfc822(ctx.lastBuild, opts.zone, { seconds: opts.seconds ?? true, padDay: opts.padDay ?? true })}</lastBuildDate>`,
    "<language>en-us</language>",
  ];
  if (opts.wordpress)
    head.push("<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>", "<sy:updateFrequency>\n\t1\t</sy:updateFrequency>");
  if (opts.generator !== undefined) head.push(tag("generator", opts.generator));
  if (opts.copyright !== undefined) head.push(tag("copyright", opts.copyright));
  if (opts.managingEditor !== undefined) head.push(tag("managingEditor", opts.managingEditor));
  if (opts.ttl !== undefined) head.push(`<ttl>${opts.ttl}</ttl>`);
  if (opts.channelImage)
    head.push(
      `<image>\n      <url>${escText(`${ctx.siteUrl}img/logo.svg`)}</url>\n      <title>${escText(ctx.source.name)}</title>\n      <link>${escText(ctx.siteUrl)}</link>\n    </image>`,
    );
  return `${xmlDecl(ctx.source.charset)}<rss version="2.0"\n  ${ns.join("\n  ")}>\n  <channel>\n${head
    .map((l) => `    ${l}`)
    .join("\n")}\n${ctx.entries.map((e) => item(ctx, e, opts)).join("\n")}\n  </channel>\n</rss>\n`;
}
