// Layout family "corporate": company blogs and newsrooms ("demo rewrite" sources).
// - blog (AWS-style): product mega-menu, RDFa-annotated TechArticle (property="datePublished"), resources sidebar,
//   comments; no JSON-LD.
// - newsroom (NVIDIA-style): JSON-LD NewsArticle, "News summary" bullets, company boilerplate, media contacts,
//   forward-looking statements, forum discussion.
// Both carry a visible notice that the page is a demo rewrite, not the company's publication.
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
} from "./shared.ts";

export interface CorporateTheme {
  company: string;
  style: "blog" | "newsroom";
  megaMenu: Readonly<Record<string, readonly string[]>>;
  offset: number;
  about: string;
}

function megaMenu(ctx: PageContext, t: CorporateTheme): string {
  return Object.entries(t.megaMenu)
    .map(
      ([head, links]) =>
        `<li class="mega-item"><button aria-expanded="false">${esc(head)}</button><div class="mega-panel"><ul>${navItems(ctx, links, "mega-link", `${slugify(head)}/`)}</ul></div></li>`,
    )
    .join("\n");
}

/** "02 DEC 2025" */
function awsDate(iso: string, offset: number): string {
  const [month = "", day = "", year = ""] = longDate(iso, offset).replace(",", "").split(" ");
  return `${day.padStart(2, "0")} ${month.slice(0, 3).toUpperCase()} ${year}`;
}

function notice(t: CorporateTheme): string {
  return `<p class="demo-notice">Demo rewrite for the Daybrief test corpus — written by the Daybrief project about public news, not published by ${esc(t.company)} and not ${esc(t.company)}'s words.</p>`;
}

