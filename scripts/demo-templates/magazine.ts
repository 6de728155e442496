// Layout family "magazine": a client-rendered digital magazine. <div id="__next"> soup with hashed
// class names, body in <div class="post-body">, sticky share rail, newsletter interstitial,
// "Trending" and "More from" modules. Meta via Open Graph only unless the theme asks for JSON-LD.
import { britishDate, clock24, longDate, rfc3339 } from "../demo-lib/dates.ts";
import type { PageContext } from "../demo-lib/site.ts";
import { hash } from "../demo-lib/text.ts";
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
  withInserts,
} from "./shared.ts";

export interface MagazineTheme {
  nav: readonly string[];
  more: readonly string[];
  /** Visible dates in this zone, e.g. Singapore (+480). */
  offset: number;
  zoneLabel: string;
  british: boolean;
  /** <article> + JSON-LD (otherwise <div> + Open Graph only). */
  semantic: boolean;
  /** Insert "Read more: <a>…</a>" paragraphs into the body. */
  readMoreInline: boolean;
  editions?: readonly string[];
}

/** CSS-in-JS style class names: "Headline-sc-1q2w3e". */
function cx(ctx: PageContext, name: string): string {
  return `${name}-sc-${hash(`${ctx.source.id}:${name}`).toString(36).slice(0, 6)}`;
}

export function magazine(ctx: PageContext, t: MagazineTheme): string {
  const it = ctx.item;
  const name = ctx.source.name;
  const date = (iso: string): string => (t.british ? britishDate(iso, t.offset) : longDate(iso, t.offset));
  const readMore = (n: number): string => {
    const r = ctx.related[n];
    return r === undefined
      ? ""
      : `<p class="${cx(ctx, "InlineLink")}"><strong>Read more:</strong> <a href="${attr(r.url)}">${esc(r.title)}</a></p>`;
  };
  const body = withInserts(
    ctx.blocks,
    t.readMoreInline
      ? [
          { after: 2, html: readMore(0) },
          { after: 4, html: readMore(1) },
        ]
      : [],
  );
  const wrapper = t.semantic ? "article" : "div";
  const headMeta = [
    ...ogBasics(ctx),
    meta("property", "article:published_time", rfc3339(it.published)),
    meta("property", "article:author", it.author),
    meta("name", "author", it.author),
    ...it.categories.map((c) => meta("property", "article:tag", c)),
  ];
  if (it.updated !== undefined) headMeta.push(meta("property", "article:modified_time", rfc3339(it.updated)));
  if (t.semantic)
    headMeta.push(
      jsonLd({
        "@context": "https://schema.org",
        "@type": "Article",
        headline: it.title,
        datePublished: rfc3339(it.published, t.offset),
        dateModified: rfc3339(it.updated ?? it.published, t.offset),
        author: { "@type": "Person", name: it.author },
        publisher: { "@type": "Organization", name, logo: { "@type": "ImageObject", url: site(ctx, "img/logo.svg") } },
        image: ctx.entry.imageUrl,
      }),
    );
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${esc(it.title)} — ${esc(name)}</title>
${canonical(ctx)}
${headMeta.join("\n")}
${feedAlternate(ctx)}
<link rel="preload" href="${attr(site(ctx, "_next/static/css/app.css"))}" as="style">
</head>
<body>
<div id="__next">
<div class="${cx(ctx, "ConsentModal")}" role="dialog" aria-modal="true"><h2>Your privacy</h2><p>We use cookies and similar technologies to run this site, measure audiences and show you relevant ads. Choose "Accept" to allow all, or manage your preferences.</p><button>Accept</button><button>Manage preferences</button></div>
${t.editions === undefined ? "" : `<div class="${cx(ctx, "EditionBar")}">Edition: ${t.editions.map((e, i) => (i === 0 ? `<b>${esc(e)}</b>` : `<a href="${attr(site(ctx, `${e.toLowerCase()}/`))}">${esc(e)}</a>`)).join(" | ")}</div>`}
<div class="${cx(ctx, "TopBar")}"><a href="${attr(ctx.siteUrl)}" class="${cx(ctx, "Logo")}">${esc(name)}</a>
  <nav class="${cx(ctx, "Nav")}"><ul>
${navItems(ctx, t.nav, cx(ctx, "NavItem"))}
  </ul><details class="${cx(ctx, "MoreMenu")}"><summary>More</summary><ul>${navItems(ctx, t.more)}</ul></details></nav>
  <a class="${cx(ctx, "Subscribe")}" href="${attr(site(ctx, "subscribe/"))}">Subscribe</a> <a href="${attr(site(ctx, "login/"))}">Sign in</a>
</div>
<div class="${cx(ctx, "AdSlot")} ad-top"><span>Advertisement</span></div>
<${wrapper} class="${cx(ctx, "Story")}">
  <div class="${cx(ctx, "Rubric")}"><a href="${attr(site(ctx, `tag/${encodeURIComponent((it.categories[0] ?? "ai").toLowerCase())}/`))}">${esc(it.categories[0] ?? "AI")}</a></div>
  <h1 class="${cx(ctx, "Headline")}">${ctx.titleHtml}</h1>
  <p class="${cx(ctx, "Standfirst")}">${ctx.summaryHtml}</p>
  <div class="${cx(ctx, "Meta")}"><span>By <a href="${attr(authorUrl(ctx, "people/"))}">${esc(it.author)}</a></span> · <span>${date(it.published)}, ${clock24(it.published, t.offset)} ${t.zoneLabel}</span>${it.updated === undefined ? "" : ` · <span>Updated ${date(it.updated)}</span>`}</div>
  <div class="${cx(ctx, "ShareRail")}" aria-label="Share this article"><button>Share on X</button><button>Share on LinkedIn</button><button>Share on WhatsApp</button><button>Copy link</button></div>
  <figure class="${cx(ctx, "LeadMedia")}"><img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "")}" loading="eager"><figcaption>${ctx.captionHtml}<span class="${cx(ctx, "Credit")}">${esc(credit(ctx, "Image"))}</span></figcaption></figure>
  ${ctx.original === undefined ? "" : `<p class="${cx(ctx, "Syndication")}">First published by <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a></p>`}
  <div class="post-body">
