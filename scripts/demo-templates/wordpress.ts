// Layout family "wordpress": a classic WordPress theme. Yoast-style Open Graph meta only (no JSON-LD),
// <div class="entry-content">, sharedaddy share buttons, Jetpack related posts, widget sidebar,
// threaded comment list and a "Leave a Reply" form.

import { numericId } from "../demo-feeds/common.ts";
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
  linkList,
  meta,
  navItems,
  ogBasics,
  site,
  slugify,
} from "./shared.ts";

export interface WordPressTheme {
  themeName: string;
  menu: readonly string[];
  secondaryMenu: readonly string[];
  /** Wall-clock zone for visible dates. */
  offset: number;
  sidebar: boolean;
  tagline: string;
}

export function wordpress(ctx: PageContext, t: WordPressTheme): string {
  const it = ctx.item;
  const name = ctx.source.name;
  const postId = numericId(it.slug, 41000, 9000);
  const cats = it.categories.slice(0, 1);
  const tags = it.categories.slice(1);
  const when = (iso: string): string => `${longDate(iso, t.offset)} at ${clock12(iso, t.offset).toLowerCase()}`;
  const older = ctx.related[0];
  const newer = ctx.related[1];
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(it.title)} &#8211; ${esc(name)}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
${canonical(ctx)}
${meta("name", "description", it.summary)}
<!-- This site is optimized with an SEO plugin -->
${ogBasics(ctx).join("\n")}
${meta("property", "og:locale", "en_US")}
${meta("property", "article:published_time", rfc3339(it.published, 0, { zulu: false }))}
${meta("property", "article:modified_time", rfc3339(it.updated ?? it.published, 0, { zulu: false }))}
${meta("property", "article:section", cats[0] ?? "News")}
${meta("name", "author", it.author)}
${meta("name", "twitter:card", "summary_large_image")}
${meta("name", "twitter:label1", "Written by")}
${meta("name", "twitter:data1", it.author)}
<!-- / SEO plugin -->
${feedAlternate(ctx)}
<link rel="stylesheet" id="${t.themeName}-style-css" href="${attr(site(ctx, `wp-content/themes/${t.themeName}/style.css?ver=2.1.4`))}" media="all">
<link rel="shortlink" href="${attr(`${ctx.siteUrl}?p=${postId}`)}">
</head>
<body class="post-template-default single single-post postid-${postId} single-format-standard wp-embed-responsive ${t.themeName}">
<div id="cookie-law-info-bar" data-nosnippet="true"><span>This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. <a role="button" class="cli_settings_button" href="#cookie-settings">Cookie settings</a> <a role="button" id="cookie_action_close_header" class="cli-plugin-button">ACCEPT</a></span></div>
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="site-branding"><p class="site-title"><a href="${attr(ctx.siteUrl)}" rel="home">${esc(name)}</a></p><p class="site-description">${esc(t.tagline)}</p></div>
  <nav id="site-navigation" class="main-navigation" aria-label="Primary Menu"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
    <ul id="primary-menu" class="menu">
${navItems(ctx, t.menu, "menu-item menu-item-type-taxonomy menu-item-object-category", "category/")}
    </ul></nav>
  <nav class="secondary-navigation"><ul class="menu">${navItems(ctx, t.secondaryMenu, "menu-item")}</ul></nav>
</header>
<div class="header-ad"><div class="widget widget_text"><span class="adlabel">Advertisement</span><div class="adsbygoogle" style="display:inline-block;width:728px;height:90px"></div></div></div>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-${postId}" class="post-${postId} post type-post status-publish format-standard has-post-thumbnail hentry ${cats.map((c) => `category-${slugify(c)}`).join(" ")}">
  <header class="entry-header">
    <h1 class="entry-title">${ctx.titleHtml}</h1>
    <div class="entry-meta"><span class="posted-on">Posted on <a href="${attr(ctx.entry.url)}" rel="bookmark"><time class="entry-date published" datetime="${rfc3339(it.published, 0, { zulu: false })}">${longDate(it.published, t.offset)}</time>${it.updated === undefined ? "" : `<time class="updated" datetime="${rfc3339(it.updated, 0, { zulu: false })}">${longDate(it.updated, t.offset)}</time>`}</a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="${attr(authorUrl(ctx))}">${esc(it.author)}</a></span></span></div>
  </header>
  <div class="post-thumbnail"><figure class="wp-caption"><img width="1200" height="675" src="${attr(ctx.entry.imageUrl)}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="${attr(it.imageCaption ?? "")}" decoding="async"><figcaption class="wp-caption-text">${ctx.captionHtml} (${esc(credit(ctx, "Image"))})</figcaption></figure></div>
  <div class="entry-content">
