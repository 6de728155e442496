// Podcast RSS 2.0 with the iTunes namespace.
import { rfc822, UTC0000 } from "../demo-lib/dates.ts";
import type { Entry, FeedContext } from "../demo-lib/site.ts";
import { bodyText, escAttr, hash } from "../demo-lib/text.ts";
import { cdata, contentHtml, tag, xmlDecl } from "./common.ts";

/** Episode numbers continue a long-running show (used when neither slug nor title carries one). */
export const FIRST_EPISODE = 143;

/** Episode number from the slug ("ep-212-…") or title ("Ep. 212 — …"), else FIRST_EPISODE + seq. */
export function episodeNumber(entry: Entry): number {
  const m = /^ep-(\d+)-/.exec(entry.item.slug) ?? /^Ep(?:isode|\.)?\s*(\d+)\b/i.exec(entry.item.title);
  return m?.[1] !== undefined ? Number(m[1]) : FIRST_EPISODE + entry.seq;
}

export function mp3Url(ctx: { siteUrl: string }, entry: Entry): string {
  return `${ctx.siteUrl}media/episode-${episodeNumber(entry)}.mp3`;
}

function seconds(duration: string): number {
  return duration.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
}

function episodeGuid(entry: Entry): string {
  const hex = (k: string): string => hash(`gradient-hour/${entry.item.slug}/${k}`).toString(16).padStart(8, "0");
  const [a, b, c, d] = [hex("a"), hex("b"), hex("c"), hex("d")];
  return `${a}-${b.slice(0, 4)}-4${b.slice(4, 7)}-a${c.slice(0, 3)}-${c.slice(3, 7)}${d}`;
}

function item(ctx: FeedContext, entry: Entry): string {
  const it = entry.item;
  const enc = it.enclosure ?? { length: 0, duration: "00:00:00" };
  // Quirk: one episode gives itunes:duration in plain seconds instead of HH:MM:SS.
  const duration = entry.seq === 1 ? String(seconds(enc.duration)) : enc.duration;
  const lines = [
    tag("title", it.title),
    tag("itunes:title", it.title),
    tag("link", entry.url),
    `<pubDate>${rfc822(it.published, UTC0000)}</pubDate>`,
    `<guid isPermaLink="false">${episodeGuid(entry)}</guid>`,
    `<enclosure url="${escAttr(mp3Url(ctx, entry))}" length="${enc.length}" type="audio/mpeg" />`,
    `<description>${cdata(contentHtml(ctx, entry))}</description>`,
    tag("itunes:author", "The Gradient Hour"),
    tag("itunes:summary", bodyText(it.body).join("\n\n")),
    tag("itunes:subtitle", it.summary),
    `<itunes:duration>${duration}</itunes:duration>`,
    `<itunes:image href="${escAttr(entry.imageUrl)}" />`,
    `<itunes:episode>${episodeNumber(entry)}</itunes:episode>`,
    "<itunes:episodeType>full</itunes:episodeType>",
    `<itunes:explicit>${entry.seq === 0 ? "no" : "false"}</itunes:explicit>`,
    ...it.categories.map((c) => tag("category", c)),
  ];
  return `    <item>\n${lines.map((l) => `      ${l}`).join("\n")}\n    </item>`;
}

export function podcast(ctx: FeedContext, opts: { description: string; owner: string; email: string }): string {
  const head = [
    tag("title", "The Gradient Hour"),
    `<atom:link href="${escAttr(ctx.feedUrl)}" rel="self" type="application/rss+xml" />`,
    tag("link", ctx.siteUrl),
    tag("language", "en"),
    tag("copyright", "\u00a9 2025 The Gradient Hour"),
    `<lastBuildDate>${rfc822(ctx.lastBuild, UTC0000)}</lastBuildDate>`,
    tag("description", opts.description),
    tag("itunes:author", opts.owner),
    tag("itunes:summary", opts.description),
    tag("itunes:type", "episodic"),
    `<itunes:owner>\n      ${tag("itunes:name", opts.owner)}\n      ${tag("itunes:email", opts.email)}\n    </itunes:owner>`,
    `<itunes:image href="${escAttr(`${ctx.siteUrl}img/cover.svg`)}" />`,
    `<image>\n      ${tag("url", `${ctx.siteUrl}img/cover.svg`)}\n      ${tag("title", "The Gradient Hour")}\n      ${tag("link", ctx.siteUrl)}\n    </image>`,
    '<itunes:category text="Technology" />',
    '<itunes:category text="News">\n      <itunes:category text="Tech News" />\n    </itunes:category>',
    "<itunes:explicit>false</itunes:explicit>",
  ];
  return `${xmlDecl("utf-8")}<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n${head
    .map((l) => `    ${l}`)
    .join("\n")}\n${ctx.entries.map((e) => item(ctx, e)).join("\n")}\n  </channel>\n</rss>\n`;
}