${body}
  </div>
  <div class="${cx(ctx, "Tags")}"><span>Tags</span><ul>${navItems(ctx, it.categories, "tag", "tag/")}</ul></div>
  <div class="${cx(ctx, "AuthorBox")}"><p><b>${esc(it.author)}</b></p><p>${esc(authorBio(ctx))}</p></div>
</${wrapper}>
<div class="${cx(ctx, "Newsletter")}"><h3>Get the daily briefing in your inbox</h3><p>Sign up for ${esc(name)} Daily. Unsubscribe at any time.</p><input type="email" aria-label="Email"><button>Sign me up</button></div>
<div class="${cx(ctx, "AdSlot")} sponsored"><span>Advertisement</span><div class="${cx(ctx, "SponsoredCard")}"><small>Sponsored</small><a href="${attr(site(ctx, "brand-studio/edge-ai/"))}">How edge AI is changing factory floors</a></div></div>
<section class="${cx(ctx, "Trending")}"><h2>Trending</h2><ol>
${linkList(ctx.popular)}
</ol></section>
<section class="${cx(ctx, "MoreFrom")}"><h2>More from ${esc(name)}</h2><ul>
${linkList(ctx.related)}
</ul></section>
<section class="${cx(ctx, "Comments")}" id="comments"><h2>${ctx.comments.length} comments</h2>
${ctx.comments.map((c) => `<div class="${cx(ctx, "Comment")}"><span class="${cx(ctx, "CommentName")}">${esc(c.name)}</span> <span class="${cx(ctx, "CommentAge")}">${date(c.at)}</span><p>${esc(c.text)}</p><button>Like</button> <button>Reply</button></div>`).join("\n")}
</section>
<footer class="${cx(ctx, "Footer")}"><ul>${navItems(ctx, ["About us", "Careers", "Advertise", "Contact", "Ethics policy", "RSS feeds"], "")}</ul>
<ul>${navItems(ctx, ["Privacy notice", "Terms and conditions", "Cookie preferences", "Accessibility statement"], "legal")}</ul><p>© 2025 ${esc(name)}</p></footer>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"slug":${JSON.stringify(it.slug)}}},"page":"/[...slug]"}</script>
</body>
</html>
`;
}
