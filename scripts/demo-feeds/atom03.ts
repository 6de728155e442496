// Atom 0.3 (pre-RFC), as old Blogger-era CMSes wrote it: issued/modified/created, mode="escaped" content,
// categories as dc:subject.
import { rfc3339 } from "../demo-lib/dates.ts";
import type { FeedContext } from "../demo-lib/site.ts";
import { escAttr, escText } from "../demo-lib/text.ts";
import { contentHtml, tag, xmlDecl } from "./common.ts";

export function atom03(ctx: FeedContext, opts: { tagline: string; issuedOffset: number }): string {
  const entries = ctx.entries.map((e) => {
    const it = e.item;
    const lines = [
      `<title mode="escaped" type="text/html">${escText(escText(it.title))}</title>`,
      `<link rel="alternate" type="text/html" href="${escAttr(e.url)}" />`,
      tag("id", e.url),
      `<author>\n      ${tag("name", it.author)}\n    </author>`,
      // issued: local time with offset; modified/created: UTC with "Z" (as the 0.3 draft required)
      tag("issued", rfc3339(it.published, opts.issuedOffset)),
      tag("modified", rfc3339(it.updated ?? it.published, 0)),
      tag("created", rfc3339(it.published, 0)),
      ...it.categories.map((c) => tag("dc:subject", c)),
      `<summary type="text/plain" mode="xml">${escText(it.summary)}</summary>`,
      `<content type="text/html" mode="escaped" xml:base="${escAttr(e.url)}">${escText(contentHtml(ctx, e))}</content>`,
    ];
    return `  <entry>\n${lines.map((l) => `    ${l}`).join("\n")}\n  </entry>`;
  });
  return `${xmlDecl("utf-8")}<feed version="0.3" xmlns="http://purl.org/atom/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="en">
  <title mode="escaped" type="text/html">${escText(escText(ctx.source.name))}</title>
  <link rel="alternate" type="text/html" href="${escAttr(ctx.siteUrl)}" />
  ${tag("tagline", opts.tagline)}
  ${tag("id", ctx.feedUrl)}
  ${tag("modified", rfc3339(ctx.lastBuild, 0))}
  <generator version="2.4">FrontierPress</generator>
  ${tag("copyright", "Copyright 2025 Robotics Frontier")}
${entries.join("\n")}
</feed>
`;
}
