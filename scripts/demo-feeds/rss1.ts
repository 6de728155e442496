// RSS 1.0 (RDF) with Dublin Core dates/creators, rdf:Seq item list and mod_content.
import { rfc3339 } from "../demo-lib/dates.ts";
import type { FeedContext } from "../demo-lib/site.ts";
import { escAttr } from "../demo-lib/text.ts";
import { cdata, contentHtml, tag, xmlDecl } from "./common.ts";

export function rss1(ctx: FeedContext, opts: { description: string }): string {
  // W3C-DTF without seconds and with "+00:00" rather than "Z", as several RDF generators write it.
  const date = (iso: string): string => rfc3339(iso, 0, { zulu: false, seconds: false });
  const seq = ctx.entries.map((e) => `        <rdf:li rdf:resource="${escAttr(e.url)}" />`).join("\n");
  const items = ctx.entries.map((e) => {
    const it = e.item;
    const lines = [
      tag("title", it.title),
      tag("link", e.url),
      tag("description", it.summary),
      `<content:encoded>${cdata(contentHtml(ctx, e))}</content:encoded>`,
      tag("dc:creator", it.author),
      tag("dc:date", date(it.published)),
      ...it.categories.map((c) => tag("dc:subject", c)),
    ];
    return `  <item rdf:about="${escAttr(e.url)}">\n${lines.map((l) => `    ${l}`).join("\n")}\n  </item>`;
  });
  return `${xmlDecl("utf-8")}<rdf:RDF
  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel rdf:about="${escAttr(ctx.feedUrl)}">
    ${tag("title", ctx.source.name)}
    ${tag("link", ctx.siteUrl)}
    ${tag("description", opts.description)}
    <dc:language>en</dc:language>
    <dc:publisher>Lab Notes</dc:publisher>
    ${tag("dc:date", date(ctx.lastBuild))}
    <sy:updatePeriod>daily</sy:updatePeriod>
    <image rdf:resource="${escAttr(`${ctx.siteUrl}img/logo.svg`)}" />
    <items>
      <rdf:Seq>
${seq}
      </rdf:Seq>
    </items>
  </channel>
  <image rdf:about="${escAttr(`${ctx.siteUrl}img/logo.svg`)}">
    ${tag("title", ctx.source.name)}
    ${tag("url", `${ctx.siteUrl}img/logo.svg`)}
    ${tag("link", ctx.siteUrl)}
  </image>
${items.join("\n")}
</rdf:RDF>
`;
}
