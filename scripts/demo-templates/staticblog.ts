// Layout family "staticblog": a developer's static-site blog (Hugo- or Jekyll-generated).
// Microformats (h-entry, dt-published, p-author, e-content), a table of contents built from the <h2>s,
// a Carbon-style ad, webmention/comment thread, prev/next links. Open Graph meta only.
import { longDate, rfc3339, shortDay } from "../demo-lib/dates.ts";
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
  ogBasics,
  site,
  slugify,
} from "./shared.ts";

export interface StaticBlogTheme {
  generator: "Hugo 0.139.0" | "Jekyll v4.3.4";
  nav: readonly string[];
  /** Visible dates in this zone. */
  offset: number;
  /** Jekyll theme: no TOC, <div class="post-content e-content">; Hugo: TOC + <div class="post-body e-content">. */
  flavour: "hugo" | "jekyll";
  blurb: string;
}

function withAnchors(blocks: readonly string[]): { html: string; toc: string[] } {
  const toc: string[] = [];
  const html = blocks
    .map((b) => {
      const m = /^<h2>(.*)<\/h2>$/.exec(b);
      if (m?.[1] === undefined) return b;
      const id = slugify(m[1].replace(/&[^;]+;/g, ""));
      toc.push(`<li><a href="#${id}">${m[1]}</a></li>`);
      return `<h2 id="${id}">${m[1]}</h2>`;
    })
    .join("\n");
  return { html, toc };
}

export function staticblog(ctx: PageContext, t: StaticBlogTheme): string {
  const it = ctx.item;
  const name = ctx.source.name;
  const { html, toc } = withAnchors(ctx.blocks);
  const hugo = t.flavour === "hugo";
  const bodyClass = hugo ? "post-body e-content" : "post-content e-content";
  const prev = ctx.related[0];
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="generator" content="${t.generator}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(it.title)} · ${esc(name)}</title>
${canonical(ctx)}
${ogBasics(ctx).join("\n")}
${meta("property", "article:published_time", rfc3339(it.published, t.offset, { zulu: false }))}
${meta("name", "author", it.author)}
${meta("name", "twitter:card", "summary_large_image")}
${feedAlternate(ctx)}
<link rel="webmention" href="${attr(site(ctx, "webmention"))}">
</head>
<body class="${hugo ? "single" : "post"}">
<div class="cookie-note" role="region" aria-label="Cookies">This blog uses a single first-party cookie for the dark-mode setting and privacy-friendly analytics. <button>OK</button> <a href="${attr(site(ctx, "privacy/"))}">Details</a></div>
<header class="site-header"><a class="site-title" href="${attr(ctx.siteUrl)}">${esc(name)}</a>
<nav class="site-nav"><ul>
${navItems(ctx, t.nav, "nav-link")}
</ul></nav></header>
<main class="page-content">
<article class="post h-entry">
<header class="post-header">
  <h1 class="post-title p-name">${ctx.titleHtml}</h1>
  <p class="post-meta"><time class="dt-published" datetime="${rfc3339(it.published, t.offset, { zulu: false })}">${hugo ? shortDay(it.published, t.offset) : longDate(it.published, t.offset)}</time> • <span class="p-author h-card">${esc(it.author)}</span>${hugo ? ` • ${Math.max(1, Math.round(it.body.split(/\s+/).length / 230))} min read` : ""}</p>
  <p class="p-summary">${ctx.summaryHtml}</p>
</header>
${hugo && toc.length > 0 ? `<details class="toc" open><summary>Contents</summary><nav id="TableOfContents"><ul>${toc.join("")}</ul></nav></details>` : ""}
<figure class="post-cover"><img class="u-photo" src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "")}"><figcaption>${ctx.captionHtml} <small>${esc(credit(ctx, "Image"))}</small></figcaption></figure>
<div class="${bodyClass}">
${ctx.original === undefined ? "" : `<p class="crosspost">Cross-posted from <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</p>\n`}${html}
</div>
<footer class="post-footer">
  <ul class="post-tags">${it.categories.map((c) => `<li><a class="p-category" href="${attr(site(ctx, `tags/${slugify(c)}/`))}">#${esc(slugify(c))}</a></li>`).join("")}</ul>
  <div class="share"><span>Share:</span> <a href="#share-x">Share on X</a> · <a href="#share-mastodon">Mastodon</a> · <a href="#share-hn">Hacker News</a> · <button class="copy">Copy link</button></div>
  <div class="about-author"><img src="${attr(site(ctx, "img/logo.svg"))}" alt="" width="64" height="64"><p>${esc(authorBio(ctx))} ${esc(t.blurb)}</p></div>
</footer>
</article>
<aside class="carbon"><span class="carbon-label">Advertisement</span> <a href="${attr(site(ctx, "sponsors/"))}">Ship faster with managed Postgres — try it free.</a> <small>ads via a privacy-friendly network</small></aside>
<section class="subscribe"><h2>Get the daily briefing in your inbox</h2><p>New posts and a few links I found useful. No spam, unsubscribe with one click.</p><form action="${attr(site(ctx, "subscribe"))}"><input type="email" placeholder="you@example.com"><button>Subscribe</button></form><p>Or follow via <a href="${attr(ctx.feedUrl)}">the feed</a>.</p></section>
<section class="sponsored-box"><h3>Sponsored</h3><p><a href="${attr(site(ctx, "sponsors/observability/"))}">Trace every LLM call in production — our sponsor's new observability kit</a></p></section>
<nav class="pagination">${prev === undefined ? "" : `<a class="prev" href="${attr(prev.url)}">← ${esc(prev.title)}</a>`}</nav>
<section class="related"><h2>${hugo ? "Read more" : "Related posts"}</h2><ul>
${linkList(ctx.related)}
</ul></section>
<section class="popular"><h2>Most popular</h2><ol>${linkList(ctx.popular.slice(0, 4))}</ol></section>
<section id="comments" class="webmentions"><h2>${ctx.comments.length} responses</h2><ul>
${ctx.comments.map((c) => `<li class="h-cite"><span class="p-author">${esc(c.name)}</span> <time datetime="${rfc3339(c.at)}">${shortDay(c.at, t.offset)}</time><p class="p-content">${esc(c.text)}</p></li>`).join("\n")}
</ul></section>
</main>
<footer class="site-footer"><p>© 2025 ${esc(name)} · <a href="${attr(site(ctx, "privacy/"))}">Privacy</a> · <a href="${attr(site(ctx, "terms/"))}">Terms</a> · <a href="${attr(site(ctx, "imprint/"))}">Imprint</a> · <a href="${attr(ctx.feedUrl)}">Feed</a></p><p>Built with ${esc(t.generator.split(" ")[0] ?? "")}.</p></footer>
</body>
</html>
`;
}