function blog(ctx: PageContext, t: CorporateTheme): string {
  const it = ctx.item;
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<title>${esc(it.title)} | ${esc(ctx.source.name)}</title>
${canonical(ctx)}
${ogBasics(ctx).join("\n")}
${meta("name", "description", it.summary)}
${feedAlternate(ctx)}
</head>
<body class="blog-single">
<div id="awsccc-banner" role="region" aria-label="Cookie banner"><h2>Select your cookie preferences</h2><p>We use essential cookies and similar tools that are necessary to provide our site and services. We use performance cookies to collect anonymous statistics. Approved third parties may also use these tools to help us deliver advertising.</p><button>Accept</button> <button>Decline</button> <button>Customize</button></div>
<header class="global-nav"><a class="logo" href="${attr(ctx.siteUrl)}">${esc(t.company)}</a>
<nav class="mega-menu"><ul>
${megaMenu(ctx, t)}
</ul></nav>
<ul class="utility">${navItems(ctx, ["Contact us", "Support", "English", "My Account", "Sign in to the Console", "Create an Account"], "util")}</ul></header>
<nav class="breadcrumbs"><a href="${attr(site(ctx, "blogs/"))}">Blog Home</a> › <a href="${attr(site(ctx, "blogs/aws/"))}">News Blog</a> › ${esc(it.categories[0] ?? "Announcements")}</nav>
<aside class="site-notice" role="note">${notice(t)}</aside>
<div class="blog-grid"><main>
<article class="blog-post" vocab="https://schema.org/" typeof="TechArticle">
<meta property="inLanguage" content="en-US">
<meta property="image" content="${attr(ctx.entry.imageUrl)}">
<h1 class="blog-post-title" property="name headline">${ctx.titleHtml}</h1>
<footer class="blog-post-meta">by <span property="author" typeof="Person"><span property="name">${esc(it.author)}</span></span> on <time property="datePublished" datetime="${rfc3339(it.published, 0, { zulu: false })}">${awsDate(it.published, t.offset)}</time> in <span class="blog-post-categories">${it.categories.map((c) => `<a href="${attr(site(ctx, `blogs/aws/category/${slugify(c)}/`))}"><span property="articleSection">${esc(c)}</span></a>`).join(", ")}</span> | <a href="#comments">Permalink</a> | <a href="#comments">Comments</a> | <a href="#share">Share</a></footer>
<section class="blog-post-content" property="articleBody">
<figure class="wp-caption"><img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "")}" width="1120" height="630"><figcaption>${ctx.captionHtml} <em>${esc(credit(ctx))}</em></figcaption></figure>
${ctx.blocks.join("\n")}
<p>— ${esc(it.author.split(" ")[0] ?? it.author)}</p>
</section>
<div id="share" class="blog-share-dialog"><a href="#share-x">Share on X</a> <a href="#share-linkedin">LinkedIn</a> <a href="#share-facebook">Facebook</a> <a href="#share-email">Email</a> <button>Copy link</button></div>
<div class="blog-tags">TAGS: ${it.categories.map((c) => `<a href="${attr(site(ctx, `blogs/aws/tag/${slugify(c)}/`))}" rel="tag">${esc(c)}</a>`).join(", ")}</div>
<div class="blog-author-box"><img src="${attr(site(ctx, "img/logo.svg"))}" width="100" height="100" alt=""><h3 class="lb-h4">${esc(it.author)}</h3><p>${esc(authorBio(ctx))}</p></div>
<section id="comments" class="blog-comments"><h3>Comments</h3><ul>
${ctx.comments.map((c) => `<li class="comment"><b>${esc(c.name)}</b> <span class="date">${longDate(c.at, t.offset)}</span><p>${esc(c.text)}</p></li>`).join("\n")}
</ul><p><a href="${attr(site(ctx, "signin/"))}">Sign in</a> to comment.</p></section>
</article>
</main>
<aside class="blog-sidebar">
<div class="resources"><h3>Resources</h3><ul>${navItems(ctx, ["Getting Started", "What's New", "Top Posts", "Official AI Podcast", "Case Studies"], "")}</ul></div>
<div class="signup"><h3>Get the daily briefing in your inbox</h3><p>Subscribe to the weekly roundup of launches.</p><form><input type="email"><button>Subscribe</button></form></div>
<div class="promo ad"><span class="ad-label">Advertisement</span><p class="sponsored">Sponsored</p><a href="${attr(site(ctx, "events/summit/"))}">Register for a Summit near you</a></div>
<div class="popular"><h3>Most popular</h3><ol>${linkList(ctx.popular)}</ol></div>
<div class="related"><h3>Related posts</h3><ul>${linkList(ctx.related)}</ul></div>
</aside></div>
<footer class="global-footer"><ul>${navItems(ctx, ["Learn", "Resources", "Developers", "Help", "Careers", "Investor Relations"], "")}</ul>
<ul class="legal">${navItems(ctx, ["Privacy", "Accessibility", "Site Terms", "Cookie Preferences"], "")}</ul>${notice(t)}<p>© 2025, demo corpus.</p></footer>
</body>
</html>
`;
}

function newsroom(ctx: PageContext, t: CorporateTheme): string {
  const it = ctx.item;
  const ld = jsonLd({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: it.title,
    datePublished: rfc3339(it.published, t.offset),
    dateModified: rfc3339(it.updated ?? it.published, t.offset),
    author: { "@type": "Person", name: it.author },
    publisher: {
      "@type": "Organization",
      name: ctx.source.name,
      logo: { "@type": "ImageObject", url: site(ctx, "img/logo.svg") },
    },
    image: ctx.entry.imageUrl,
    description: it.summary,
  });
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(it.title)} | ${esc(ctx.source.name)}</title>
${canonical(ctx)}
${ogBasics(ctx).join("\n")}
${ld}
${feedAlternate(ctx)}
</head>
<body class="newsroom newsroom-release">
<div class="cookie-consent"><p>This site uses cookies to store information on your computer. Some are essential to make our site work; others help us improve the user experience. By using the site, you consent to the placement of these cookies.</p><button>Accept Cookies</button> <a href="${attr(site(ctx, "privacy/cookies/"))}">Cookie Settings</a></div>
<header class="brand-nav"><a class="brand" href="${attr(ctx.siteUrl)}">${esc(t.company)}</a>
<ul class="main-menu">
${megaMenu(ctx, t)}
</ul><a class="shop" href="${attr(site(ctx, "shop/"))}">Shop</a> <a href="${attr(site(ctx, "drivers/"))}">Drivers</a> <a href="${attr(site(ctx, "support/"))}">Support</a></header>
<nav class="newsroom-subnav"><ul>${navItems(ctx, ["Newsroom Home", "Press Releases", "Company News", "Image Library", "Video Library", "Media Contacts", "Events"], "subnav")}</ul></nav>
<aside class="site-notice" role="note">${notice(t)}</aside>
<main class="release-page">
<div class="release-header"><p class="release-type">${esc(it.categories[0] ?? "Company News")}</p>
<h1>${ctx.titleHtml}</h1>
<p class="release-date">${longDate(it.published, t.offset)}</p>
<p class="release-byline">Posted by ${esc(it.author)}</p>
<div class="social-share">Share: <a href="#share-x">Share on X</a> <a href="#share-linkedin">LinkedIn</a> <a href="#share-facebook">Facebook</a> <button>Copy link</button></div></div>
<section class="news-summary"><h2>News Summary</h2><ul><li>${ctx.summaryHtml}</li></ul></section>
<figure class="release-image"><img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "")}"><figcaption>${ctx.captionHtml} <span class="credit">${esc(credit(ctx, "Image"))}</span></figcaption></figure>
<div class="release-body">
${ctx.original === undefined ? "" : `<p><em>Adapted from <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</em></p>\n`}${ctx.blocks.join("\n")}
</div>
<section class="boilerplate"><h3>About ${esc(t.company)}</h3><p>${esc(t.about)}</p></section>
<section class="media-contacts"><h3>For further information, contact:</h3><p>Corporate Communications<br>press@${esc(ctx.profile.root)}.example</p></section>
<section class="fls"><p><small>Certain statements in this release, including statements about products, partnerships and their expected benefits, are forward-looking statements that are subject to risks and uncertainties that could cause results to differ materially from expectations.</small></p></section>
<section class="tags"><h3>Topics</h3><ul>${navItems(ctx, it.categories, "topic", "topics/")}</ul></section>
<aside class="author-box"><h3>About the author</h3><p>${esc(authorBio(ctx))}</p></aside>
<section class="forum" id="comments"><h3>Discussion on the developer forum (${ctx.comments.length})</h3>
${ctx.comments.map((c) => `<div class="forum-post"><b>${esc(c.name)}</b> — ${longDate(c.at, t.offset)}<p>${esc(c.text)}</p></div>`).join("\n")}
</section>
</main>
<aside class="release-rail"><div class="subscribe"><h3>Get the daily briefing in your inbox</h3><p>Sign up for newsroom alerts.</p><form><input type="email"><button>Sign up</button></form></div>
<div class="ad-slot"><span class="ad-label">Advertisement</span><p class="sponsored">Sponsored: <a href="${attr(site(ctx, "events/gtc/"))}">Register for the developer conference</a></p></div>
<div class="more-news"><h3>More news</h3><ul>${linkList(ctx.related)}</ul></div><div class="popular"><h3>Most popular</h3><ol>${linkList(ctx.popular)}</ol></div></aside>
<footer class="brand-footer"><ul>${navItems(ctx, ["Company Overview", "Investor Relations", "Careers", "Newsroom", "Sustainability"], "")}</ul>
<ul class="legal">${navItems(ctx, ["Privacy Policy", "Manage My Privacy", "Do Not Sell or Share My Data", "Terms of Service", "Accessibility", "Corporate Policies", "Contact"], "")}</ul><p>Demo corpus 2025.</p></footer>
</body>
</html>
`;
}

export function corporate(ctx: PageContext, t: CorporateTheme): string {
  return t.style === "blog" ? blog(ctx, t) : newsroom(ctx, t);
}
