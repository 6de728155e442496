// Layout family "portal": a big commercial news site. <article> + schema.org NewsArticle JSON-LD,
// leaderboard/rail/inline ads, mega navigation, right rail with "Most popular" and a sponsored box.
import { clock12, longDate, rfc3339 } from "../demo-lib/dates.ts";
import type { PageContext } from "../demo-lib/site.ts";
import {
  attr,
  authorBio,
  authorUrl,
  canonical,
  credit,
  esc,
  feedAlternate,
  jsonLd,
  linkList,
  meta,
  navItems,
  ogBasics,
  site,
  slugify,
  withInserts,
} from "./shared.ts";

export interface PortalTheme {
  sections: readonly string[];
  utility: readonly string[];
  footerColumns: Readonly<Record<string, readonly string[]>>;
  /** Wall-clock zone for the visible byline time. */
  zone: { offset: number; label: string };
  /** "Key points" box built from the summary (financial-news style). */
  keyPoints: boolean;
  /** Ad between body paragraphs. */
  inlineAd: boolean;
  /** Strip of market links under the header. */
  ticker?: readonly string[];
  accent: string;
}

export function portal(ctx: PageContext, t: PortalTheme): string {
  const it = ctx.item;
  const name = ctx.source.name;
  const section = it.categories[0] ?? "Technology";
  const ld = jsonLd({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": ctx.entry.url },
    headline: it.title,
    description: it.summary,
    image: [ctx.entry.imageUrl],
    datePublished: rfc3339(it.published),
    dateModified: rfc3339(it.updated ?? it.published),
    author: [{ "@type": "Person", name: it.author, url: authorUrl(ctx, "authors/") }],
    publisher: { "@type": "Organization", name, logo: { "@type": "ImageObject", url: site(ctx, "img/logo.svg") } },
    articleSection: section,
    keywords: it.categories.join(", "),
  });
  const inlineAd = `<div class="ad-container ad-inline" data-ad-slot="mid-article"><p class="ad-label">Advertisement</p><div class="ad-unit" style="min-height:250px"></div><p class="ad-continue">Story continues below advertisement</p></div>`;
  const readAlso =
    ctx.related[0] === undefined
      ? ""
      : `<aside class="inline-related"><span>Related:</span> <a href="${attr(ctx.related[0].url)}">${esc(ctx.related[0].title)}</a></aside>`;
  const body = withInserts(ctx.blocks, [
    ...(t.inlineAd ? [{ after: 3, html: inlineAd }] : []),
    { after: 5, html: readAlso },
  ]);
  const footer = Object.entries(t.footerColumns)
    .map(([head, links]) => `<div class="footer-col"><h4>${esc(head)}</h4><ul>${navItems(ctx, links)}</ul></div>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(it.title)} | ${esc(name)}</title>
<meta name="description" content="${attr(it.summary)}">
${canonical(ctx)}
${ogBasics(ctx).join("\n")}
${meta("name", "twitter:card", "summary_large_image")}
${meta("name", "twitter:title", it.title)}
${feedAlternate(ctx)}
${ld}
<style>:root{--accent:${t.accent}}body{font-family:Georgia,serif;margin:0}.site-header{border-bottom:4px solid var(--accent)}</style>
</head>
<body class="article-template section-${slugify(section)}">
<div id="onetrust-consent-sdk" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We and our partners use cookies to personalise content and ads, to provide social media features and to analyse our traffic. You can change your choices at any time in Cookie Settings.</p>
  <button id="accept-all">Accept all cookies</button> <button id="reject-all">Reject all</button> <a href="${attr(site(ctx, "cookie-policy/"))}">Cookie Settings</a>
</div>
<div class="ad-container ad-leaderboard" data-ad-slot="top"><p class="ad-label">Advertisement</p><div class="ad-unit" style="min-height:90px"></div></div>
<header class="site-header">
  <a class="skip-link" href="#main">Skip to content</a>
  <div class="masthead"><a class="logo" href="${attr(ctx.siteUrl)}"><img src="${attr(site(ctx, "img/logo.svg"))}" alt="${attr(name)}" width="180" height="40"></a></div>
  <nav class="primary-nav" aria-label="Sections"><ul>
${navItems(ctx, t.sections, "nav-item")}
  </ul></nav>
  <nav class="utility-nav" aria-label="Account"><ul>
${navItems(ctx, t.utility, "utility-item")}
  </ul></nav>
</header>
${t.ticker === undefined ? "" : `<div class="market-strip"><ul>${navItems(ctx, t.ticker, "strip-item", "markets/")}</ul></div>`}
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="${attr(ctx.siteUrl)}">Home</a> › <a href="${attr(site(ctx, `${slugify(section)}/`))}">${esc(section)}</a></nav>
<main id="main" class="layout-two-col">
<article class="story">
  <header class="story-header">
    <a class="kicker" href="${attr(site(ctx, `${slugify(section)}/`))}">${esc(section)}</a>
    <h1 class="headline">${ctx.titleHtml}</h1>
    <p class="dek">${ctx.summaryHtml}</p>
    <div class="byline">By <a rel="author" href="${attr(authorUrl(ctx, "authors/"))}">${esc(it.author)}</a>
      <span class="timestamp"><time datetime="${rfc3339(it.published)}">${longDate(it.published, t.zone.offset)} ${clock12(it.published, t.zone.offset)} ${t.zone.label}</time></span>
      ${it.updated === undefined ? "" : `<span class="updated">Updated ${longDate(it.updated, t.zone.offset)} ${clock12(it.updated, t.zone.offset)} ${t.zone.label}</span>`}
    </div>
    <div class="share-bar" role="group" aria-label="Share">
      <a class="share share-x" href="#share-x">Share on X</a> <a class="share share-li" href="#share-linkedin">Share on LinkedIn</a>
      <a class="share share-fb" href="#share-facebook">Share on Facebook</a> <a class="share share-mail" href="#share-email">Email</a>
      <button class="share share-copy" data-url="${attr(ctx.entry.url)}">Copy link</button>
    </div>
  </header>
  ${ctx.original === undefined ? "" : `<p class="syndication-credit">This story originally appeared on <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</p>`}
  ${t.keyPoints ? `<section class="key-points"><h2>Key points</h2><ul><li>${ctx.summaryHtml}</li></ul></section>` : ""}
  <figure class="lead-image">
    <img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? it.title)}" width="1200" height="675">
    <figcaption>${ctx.captionHtml} <span class="credit">${esc(credit(ctx))}</span></figcaption>
  </figure>
  <div class="article-body" itemprop="articleBody">
${body}
  </div>
  <div class="topics"><span>Topics:</span> <ul class="tag-list">${navItems(ctx, it.categories, "tag", "topic/")}</ul></div>
  <aside class="author-card"><img src="${attr(site(ctx, "img/logo.svg"))}" alt="" width="48" height="48"><div><p class="author-name">${esc(it.author)}</p><p>${esc(authorBio(ctx))}</p><a href="${attr(authorUrl(ctx, "authors/"))}">More from ${esc(it.author)}</a></div></aside>
  <section class="newsletter-box"><h2>Get the daily briefing in your inbox</h2><p>The top tech stories from ${esc(name)}, every weekday morning.</p>
    <form action="${attr(site(ctx, "newsletters/subscribe"))}" method="post"><input type="email" name="email" placeholder="Your email address"><button>Sign up</button></form></section>
  <section id="comments" class="comments"><h2>Comments (${ctx.comments.length})</h2>
    <ol class="comment-list">
${ctx.comments.map((c) => `      <li class="comment"><p class="comment-author">${esc(c.name)}</p><p class="comment-time">${longDate(c.at, t.zone.offset)} ${clock12(c.at, t.zone.offset)}</p><p class="comment-text">${esc(c.text)}</p></li>`).join("\n")}
    </ol>
    <p class="comment-policy">Comments are moderated. See our <a href="${attr(site(ctx, "community-guidelines/"))}">community guidelines</a>.</p>
  </section>
</article>
<aside class="right-rail">
  <div class="ad-container ad-rail"><p class="ad-label">Advertisement</p><div class="ad-unit" style="min-height:250px"></div></div>
  <section class="most-popular"><h2>Most popular</h2><ol>
${linkList(ctx.popular)}
  </ol></section>
  <section class="sponsored"><p class="sponsored-label">Sponsored</p><h3><a href="${attr(site(ctx, "partner/cloud-cost-guide/"))}">Five ways to cut your cloud bill this quarter</a></h3><p>Partner content</p></section>
</aside>
</main>
<section class="related-stories"><h2>Related stories</h2><ul>
${linkList(ctx.related, "related-item")}
</ul></section>
<footer class="site-footer">
${footer}
  <ul class="legal">${navItems(ctx, ["Terms of Use", "Privacy Policy", "Cookie Settings", "Accessibility", "Do Not Sell or Share My Personal Information", "Contact Us"], "legal-item")}</ul>
  <p class="copyright">© 2025 ${esc(name)}. All rights reserved.</p>
</footer>
</body>
</html>
`;
}
