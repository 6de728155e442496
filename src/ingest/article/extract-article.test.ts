import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DaybriefError } from "../../errors.ts";
import { extractArticle } from "./extract-article.ts";

const url = "https://news.example.com/2025/12/01/chip-deal";

/** Three paragraphs of running text, long enough for any extractor to take them for an article. */
const story = [
  "The chipmaker agreed on Monday to buy a stake in the design-software company, its largest investment in a supplier so far this year.",
  "Analysts said the deal gives the buyer early access to tools its engineers already rely on, and a say in how those tools develop over the next decade.",
  "Regulators in two countries are expected to review the agreement, which both companies hope to close before the end of the first quarter of next year.",
];
const storyHtml = story.map((p) => `<p>${p}</p>`).join("\n");

function page(options: { head?: string; body: string; lang?: string }): string {
  const lang = options.lang ? ` lang="${options.lang}"` : "";
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><title>Chip deal | Example News</title>${options.head ?? ""}</head><body>${options.body}</body></html>`;
}

function extractError(input: string | Uint8Array): DaybriefError {
  try {
    extractArticle(input, { url });
  } catch (error) {
    expect(error).toBeInstanceOf(DaybriefError);
    return error as DaybriefError;
  }
  throw new Error("extractArticle did not throw");
}

describe("extractArticle metadata", () => {
  const jsonLd = `<script type="application/ld+json">${JSON.stringify({
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: "Example News" },
      {
        "@type": "NewsArticle",
        headline: "Chipmaker buys stake in design-software firm",
        datePublished: "2025-12-01T09:30:00+01:00",
        author: [
          { "@type": "Person", name: "Priya Raman" },
          { "@type": "Person", name: "Tom Okafor" },
        ],
        image: { "@type": "ImageObject", url: "/images/lead.jpg" },
      },
    ],
  })}</script>`;
  const openGraph = `<meta property="og:title" content="Chipmaker buys design-software stake"><meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2025-11-30T08:00:00Z"><meta name="author" content="OG Author">
    <meta property="og:image" content="https://cdn.example.com/og.jpg"><meta property="og:locale" content="de_DE">`;

  it("prefers JSON-LD over Open Graph for headline, date, authors and image", () => {
    const article = extractArticle(page({ head: openGraph + jsonLd, body: `<article>${storyHtml}</article>` }), {
      url,
    });
    expect(article.title).toBe("Chipmaker buys stake in design-software firm");
    expect(article.published).toBe("2025-12-01T08:30:00Z");
    expect(article.byline).toBe("Priya Raman, Tom Okafor");
    expect(article.image).toBe("https://news.example.com/images/lead.jpg");
    expect(article.siteName).toBe("Example News");
  });

  it("falls back to Open Graph and meta tags, with the locale as the language", () => {
    const article = extractArticle(page({ head: openGraph, body: `<article>${storyHtml}</article>` }), { url });
    expect(article).toMatchObject({
      title: "Chipmaker buys design-software stake",
      published: "2025-11-30T08:00:00Z",
      byline: "OG Author",
      image: "https://cdn.example.com/og.jpg",
      lang: "de-DE",
    });
  });

  it("keeps og:image:alt with the Open Graph image, cleaned and bounded, and not for another image", () => {
    const alt = `<meta property="og:image:alt" content="Two &lt;b&gt;engineers&lt;/b&gt;\u001b[31m at a\u202e wafer probe ${"station ".repeat(40)}">`;
    const og = extractArticle(page({ head: openGraph + alt, body: `<article>${storyHtml}</article>` }), { url });
    expect(og.image).toBe("https://cdn.example.com/og.jpg");
    expect(og.imageAlt?.startsWith("Two engineers at a wafer probe station station")).toBe(true);
    expect(og.imageAlt).not.toMatch(/[\u0000-\u001f\u202a-\u202e<>]/);
    expect(og.imageAlt?.length).toBeLessThanOrEqual(160);
    // The JSON-LD image wins, and the page says nothing of what it shows.
    const ld = extractArticle(page({ head: openGraph + alt + jsonLd, body: `<article>${storyHtml}</article>` }), {
      url,
    });
    expect(ld.image).toBe("https://news.example.com/images/lead.jpg");
    expect(ld.imageAlt).toBeNull();
  });

  it("prefers the page's own title when the JSON-LD headline is a description", () => {
    const ld = `<script type="application/ld+json">{"@type":"Article","name":"Stochastic neighbour embedding","headline":"technique for dimensionality reduction"}</script>`;
    const head = `${ld}<meta property="og:title" content="Stochastic neighbour embedding - Encyclopedia">`;
    expect(extractArticle(page({ head, body: storyHtml }), { url }).title).toBe("Stochastic neighbour embedding");
  });

  it("reads the visible dateline and byline when the page has no metadata", () => {
    const body = `<article><h1>Chip deal</h1><p class="byline">By <a rel="author" href="/staff/jane">Jane Doe</a></p>
      <time datetime="2025-12-02T14:05:00Z">2 December 2025</time>${storyHtml}</article>`;
    const article = extractArticle(page({ body, lang: "en-GB" }), { url });
    expect(article.published).toBe("2025-12-02T14:05:00Z");
    expect(article.byline).toBe("Jane Doe");
    expect(article.lang).toBe("en-GB");
    expect(article.title).toBe("Chip deal | Example News");
    expect(article.image).toBeNull();
  });

  it("cleans bylines that carry labels, dates or addresses", () => {
    const head = `<meta name="author" content="/ Jane Doe / 10:08 am Fri Jul 19, 2013">`;
    expect(extractArticle(page({ head, body: storyHtml }), { url }).byline).toBe("Jane Doe");
    const link = `<a rel="author" href="/jane">View all posts by Jane Doe</a>`;
    expect(extractArticle(page({ body: link + storyHtml }), { url }).byline).toBe("Jane Doe");
  });

  it("makes the lead image absolute and refuses script URLs", () => {
    const relative = `<meta property="og:image" content="../img/lead.png">`;
    expect(extractArticle(page({ head: relative, body: storyHtml }), { url }).image).toBe(
      "https://news.example.com/2025/12/img/lead.png",
    );
    const hostile = `<meta property="og:image" content="javascript:alert(1)">`;
    expect(extractArticle(page({ head: hostile, body: storyHtml }), { url }).image).toBeNull();
  });
});

describe("extractArticle body", () => {
  it("returns the paragraphs separated by blank lines, without the repeated headline", () => {
    const body = `<main><article><h1>Chipmaker buys stake in design-software firm</h1>${storyHtml}</article></main>`;
    const head = `<meta property="og:title" content="Chipmaker buys stake in design-software firm">`;
    expect(extractArticle(page({ head, body }), { url }).text).toBe(story.join("\n\n"));
  });

  it("removes captions, share bars, newsletter boxes, related links, comments, cookie banners and ads", () => {
    const body = `
      <div id="cookie-banner">This site uses cookies to improve your experience. Accept all cookies</div>
      <nav class="site-nav"><a href="/">Home</a> <a href="/tech">Tech</a></nav>
      <article>
        <h1>Chip deal</h1>
        <div class="share-bar"><a href="#">Share on X</a> | <a href="#">Copy link</a></div>
        <figure><img src="/a.jpg" alt=""><figcaption>The company's headquarters. Photo: Jane Roe</figcaption></figure>
        <p>${story[0]}</p>
        <div class="ad-slot">Advertisement</div>
        <p>${story[1]}</p>
        <div class="newsletter-signup"><p>Get the daily briefing in your inbox. Sign up now, it is free.</p></div>
        <p>${story[2]}</p>
        <aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Another chip story</a></li></ul></aside>
        <p>Read more: <a href="/y">Why chip design tools matter</a></p>
      </article>
      <section id="comments"><h2>3 comments</h2><p>Great article, thanks for writing it up so clearly for all of us!</p></section>
      <footer>© 2025 Example News. All rights reserved.</footer>`;
    const text = extractArticle(page({ body }), { url }).text;
    expect(text).toBe(story.join("\n\n"));
  });

  it("keeps tables and lists that belong to the article", () => {
    const body = `<article>${storyHtml}
      <p>The three largest shareholders after the deal:</p>
      <table><tr><th>Holder</th><th>Stake</th></tr><tr><td>Chipmaker</td><td>7%</td></tr><tr><td>Founders</td><td>5%</td></tr></table>
      <p>What the companies promised regulators, in the filing's own order:</p>
      <ul><li>No exclusive licences for the design tools.</li><li>Equal access for rival chipmakers.</li></ul>
      </article>`;
    const text = extractArticle(page({ body }), { url }).text;
    expect(text).toContain("Holder | Stake\n\nChipmaker | 7%\n\nFounders | 5%");
    expect(text).toContain("No exclusive licences for the design tools.\n\nEqual access for rival chipmakers.");
  });

  it("keeps the prose of a page whose class names look like boilerplate", () => {
    const body = `<div class="sidebar-layout"><div class="TestReport__Section--Ads share-results">${storyHtml}</div>
      <div class="ad">Buy one, get one free</div></div>`;
    const text = extractArticle(page({ body }), { url }).text;
    expect(text).toBe(story.join("\n\n"));
  });

  it("removes teaser cards for other stories and the links at the end, but keeps a cited source", () => {
    const body = `<article><p>${story[0]}</p>
      <div class="box"><div class="label">Read also</div><div class="card"><h3><a href="/2025/other">Another story</a></h3>
        <p>A short blurb about the other story.</p></div></div>
      <p>${story[1]}</p><p>${story[2]}</p><p>Source: <a href="https://agency.example.org/report">the agency's report</a></p>
      <h4>Most popular</h4><p><a href="/a">First popular story</a></p><p><a href="/b">Second popular story</a></p>
      </article>`;
    expect(extractArticle(page({ body }), { url }).text).toBe([...story, "Source: the agency's report"].join("\n\n"));
  });

  it("keeps only the story headed by the page title on an infinite-scroll page", () => {
    const other = story.map((p) => `<p>Another story. ${p}</p>`).join("");
    const body = `<article><h1>Chip deal</h1>${storyHtml}</article><article><h1>Next story entirely</h1>${other}${other}</article>`;
    const head = `<meta property="og:title" content="Chip deal">`;
    const text = extractArticle(page({ head, body }), { url }).text;
    expect(text).toBe(story.join("\n\n"));
  });

  it("recovers the lead printed beside the headline", () => {
    const lead = "A stake worth two billion dollars ties the chipmaker to its most important supplier.";
    const head = `<meta property="og:description" content="${lead}">`;
    const body = `<header class="article-head"><h1>Chip deal</h1><p class="standfirst">${lead}</p></header>
      <div class="article-body">${storyHtml}</div>`;
    expect(extractArticle(page({ head, body }), { url }).text).toBe([lead, ...story].join("\n\n"));
  });

  it("drops date and author lines in any of the usual languages", () => {
    const body = `<article><p>By Jane Doe and John Smith | Reuters</p><p>Veröffentlicht am 3. Dezember 2025</p>
      <p>Mon, 1 Dec 2025 09:05</p>${storyHtml}<p>Par Jean Dupont</p></article>`;
    expect(extractArticle(page({ body }), { url }).text).toBe(story.join("\n\n"));
  });

  it("decodes a windows-1252 page from bytes using its meta charset", () => {
    const html = `<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>
      <p>The café’s owner said “we were surprised” – and then reopened the terrace for the whole winter season.</p>
      ${storyHtml}</article></body></html>`;
    const bytes = iconv.encode(html, "windows-1252");
    expect(bytes.includes(0x93)).toBe(true);
    const article = extractArticle(bytes, { url });
    expect(article.title).toBe("Café");
    expect(article.text).toContain("The café’s owner said “we were surprised” – and then");
  });

  it("refuses documents that are not HTML", () => {
    expect(extractError("Just some plain text without any markup at all.").code).toBe("E_ARTICLE_NOT_HTML");
    expect(extractError(new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>")).code).toBe(
      "E_ARTICLE_NOT_HTML",
    );
  });

  it("fails with E_ARTICLE_EXTRACT when the page has no text", () => {
    expect(extractError("<html><head><title>Empty</title></head><body></body></html>").code).toBe("E_ARTICLE_EXTRACT");
    expect(extractError("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>").code).toBe(
      "E_ARTICLE_EXTRACT",
    );
  });

  it("returns sanitised HTML with absolute links", () => {
    const body = `<article><p onclick="steal()">${story[0]} <a href="/more" onmouseover="x()">More</a></p>
      <p>${story[1]}<script>alert(1)</script></p><p><a href="javascript:alert(2)">${story[2]}</a></p></article>`;
    const { html } = extractArticle(page({ body }), { url });
    expect(html).toContain('<a href="https://news.example.com/more">More</a>');
    expect(html).not.toMatch(/<script|onclick|onmouseover|javascript:/i);
  });
});