${ctx.original === undefined ? "" : `<p><em>This article first appeared on <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</em></p>\n`}${ctx.blocks.join("\n")}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>
<li class="share-x"><a class="share-x sd-button" href="#share-x" title="Click to share on X"><span>Share on X</span></a></li>
<li class="share-facebook"><a class="share-facebook sd-button" href="#share-facebook"><span>Facebook</span></a></li>
<li class="share-linkedin"><a class="share-linkedin sd-button" href="#share-linkedin"><span>LinkedIn</span></a></li>
<li class="share-copy"><a class="sd-button" href="#copy">Copy link</a></li>
</ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><ul>
${linkList(ctx.related.slice(0, 3), "jp-relatedposts-post")}
</ul></div>
  </div><!-- .entry-content -->
  <footer class="entry-footer"><span class="cat-links">Posted in ${cats.map((c) => `<a href="${attr(site(ctx, `category/${slugify(c)}/`))}" rel="category tag">${esc(c)}</a>`).join(", ")}</span>${tags.length === 0 ? "" : `<span class="tags-links">Tagged ${tags.map((c) => `<a href="${attr(site(ctx, `tag/${slugify(c)}/`))}" rel="tag">${esc(c)}</a>`).join(", ")}</span>`}</footer>
  <div class="author-info"><div class="author-avatar"><img alt="" src="${attr(site(ctx, "img/logo.svg"))}" class="avatar" height="56" width="56"></div><div class="author-description"><h2 class="author-title">Published by ${esc(it.author)}</h2><p class="author-bio">${esc(authorBio(ctx))} <a class="author-link" href="${attr(authorUrl(ctx))}" rel="author">View all posts by ${esc(it.author)}</a></p></div></div>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">${older === undefined ? "" : `<div class="nav-previous"><a href="${attr(older.url)}" rel="prev"><span class="meta-nav">Previous post</span> ${esc(older.title)}</a></div>`}${newer === undefined ? "" : `<div class="nav-next"><a href="${attr(newer.url)}" rel="next"><span class="meta-nav">Next post</span> ${esc(newer.title)}</a></div>`}</div></nav>
<div id="comments" class="comments-area">
  <h2 class="comments-title">${ctx.comments.length} thoughts on &ldquo;<span>${ctx.titleHtml}</span>&rdquo;</h2>
  <ol class="comment-list">
${ctx.comments
  .map(
    (c, i) =>
      `    <li id="comment-${postId * 10 + i}" class="comment ${i % 2 === 0 ? "even" : "odd alt"} thread-even depth-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${esc(c.name)}</b> <span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-${postId * 10 + i}"><time datetime="${rfc3339(c.at, 0, { zulu: false })}">${when(c.at)}</time></a></div></footer><div class="comment-content"><p>${esc(c.text)}</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">Reply</a></div></article></li>`,
  )
  .join("\n")}
  </ol>
  <div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form action="${attr(site(ctx, "wp-comments-post.php"))}" method="post" id="commentform"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><p><label for="comment">Comment *</label><textarea id="comment" name="comment"></textarea></p><p><input name="submit" type="submit" value="Post Comment"></p></form></div>
</div>
</main></div>
${
  t.sidebar
    ? `<aside id="secondary" class="widget-area">
  <section id="search-2" class="widget widget_search"><form role="search" method="get" action="${attr(ctx.siteUrl)}"><input type="search" name="s" placeholder="Search &hellip;"></form></section>
  <section id="text-3" class="widget widget_text"><h2 class="widget-title">Newsletter</h2><div class="textwidget"><p><strong>Get the daily briefing in your inbox.</strong> One email, every weekday, free.</p><form action="${attr(site(ctx, "subscribe/"))}"><input type="email" placeholder="Email address"><button>Subscribe</button></form></div></section>
  <section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Most Popular</h2><ul>
${linkList(ctx.popular)}
  </ul></section>
  <section id="custom_html-4" class="widget_text widget widget_custom_html"><span class="adlabel">Advertisement</span><div class="custom-html-widget"><div class="sponsored-box"><p>Sponsored: <a href="${attr(site(ctx, "sponsored/data-platform-webinar/"))}">Join our free webinar on data platforms</a></p></div></div></section>
  <section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="${attr(site(ctx, "2025/12/"))}">December 2025</a></li><li><a href="${attr(site(ctx, "2025/11/"))}">November 2025</a></li><li><a href="${attr(site(ctx, "2025/10/"))}">October 2025</a></li></ul></section>
  <section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul>${navItems(ctx, t.menu, "cat-item", "category/")}</ul></section>
</aside>`
    : `<section class="below-post"><h2>Most popular</h2><ul>${linkList(ctx.popular)}</ul><div class="newsletter"><p><strong>Get the daily briefing in your inbox.</strong></p><form action="${attr(site(ctx, "subscribe/"))}"><input type="email" placeholder="Email address"><button>Subscribe</button></form></div><div class="ad"><span class="adlabel">Advertisement</span><p class="sponsored-box">Sponsored: <a href="${attr(site(ctx, "sponsored/policy-briefing-series/"))}">Briefing series on AI governance, presented by our partner</a></p></div></section>`
}
</div>
<footer id="colophon" class="site-footer"><nav class="footer-navigation"><ul>${navItems(ctx, ["About", "Contact", "Advertise", "Privacy Policy", "Terms of Service", "Cookie Policy", "Corrections"], "menu-item")}</ul></nav>
<div class="site-info">&copy; 2025 ${esc(name)} &bull; Proudly powered by WordPress &bull; Theme: ${esc(t.themeName)}</div></footer>
</div>
</body>
</html>
`;
}
