// Layout family "newsletter": posts on hosted newsletter platforms.
// - ghost: <article class="gh-article">, <section class="gh-content gh-canvas">, JSON-LD BlogPosting, member portal.
// - substack: <div class="available-content"><div class="body markup">, subscribe walls, "Discussion about this post",
//   Open Graph only.
import { longDate, rfc3339 } from "../demo-lib/dates.ts";
import type { PageContext } from "../demo-lib/site.ts";
import {
  attr,
  authorBio,
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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function substackDate(iso: string): string {
  const d = new Date(iso);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

function ghost(ctx: PageContext): string {
  const it = ctx.item;
  const name = ctx.source.name;
  const ld = jsonLd({
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    publisher: {
      "@type": "Organization",
      name,
      url: ctx.siteUrl,
      logo: { "@type": "ImageObject", url: site(ctx, "img/logo.svg") },
    },
    author: { "@type": "Person", name: it.author, url: site(ctx, `author/${slugify(it.author)}/`) },
    headline: it.title,
    url: ctx.entry.url,
    datePublished: rfc3339(it.published, 0, { zulu: false }),
    dateModified: rfc3339(it.updated ?? it.published, 0, { zulu: false }),
    image: { "@type": "ImageObject", url: ctx.entry.imageUrl, width: 1200, height: 675 },
    keywords: it.categories.join(", "),
    description: it.summary,
    mainEntityOfPage: ctx.entry.url,
  });
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(it.title)}</title>
${canonical(ctx)}
${meta("name", "description", it.summary)}
${ogBasics(ctx).join("\n")}
${meta("property", "article:published_time", rfc3339(it.published, 0, { zulu: false }))}
${it.categories.map((c) => meta("property", "article:tag", c)).join("\n")}
${meta("name", "twitter:card", "summary_large_image")}
${ld}
<meta name="generator" content="Ghost 5.101">
${feedAlternate(ctx)}
</head>
<body class="post-template tag-${slugify(it.categories[0] ?? "ai")}">
<div class="viewport">
<div class="gh-cookie-banner" hidden-until-consent>We use essential cookies to keep you signed in, and optional analytics cookies. <button>Allow all</button><button>Essential only</button></div>
<header id="gh-head" class="gh-head"><div class="gh-head-inner"><a class="gh-head-logo" href="${attr(ctx.siteUrl)}">${esc(name)}</a>
<nav class="gh-head-menu"><ul class="nav">${navItems(ctx, ["Home", "Models", "Benchmarks", "Tooling", "Explainers", "Archive", "About", "Sponsorship"], "nav-item", "tag/")}</ul></nav>
<div class="gh-head-actions"><a href="#/portal/signin" data-portal="signin">Sign in</a><a class="gh-head-button" href="#/portal/signup" data-portal="signup">Subscribe</a></div></div></header>
<main id="site-main" class="site-main">
<article class="article post">
<header class="article-header gh-canvas">
  <section class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="${attr(site(ctx, `tag/${slugify(it.categories[0] ?? "ai")}/`))}">${esc(it.categories[0] ?? "AI")}</a></span></section>
  <h1 class="article-title">${ctx.titleHtml}</h1>
  <p class="article-excerpt">${ctx.summaryHtml}</p>
  <div class="article-byline"><div class="article-byline-meta"><h4 class="author-name"><a href="${attr(site(ctx, `author/${slugify(it.author)}/`))}">${esc(it.author)}</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="${it.published.slice(0, 10)}">${substackDate(it.published)}</time><span class="byline-reading-time"><span class="bull">&bull;</span> ${Math.max(1, Math.round(it.body.split(/\s+/).length / 250))} min read</span></div></div></div>
  <figure class="article-image"><img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "")}"><figcaption><span style="white-space: pre-wrap;">${ctx.captionHtml}</span> ${esc(credit(ctx, "Image"))}</figcaption></figure>
