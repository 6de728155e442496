// RSS 0.92 as an old European CMS writes it: Latin-1, no namespaces, items oldest first,
// no author element, pubDate on items (not in the 0.92 spec, but common), full HTML entity-escaped.
import { CET, rfc822 } from "../demo-lib/dates.ts";
import type { FeedContext } from "../demo-lib/site.ts";
import { escText } from "../demo-lib/text.ts";
import { contentHtml, tag, xmlDecl, xmlInline } from "./common.ts";

export function rss092(ctx: FeedContext, opts: { description: string }): string {
  const typo = ctx.profile.typography;
  const oldestFirst = [...ctx.entries].reverse();
  const items = oldestFirst.map((e) => {
    const lines = [
      `<title>${xmlInline(e.item.title, typo)}</title>`,
      tag("link", e.url),
      `<description>${escText(contentHtml(ctx, e))}</description>`,
      ...e.item.categories.slice(0, 1).map((c) => tag("category", c)),
      `<pubDate>${rfc822(e.item.published, CET)}</pubDate>`,
    ];
    return `<item>\n${lines.map((l) => `  ${l}`).join("\n")}\n</item>`;
  });
  return `${xmlDecl(ctx.source.charset)}<rss version="0.92">
<channel>
  ${tag("title", ctx.source.name)}
  ${tag("link", ctx.siteUrl)}
  ${tag("description", opts.description)}
  <language>en-gb</language>
  <copyright>Copyright \u00a9 2025 EuroTech Observer S.\u00e0 r.l.</copyright>
  <lastBuildDate>${rfc822(ctx.lastBuild, CET)}</lastBuildDate>
  <image>
    ${tag("title", ctx.source.name)}
    ${tag("url", `${ctx.siteUrl}img/logo.svg`)}
    ${tag("link", ctx.siteUrl)}
  </image>
${items.join("\n")}
</channel>
</rss>
`;
}
