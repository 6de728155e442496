// Layout family "arxiv": an abstract page. citation_* meta tags (Highwire style, used by Google Scholar),
// title, authors, abstract blockquote, subjects, "Cite as", submission history, access links,
// browse context and a donation banner instead of ads. No comments, no lead photo.
import { arxivCategories, arxivId, arxivVersion, authorsOf, SUBJECT_NAMES } from "../demo-feeds/arxiv.ts";
import { GMT, rfc822 } from "../demo-lib/dates.ts";
import type { PageContext } from "../demo-lib/site.ts";
import { bodyText, hash } from "../demo-lib/text.ts";
import { attr, esc, linkList, meta, site } from "./shared.ts";

function subject(code: string): string {
  return `${SUBJECT_NAMES[code] ?? code} (${code})`;
}

export function arxivPage(ctx: PageContext): string {
  const it = ctx.item;
  const id = arxivId(it, ctx.entry.seq);
  const v = arxivVersion(it);
  const authors = authorsOf(it);
  const cats = arxivCategories(it);
  const primary = cats[0] ?? "cs.AI";
  const abstract = bodyText(it.body).join(" ");
  const kb = 400 + (hash(it.slug) % 3600);
  const history = [
    `<strong>[v1]</strong> ${rfc822(it.published, GMT).replace("GMT", "UTC")} (${kb.toLocaleString("en-US")} KB)`,
  ];
  if (it.updated !== undefined)
    history.push(
      `<strong>[v2]</strong> ${rfc822(it.updated, GMT).replace("GMT", "UTC")} (${(kb + 37).toLocaleString("en-US")} KB)`,
    );
  const d = it.published.slice(0, 10).replace(/-/g, "/");
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<title>[${id}] ${esc(it.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta charset="utf-8">
<link rel="canonical" href="${attr(`${ctx.siteUrl}abs/${id}`)}">
${meta("name", "description", `Abstract page for arXiv paper ${id}: ${it.title}`)}
${meta("property", "og:type", "website")}
${meta("property", "og:site_name", "arXiv.org")}
${meta("property", "og:title", it.title)}
${meta("property", "og:url", `${ctx.siteUrl}abs/${id}v${v}`)}
${meta("property", "og:image", site(ctx, "img/arxiv-logo.svg"))}
${meta("property", "og:description", abstract.slice(0, 300))}
${meta("name", "citation_title", it.title)}
${authors.map((a) => meta("name", "citation_author", a.includes(" ") ? `${a.split(" ").slice(-1)[0]}, ${a.split(" ").slice(0, -1).join(" ")}` : a)).join("\n")}
${meta("name", "citation_date", d)}
${meta("name", "citation_online_date", d)}
${meta("name", "citation_pdf_url", `${ctx.siteUrl}pdf/${id}`)}
${meta("name", "citation_arxiv_id", id)}
${meta("name", "citation_abstract", abstract)}
</head>
<body class="with-cu-identity">
<div class="slider-wrapper bps-banner"><div class="copy-donation"><h1>Support open science</h1><p>arXiv is a free distribution service and an open-access archive. Please consider supporting it. <a href="${attr(site(ctx, "donate"))}">Donate</a></p></div></div>
<div id="cu-identity"><div id="cu-logo"><a href="${attr(ctx.siteUrl)}">arXiv (demo mirror)</a></div><div id="support-ack">We gratefully acknowledge support from our member institutions and all contributors. <a href="${attr(site(ctx, "donate"))}">Donate</a></div></div>
<div id="header" class="is-hidden-mobile"><a aria-hidden="true" tabindex="-1" href="${attr(ctx.siteUrl)}">arxiv logo</a> &gt; <a href="${attr(site(ctx, "list/cs/recent"))}">cs</a> &gt; arXiv:${id}
<div class="search-block level-right"><form class="level-item mini-search" method="GET" action="${attr(site(ctx, "search"))}"><input class="input is-small" type="text" name="query" placeholder="Search..." aria-label="Search term or terms"><select name="searchtype"><option value="all">All fields</option><option value="title">Title</option><option value="author">Author</option><option value="abstract">Abstract</option></select><button class="button">Search</button></form>
<div class="help"><a href="${attr(site(ctx, "help"))}">Help</a> | <a href="${attr(site(ctx, "search/advanced"))}">Advanced Search</a></div></div></div>
<main id="content">
<div id="abs-outer"><div class="leftcolumn">
<div class="subheader"><h1>Computer Science &gt; ${esc(SUBJECT_NAMES[primary] ?? primary)}</h1></div>
<div class="header-breadcrumbs-mobile"><strong>arXiv:${id}</strong> (${primary})</div>
<div id="content-inner"><div id="abs">
<div class="dateline">[Submitted on ${rfc822(it.published, GMT, { padDay: false }).slice(5, 16)}${it.updated === undefined ? "" : ` (v1), last revised ${rfc822(it.updated, GMT, { padDay: false }).slice(5, 16)} (this version, v2)`}]</div>
<h1 class="title mathjax"><span class="descriptor">Title:</span>${esc(it.title)}</h1>
<div class="authors"><span class="descriptor">Authors:</span>${authors.map((a) => `<a href="${attr(site(ctx, `search/?searchtype=author&query=${encodeURIComponent(a)}`))}">${esc(a)}</a>`).join(", ")}</div>
<div id="download-button-info" hidden>View a PDF of the paper titled ${esc(it.title)}, by ${esc(authors.join(", "))}</div>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>${esc(abstract)}</blockquote>
<div class="metatable"><table summary="Additional metadata">
<tr><td class="tablecell label">Subjects:</td><td class="tablecell subjects"><span class="primary-subject">${esc(subject(primary))}</span>${cats
    .slice(1)
    .map((c) => `; ${esc(subject(c))}`)
    .join("")}</td></tr>
<tr><td class="tablecell label">Cite as:</td><td class="tablecell arxivid"><span class="arxivid"><a href="${attr(`${ctx.siteUrl}abs/${id}`)}">arXiv:${id}</a> [${primary}]</span></td></tr>
<tr><td class="tablecell label">&nbsp;</td><td class="tablecell arxividv">(or <span class="arxivid"><a href="${attr(`${ctx.siteUrl}abs/${id}v${v}`)}">arXiv:${id}v${v}</a> [${primary}]</span> for this version)</td></tr>
</table></div>
</div></div>
<div class="submission-history"><h2>Submission history</h2> From: ${esc(authors[0] ?? it.author)} [<a href="${attr(site(ctx, `show-email/${hash(it.slug).toString(16)}/${id}`))}">view email</a>]<br>${history.join("<br>\n")}</div>
</div>
<div class="extra-services"><div class="full-text"><h2>Access Paper:</h2><ul><li><a href="${attr(`${ctx.siteUrl}pdf/${id}v${v}`)}" class="abs-button download-pdf">View PDF</a></li><li><a href="${attr(`${ctx.siteUrl}html/${id}v${v}`)}" class="abs-button">HTML (experimental)</a></li><li><a href="${attr(`${ctx.siteUrl}src/${id}`)}" class="abs-button download-eprint">TeX Source</a></li></ul><div class="abs-license"><a href="${attr(site(ctx, "licenses/by/4.0/"))}" title="Rights to this article">view license</a></div></div>
<div class="browse">Current browse context: <div class="current">${primary}</div><div class="prevnext"><a href="${attr(site(ctx, `prevnext?id=${id}&function=prev&context=${primary}`))}" class="abs-button prev-url">&lt;&nbsp;prev</a> | <a href="${attr(site(ctx, `prevnext?id=${id}&function=next&context=${primary}`))}" class="abs-button next-url">next&nbsp;&gt;</a></div><div class="list"><a href="${attr(site(ctx, `list/${primary}/new`))}">new</a> | <a href="${attr(site(ctx, `list/${primary}/recent`))}">recent</a> | <a href="${attr(site(ctx, `list/${primary}/2025-12`))}">2025-12</a></div></div>
<div class="extra-ref-cite"><h3>References &amp; Citations</h3><ul><li><a href="#nasa-ads">NASA ADS</a></li><li><a href="#scholar">Google Scholar</a></li><li><a href="#semantic-scholar">Semantic Scholar</a></li></ul></div>
<div class="bookmarks"><h3>Bookmark</h3><a href="#bibsonomy">BibSonomy</a> <a href="#reddit">Reddit</a> <a href="#share-x">Share on X</a> <button>Copy link</button></div>
<div class="mailings"><h3>Get the daily briefing in your inbox</h3><p>Subscribe to the daily ${primary} mailing list of new submissions.</p><a href="${attr(site(ctx, "help/subscribe"))}">Subscribe to mailings</a></div>
<div class="listing-neighbours"><h3>Other papers in this listing</h3><ul>${linkList(ctx.related)}</ul></div>
</div></div>
<div class="labstabs"><input type="radio" name="tabs" id="tabone" checked><label for="tabone">Bibliographic Tools</label><div class="tab"><h1>Bibliographic and Citation Tools</h1><p>Bibliographic Explorer, Connected Papers, Litmaps, scite Smart Citations (toggles)</p></div><label>Code, Data, Media</label><label>Demos</label><label>Related Papers</label><label>About arXivLabs</label></div>
<div class="endorsers"><a href="${attr(site(ctx, `auth/show-endorsers/${id}`))}">Which authors of this paper are endorsers?</a> | <a href="${attr(site(ctx, "help/mathjax"))}">Disable MathJax</a> (<a href="${attr(site(ctx, "help/mathjax"))}">What is MathJax?</a>)</div>
</main>
<footer><ul>${["About", "Help", "Contact", "Subscribe", "Copyright", "Privacy Policy", "Web Accessibility Assistance", "arXiv Operational Status"].map((l) => `<li><a href="${attr(site(ctx, `help/${l.toLowerCase().replace(/[^a-z]+/g, "-")}`))}">${esc(l)}</a></li>`).join("")}</ul><p>Demo mirror for the Daybrief test corpus; entries are our own summaries.</p></footer>
</body>
</html>
`;
}