</header>
<section class="gh-content gh-canvas">
${ctx.original === undefined ? "" : `<p><em>Originally published at <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</em></p>\n`}${withInserts(ctx.blocks, [{ after: 3, html: `<div class="kg-card kg-cta-card kg-cta-bg-grey"><p><strong>Sponsored</strong> &mdash; <a href="${attr(site(ctx, "sponsor/"))}">This issue is supported by a GPU cloud. Claim your credits.</a></p></div>` }])}
<div class="kg-card kg-signup-card"><h2 class="kg-signup-card-heading">Get the daily briefing in your inbox</h2><p>Free members get every post; paid members get the weekly deep dive.</p><form data-members-form="signup"><input data-members-email type="email" required><button>Subscribe</button></form></div>
</section>
<section class="article-share gh-canvas"><a href="#share-x">Share on X</a> <a href="#share-linkedin">Share on LinkedIn</a> <button>Copy link</button></section>
<section class="article-comments gh-canvas" id="ghost-comments-root"><h2>Member discussion</h2><p>${ctx.comments.length} comments</p>
${ctx.comments.map((c) => `<div class="gh-comment"><h4>${esc(c.name)}</h4><span>${longDate(c.at)}</span><p>${esc(c.text)}</p></div>`).join("\n")}
</section>
</article>
</main>
<aside class="read-more-wrap outer"><div class="read-more inner"><h3>Read more</h3><ul>${linkList(ctx.related, "post-card")}</ul><h3>Most popular</h3><ol>${linkList(ctx.popular.slice(0, 4))}</ol></div></aside>
<aside class="author-box"><p><strong>${esc(it.author)}</strong> &mdash; ${esc(authorBio(ctx))}</p></aside>
<div class="ad-slot"><span class="ad-label">Advertisement</span></div>
<footer class="gh-foot"><div class="gh-foot-inner"><nav class="gh-foot-menu"><ul class="nav">${navItems(ctx, ["Sign up", "Privacy", "Terms", "Contact", "Sponsorship", "RSS"], "nav-item")}</ul></nav><div class="gh-copyright">${esc(name)} &copy; 2025. Powered by Ghost</div></div></footer>
</div>
</body>
</html>
`;
}

function substack(ctx: PageContext): string {
  const it = ctx.item;
  const name = ctx.source.name;
  const likes = 11 + ((ctx.entry.seq * 7) % 40);
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0">
<title>${esc(it.title)} - by ${esc(it.author)}</title>
${canonical(ctx)}
${ogBasics(ctx).join("\n")}
${meta("name", "author", it.author)}
${meta("property", "article:published_time", rfc3339(it.published, 60))}
${meta("name", "twitter:card", "summary_large_image")}
${meta("name", "twitter:label1", "Likes")}
${meta("name", "twitter:data1", String(likes))}
${feedAlternate(ctx)}
</head>
<body>
<div id="entry"><div id="main" class="main typography use-theme-bg">
<div class="cookie-consent-banner"><p>We use cookies to improve your experience, for analytics, and for marketing. <a href="${attr(site(ctx, "privacy"))}">Privacy policy</a></p><button>Accept</button><button>Reject</button></div>
<div class="topbar-content"><a class="navbar-title-link" href="${attr(ctx.siteUrl)}">${esc(name)}</a><div class="navbar-buttons"><a class="button primary subscribe-btn" href="${attr(site(ctx, "subscribe"))}">Subscribe</a><a class="button sign-in-link" href="${attr(site(ctx, "sign-in"))}">Sign in</a></div></div>
<div class="publication-nav"><ul>${navItems(ctx, ["Home", "Notes", "Podcast", "Weekly roundups", "Model cards explained", "Leaderboard watch", "Archive", "About"], "nav-pill")}</ul></div>
<div class="single-post-container"><div class="container"><div class="single-post"><article class="typography newsletter-post post">
<div class="post-header"><h1 class="post-title published">${ctx.titleHtml}</h1><h3 class="subtitle">${ctx.summaryHtml}</h3>
<div class="post-meta"><div class="profile-hover-card-target"><a href="${attr(site(ctx, `@${slugify(it.author)}`))}">${esc(it.author)}</a></div><div class="pencraft">${substackDate(it.published)}</div></div>
<div class="post-ufi"><a class="like-button" href="#like">${likes}</a> <a href="#comments">${ctx.comments.length}</a> <a href="#restack">Restack</a> <button class="share">Share</button></div></div>
<div class="available-content"><div dir="auto" class="body markup">
${ctx.original === undefined ? "" : `<p>Cross-posted from <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</p>\n`}<div class="captioned-image-container"><figure><img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "")}" width="1456" height="819"><figcaption class="image-caption">${ctx.captionHtml} (${esc(credit(ctx, "Image"))})</figcaption></figure></div>
${withInserts(ctx.blocks, [{ after: 2, html: `<div class="subscription-widget-wrap"><div class="subscription-widget"><p class="cta-caption">${esc(name)} is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.</p><form><input type="email" placeholder="Type your email..."><button>Subscribe</button></form></div></div>` }])}
<p class="button-wrapper"><a class="button primary" href="#share"><span>Share</span></a></p>
</div></div>
<div class="post-footer"><div class="post-tags">${it.categories.map((c) => `<a class="post-tag" href="${attr(site(ctx, `t/${slugify(c)}`))}">${esc(c)}</a>`).join(" ")}</div>
<div class="share-row"><a href="#share-x">Share on X</a> · <a href="#share-email">Email</a> · <button>Copy link</button></div>
<div class="author-bio"><b>${esc(it.author)}</b> · ${esc(authorBio(ctx))}</div>
<div class="sponsor-box"><span class="ad-label">Advertisement</span> <b>Sponsored:</b> <a href="${attr(site(ctx, "p/sponsor"))}">Fine-tune open models without a GPU cluster.</a></div>
<div class="subscribe-footer"><h3>Get the daily briefing in your inbox</h3><p>Thousands of readers get ${esc(name)} every week.</p><form><input type="email"><button>Subscribe</button></form></div></div>
</article></div></div></div>
<div id="comments" class="comments-page"><h3>Discussion about this post</h3><div class="comment-list">
${ctx.comments.map((c) => `<div class="comment"><div class="comment-meta"><a class="commenter-name">${esc(c.name)}</a> <span>${substackDate(c.at)}</span></div><div class="comment-body"><p>${esc(c.text)}</p></div><div class="comment-actions">Like · Reply · Share</div></div>`).join("\n")}
</div></div>
<div class="post-footer-recs"><h3>Ready for more?</h3><h4>Most popular</h4><ul>${linkList(ctx.popular.slice(0, 4))}</ul><h4>Latest</h4><ul>${linkList(ctx.related)}</ul></div>
<footer class="footer-wrap"><ul>${navItems(ctx, ["Privacy", "Terms", "Collection notice", "Start writing", "Get the app"], "")}</ul><p>&copy; 2025 ${esc(name)}</p></footer>
</div></div>
</body>
</html>
`;
}

export function newsletter(ctx: PageContext, platform: "ghost" | "substack"): string {
  return platform === "ghost" ? ghost(ctx) : substack(ctx);
}
