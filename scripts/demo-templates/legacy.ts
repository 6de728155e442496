// Layout family "legacy": a late-1990s site that never got redesigned. Table layout, <font> tags,
// http-equiv charset (windows-1252), <td class="storytext"> body, "Talkback" comments, a few OG tags
// bolted on later (og:title, og:site_name, article:published_time, author).
import { clock12, rfc3339 } from "../demo-lib/dates.ts";
import type { PageContext } from "../demo-lib/site.ts";
import { attr, authorBio, canonical, credit, esc, feedAlternate, meta, navItems, site, slugify } from "./shared.ts";

const EST_OFFSET = -300;

function usDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + EST_OFFSET * 60_000);
  return `${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

export function legacy(ctx: PageContext, charset: string): string {
  const it = ctx.item;
  const name = ctx.source.name;
  const sections = [
    "News",
    "Reviews",
    "Chips",
    "PCs",
    "Servers",
    "Storage",
    "Networking",
    "Mobile",
    "Software",
    "AI",
    "Deals",
    "Forums",
    "Newsletters",
    "Archives",
  ];
  const pipes = (labels: readonly string[]): string =>
    labels
      .map((l) => `<a href="${attr(site(ctx, `${slugify(l)}/`))}"><font color="#ffffff">${esc(l)}</font></a>`)
      .join(" | ");
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html lang="${ctx.lang}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${name}: ${esc(it.title)}</title>
${canonical(ctx)}
${meta("property", "og:title", it.title)}
${meta("property", "og:site_name", name)}
${meta("property", "og:image", ctx.entry.imageUrl)}
${meta("property", "og:url", ctx.entry.url)}
${meta("property", "article:published_time", rfc3339(it.published, EST_OFFSET))}
${meta("name", "author", it.author)}
${meta("name", "keywords", it.categories.join(","))}
${feedAlternate(ctx)}
<link rel="stylesheet" type="text/css" href="${attr(site(ctx, "styles/cr.css"))}">
</head>
<body bgcolor="#ffffff" topmargin="0" leftmargin="0" marginwidth="0" marginheight="0">
<div id="cookienotice" style="background:#ffffcc;border-bottom:1px solid #999;padding:4px"><font size="1" face="Verdana">This site uses cookies. By continuing to browse you agree to our use of cookies. <a href="${attr(site(ctx, "privacy.htm"))}">Learn more</a> | <a href="#ok">OK</a></font></div>
<table width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td bgcolor="#003366"><a href="${attr(ctx.siteUrl)}"><img src="${attr(site(ctx, "img/logo.svg"))}" width="200" height="50" border="0" alt="${attr(name)}"></a></td>
<td bgcolor="#003366" align="right"><center><font size="1" color="#cccccc">ADVERTISEMENT</font><br><div class="banner468" style="width:468px;height:60px"></div></center></td></tr>
<tr><td colspan="2" bgcolor="#336699"><font face="Verdana" size="2"><b>${pipes(sections)}</b></font></td></tr>
</table>
<table width="100%" cellpadding="6" cellspacing="0" border="0"><tr>
<td width="160" valign="top" bgcolor="#eeeeee" class="leftnav"><font face="Verdana" size="1">
<b>SECTIONS</b><br>${sections.map((s) => `<a href="${attr(site(ctx, `${slugify(s)}/`))}">${esc(s)}</a>`).join("<br>\n")}
<br><br><b>MOST READ</b><br><ol>${ctx.popular.map((r) => `<li><a href="${attr(r.url)}">${esc(r.title)}</a></li>`).join("\n")}</ol>
<br><center><font size="1" color="#999999">Advertisement</font><br><div style="width:120px;height:600px;background:#ddd"></div></center>
</font></td>
<td valign="top">
<font face="Verdana" size="1"><a href="${attr(ctx.siteUrl)}">Circuit Review</a> &gt; <a href="${attr(site(ctx, "news/"))}">News</a> &gt; ${esc(it.categories[0] ?? "AI")}</font>
<h1><font face="Georgia">${ctx.titleHtml}</font></h1>
<font face="Verdana" size="2"><i>${ctx.summaryHtml}</i></font><br>
<font face="Verdana" size="1" color="#666666">Posted ${usDate(it.published)} @ ${clock12(it.published, EST_OFFSET)} EST by <b>${esc(it.author)}</b>${it.updated === undefined ? "" : ` &middot; Last updated ${usDate(it.updated)}`}</font><br>
<font face="Verdana" size="1">[ <a href="#print">Printer-friendly version</a> | <a href="#email">Email this story</a> | <a href="#share-x">Share on X</a> | <a href="#copy">Copy link</a> | <a href="#talkback">Talkback (${ctx.comments.length})</a> ]</font>
<table cellpadding="4" cellspacing="0" border="0" align="right" width="320"><tr><td><figure style="margin:0"><img src="${attr(ctx.entry.imageUrl)}" width="300" height="169" alt="${attr(it.imageCaption ?? "")}"><figcaption><font size="1">${ctx.captionHtml} <i>(${esc(credit(ctx, "Graphic"))})</i></font></figcaption></figure></td></tr></table>
<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="storytext"><font face="Georgia" size="3">
${ctx.original === undefined ? "" : `<p><i>Reprinted from <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</i></p>\n`}${ctx.blocks.join("\n")}
</font></td></tr></table>
<p><font face="Verdana" size="1"><b>Filed under:</b> ${it.categories.map((c) => `<a href="${attr(site(ctx, `topics/${slugify(c)}.htm`))}">${esc(c)}</a>`).join(", ")}</font></p>
<table width="100%" bgcolor="#eeeeee" cellpadding="6"><tr><td><font face="Verdana" size="1"><b>About the author:</b> ${esc(authorBio(ctx))}</font></td></tr></table>
<table width="100%" bgcolor="#ffffcc" cellpadding="6"><tr><td><font face="Verdana" size="2"><b>FREE NEWSLETTER:</b> Get the daily briefing in your inbox! <form action="${attr(site(ctx, "cgi-bin/subscribe.pl"))}" method="post" style="display:inline"><input type="text" name="email" size="20"> <input type="submit" value="Subscribe"></form></font></td></tr></table>
<p><font face="Verdana" size="2"><b>Related stories:</b></font></p><ul>
${ctx.related.map((r) => `<li><font face="Verdana" size="2"><a href="${attr(r.url)}">${esc(r.title)}</a></font></li>`).join("\n")}
</ul>
<center><font size="1" color="#999999">SPONSORED LINKS</font><br><font size="2"><a href="${attr(site(ctx, "sponsor/ram-deals.htm"))}">Memory upgrades at warehouse prices</a> &middot; <a href="${attr(site(ctx, "sponsor/nas.htm"))}">Compare NAS boxes</a></font></center>
<a name="talkback"></a><h3><font face="Verdana">Talkback</font></h3>
<table width="100%" cellpadding="4" cellspacing="0" border="0">
${ctx.comments.map((c, i) => `<tr bgcolor="${i % 2 === 0 ? "#f4f4f4" : "#ffffff"}"><td><font face="Verdana" size="1"><b>${esc(c.name)}</b> wrote on ${usDate(c.at)}:</font><br><font face="Verdana" size="2">${esc(c.text)}</font></td></tr>`).join("\n")}
</table>
<p><font face="Verdana" size="1"><a href="#post">Post a comment</a></font></p>
</td></tr></table>
<hr size="1" noshade>
<center><font face="Verdana" size="1">${navItems(ctx, ["About Us", "Advertise", "Contact", "Jobs"], "").replace(/<\/?li[^>]*>/g, " ")}<br>
<a href="${attr(site(ctx, "privacy.htm"))}">Privacy Policy</a> | <a href="${attr(site(ctx, "terms.htm"))}">Terms of Use</a> | <a href="${attr(site(ctx, "rss.htm"))}">RSS</a><br>
Copyright &copy; 1998-2025 ${esc(name)}. All rights reserved.</font></center>
</body>
</html>
`;
}
