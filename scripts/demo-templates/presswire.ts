// Layout family "presswire": a press-release distribution site. The first body paragraph carries the
// wire dateline ("Dec. 1, 2025 /PRChannel/ --"), the release ends with "###" and "SOURCE", and the page
// has "News provided by", multimedia, "Also from this source" and journalist tools. Open Graph only,
// no comments (wire sites do not have them).
import { apDate, clock12, rfc3339 } from "../demo-lib/dates.ts";
import type { PageContext } from "../demo-lib/site.ts";
import {
  attr,
  canonical,
  credit,
  esc,
  feedAlternate,
  linkList,
  meta,
  navItems,
  ogBasics,
  site,
  slugify,
} from "./shared.ts";

const ET = -300;

export function presswire(ctx: PageContext): string {
  const it = ctx.item;
  const [first = "", ...rest] = ctx.blocks;
  // Wire style: "CITY, Dec. 1, 2025 /PRChannel/ -- …". Reuse the writer's own dateline when the body has one.
  const own = /^<p>([A-Z][A-Za-z .,'&;-]*?, [A-Z][a-z]{2,4}\.? \d{1,2}, \d{4}) (?:—|&#8212;|--|-) /.exec(first);
  const lead =
    own?.[1] !== undefined
      ? `<p><span class="xn-chron">${own[1]}</span> /PRChannel/ -- ${first.slice(own[0].length)}`
      : first.startsWith("<p>")
        ? `<p><span class="xn-chron">${apDate(it.published, ET)}</span> /PRChannel/ -- ${first.slice(3)}`
        : `<p><span class="xn-chron">${apDate(it.published, ET)}</span> /PRChannel/ --</p>\n${first}`;
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<title>${esc(it.title)}</title>
${canonical(ctx)}
${ogBasics(ctx).join("\n")}
${meta("property", "article:published_time", rfc3339(it.published, ET))}
${meta("name", "author", it.author)}
${meta("name", "description", it.summary)}
${feedAlternate(ctx)}
</head>
<body class="release-detail">
<div id="cookie-bar" class="cookie-bar">By clicking "Accept All Cookies", you agree to the storing of cookies on your device to enhance site navigation, analyse site usage, and assist in our marketing efforts. <button>Accept All Cookies</button> <button>Cookies Settings</button></div>
<header class="pr-header"><a class="pr-logo" href="${attr(ctx.siteUrl)}">PR Channel</a>
<nav class="pr-nav"><ul>${navItems(ctx, ["News", "Browse News Releases", "Multimedia Gallery", "Trending Topics", "All Public Company", "English-only News", "Send a Release", "For Journalists", "Resources", "Blog", "Events", "Contact Us"], "pr-nav-item")}</ul></nav>
<div class="pr-search"><form action="${attr(site(ctx, "search/"))}"><input type="search" placeholder="Search news releases"></form></div></header>
<nav class="pr-breadcrumb"><a href="${attr(site(ctx, "news-releases/"))}">News Releases</a> › <a href="${attr(site(ctx, `news-releases/${slugify(it.categories[0] ?? "technology")}/`))}">${esc(it.categories[0] ?? "Technology")}</a></nav>
<div class="ad-leaderboard"><span class="ad-label">Advertisement</span></div>
<main class="release-container">
<header class="release-head">
<h1>${ctx.titleHtml}</h1>
<p class="subtitle">${ctx.summaryHtml}</p>
<div class="meta">News provided by <strong>${esc(it.author)}</strong> <span class="date">${apDate(it.published, ET)}, ${clock12(it.published, ET)} ET</span></div>
<div class="share-toolbar"><a href="#share-x">Share on X</a> <a href="#share-linkedin">Share on LinkedIn</a> <a href="#share-facebook">Share on Facebook</a> <a href="#email">Email</a> <a href="#print">Print</a> <button>Copy link</button></div>
</header>
<figure class="release-media"><img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "")}"><figcaption>${ctx.captionHtml} <span class="credit">(${esc(credit(ctx, "Photo"))})</span></figcaption></figure>
<section class="release-body">
${ctx.original === undefined ? "" : `<p class="reissue">Re-issued from <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</p>\n`}${lead}
${rest.join("\n")}
<p class="media-contact"><b>Media contact:</b> Communications team, media@${esc(slugify(it.author))}.example</p>
<p class="center">###</p>
<p class="source">SOURCE ${esc(it.author)}</p>
</section>
<section class="release-tags"><h3>Industry</h3><ul>${navItems(ctx, it.categories, "tag", "news-releases/")}</ul></section>
<section class="also-from"><h3>Also from this source</h3><ul>
${linkList(ctx.related.slice(0, 3), "also-item")}
</ul></section>
<section class="explore"><h3>Explore more news releases</h3><ol>
${linkList(ctx.popular)}
</ol></section>
</main>
<aside class="release-rail">
<div class="journalists"><h3>Journalists and bloggers</h3><p>Visit the newsroom for the latest releases, images and contacts. <a href="${attr(site(ctx, "journalists/"))}">Join the media network</a></p></div>
<div class="newsletter"><h3>Get the daily briefing in your inbox</h3><p>Customised news release alerts, delivered daily.</p><form><input type="email"><button>Sign up</button></form></div>
<div class="ad-rail"><span class="ad-label">Advertisement</span><div class="sponsored-box"><b>Sponsored</b> <a href="${attr(site(ctx, "products/distribution/"))}">Reach more journalists with targeted distribution</a></div></div>
</aside>
<footer class="pr-footer"><ul>${navItems(ctx, ["About PR Channel", "Contact Us", "Careers", "Partners", "Send a Release", "Media Network"], "")}</ul>
<ul class="legal">${navItems(ctx, ["Terms of Use", "Privacy Policy", "Information Security Policy", "Site Map", "RSS", "Cookie Settings"], "")}</ul><p>Copyright © 2025 PR Channel. All Rights Reserved.</p></footer>
</body>
</html>
`;
}
