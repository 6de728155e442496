// Layout family "dateline": a European newspaper site whose only date is the visible dateline
// ("Monday 1 December 2025, 15:05 CET") — no <time>, no article:published_time, no JSON-LD.
// Heavy GDPR consent wall, language switcher, body in <div id="article-text">.
import { britishDate, clock24 } from "../demo-lib/dates.ts";
import type { PageContext } from "../demo-lib/site.ts";
import {
  attr,
  authorBio,
  canonical,
  credit,
  esc,
  feedAlternate,
  linkList,
  meta,
  navItems,
  site,
  withInserts,
} from "./shared.ts";

const CET = 60;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

function datelineText(iso: string): string {
  const d = new Date(new Date(iso).getTime() + CET * 60_000);
  return `${WEEKDAYS[d.getUTCDay()]} ${britishDate(iso, CET)}, ${clock24(iso, CET)} CET`;
}

export function dateline(ctx: PageContext): string {
  const it = ctx.item;
  const name = ctx.source.name;
  const body = withInserts(ctx.blocks, [
    { after: 4, html: `<div class="mpu"><span class="mpu-label">Advertisement</span></div>` },
  ]);
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<title>${esc(it.title)} - ${esc(name)}</title>
${canonical(ctx)}
${meta("name", "description", it.summary)}
${meta("property", "og:title", it.title)}
${meta("property", "og:site_name", name)}
${meta("property", "og:image", ctx.entry.imageUrl)}
${meta("property", "og:url", ctx.entry.url)}
${feedAlternate(ctx)}
</head>
<body class="page-article">
<div id="gdpr-wall" class="consent-overlay">
  <div class="consent-box"><h2>We value your privacy</h2>
  <p>We and our 143 partners store and/or access information on a device, such as cookies, and process personal data, such as unique identifiers, for personalised advertising and content, advertising and content measurement, and audience research. You can accept, reject or customise your choices.</p>
  <button class="consent-accept">Accept all</button> <button class="consent-reject">Reject all</button> <button class="consent-custom">Customise</button></div>
</div>
<div class="topline"><ul class="lang-switch"><li><a href="${attr(site(ctx, "en/"))}" hreflang="en">EN</a></li><li><a href="${attr(site(ctx, "de/"))}" hreflang="de">DE</a></li><li><a href="${attr(site(ctx, "fr/"))}" hreflang="fr">FR</a></li></ul>
<a href="${attr(site(ctx, "subscribe/"))}">Subscribe</a> · <a href="${attr(site(ctx, "login/"))}">Log in</a></div>
<header class="masthead"><p class="logo"><a href="${attr(ctx.siteUrl)}">${esc(name)}</a></p><p class="strap">Technology and policy from Brussels to Berlin</p></header>
<nav class="sections"><ul>
${navItems(ctx, ["Europe", "Business", "Technology", "Artificial Intelligence", "Telecoms", "Science", "Policy", "Start-ups", "Opinion", "Data", "Events", "Jobs"], "section")}
</ul></nav>
<div class="leaderboard"><span class="mpu-label">Advertisement</span></div>
<div class="columns">
<div class="main-col">
<p class="section-label">${esc(it.categories[0] ?? "Technology")}</p>
<h1>${ctx.titleHtml}</h1>
<p class="intro"><strong>${ctx.summaryHtml}</strong></p>
<p class="dateline">${esc(it.author)} &middot; ${datelineText(it.published)}${it.updated === undefined ? "" : ` &middot; updated ${datelineText(it.updated)}`}</p>
<ul class="share"><li><a href="#share-x">Share on X</a></li><li><a href="#share-linkedin">LinkedIn</a></li><li><a href="#share-email">E-mail</a></li><li><a href="#copy">Copy link</a></li></ul>
<figure class="lead"><img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "")}" width="940" height="529"><figcaption>${ctx.captionHtml} &copy; ${esc(credit(ctx, "Graphic"))}</figcaption></figure>
<div id="article-text">
${ctx.original === undefined ? "" : `<p class="source-note">Source: <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a></p>\n`}${body}
</div>
<p class="keywords">Keywords: ${it.categories.map((c) => esc(c)).join(" · ")}</p>
<div class="bio"><h3>About the author</h3><p>${esc(authorBio(ctx))}</p></div>
<div class="signup"><h3>Get the daily briefing in your inbox</h3><p>Our morning e-mail on European tech, free of charge. You may unsubscribe at any time; see our privacy notice.</p><form action="${attr(site(ctx, "newsletter/"))}"><input type="email" name="e"><button>Register</button></form></div>
<div class="readers"><h3>Readers' comments (${ctx.comments.length})</h3>
${ctx.comments.map((c) => `<div class="reader-comment"><p class="who">${esc(c.name)} &middot; ${britishDate(c.at, CET)}</p><p>${esc(c.text)}</p></div>`).join("\n")}
<p><a href="${attr(site(ctx, "login/"))}">Log in to comment</a></p></div>
</div>
<aside class="side-col">
<div class="box"><h3>Most popular</h3><ol>${linkList(ctx.popular)}</ol></div>
<div class="box partner"><span class="mpu-label">Advertisement</span><p class="partner-label">In partnership with</p><p><a href="${attr(site(ctx, "partner/green-datacentres/"))}">Green data centres: a buyer's guide</a></p></div>
<div class="box"><h3>Read more</h3><ul>${linkList(ctx.related)}</ul></div>
</aside>
</div>
<footer><ul>${navItems(ctx, ["About", "Contact", "Advertising", "Imprint", "Privacy notice", "Cookie settings", "Terms of use"], "")}</ul><p>&copy; EuroTech Observer 2025</p></footer>
</body>
</html>
`;
}
