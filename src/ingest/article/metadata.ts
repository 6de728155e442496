import { parseFeedDate } from "../feed/dates.ts";
import { plainText } from "../html/sanitize.ts";
import { absoluteUrl } from "../url.ts";

export type PageMetadata = {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  lang: string | null;
  /** The page's own summary (Open Graph or meta description), often its lead paragraph. */
  description: string | null;
  image: string | null;
  canonical: string | null;
  /** What relative links in the body resolve against: the page's <base href> when it is a web URL, else its URL. */
  base: string | null;
};

type Doc = Document;

/**
 * Reads what a page says about itself: schema.org JSON-LD first (publishers fill it carefully for search engines),
 * then Open Graph / article / Dublin Core meta tags, then visible markup (<time>, rel=author, <title>).
 */
export function readMetadata(document: Doc, url: string | null): PageMetadata {
  const ld = readJsonLd(document);
  const meta = (...names: string[]) => {
    for (const name of names) {
      const el = document.querySelector(
        `meta[property="${name}" i], meta[name="${name}" i], meta[itemprop="${name}" i]`,
      );
      const content = el?.getAttribute("content")?.trim();
      if (content) return content;
    }
    return null;
  };
  const timeEl = document.querySelector("article time[datetime], time[datetime][itemprop], time[datetime]");
  const published =
    parseFeedDate(ld.datePublished) ??
    parseFeedDate(
      meta(
        "article:published_time",
        "og:published_time",
        "datePublished",
        "publish-date",
        "pubdate",
        "date",
        "dc.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
      ),
    ) ??
    parseFeedDate(timeEl?.getAttribute("datetime"));
  const authorLink = document.querySelector(
    '[rel="author"], [itemprop="author"] [itemprop="name"], .byline [itemprop="name"]',
  );
  const byline =
    ld.author ??
    plainText(meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")) ??
    plainText(authorLink?.textContent);
  const titleTag = plainText(document.querySelector("title")?.textContent);
  const canonical = webUrl(
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta("og:url"),
    url,
  );
  const base =
    webUrl(document.querySelector("base[href]")?.getAttribute("href"), url) ?? webUrl(url, null) ?? canonical;
  return {
    title: plainText(ld.headline) ?? plainText(meta("og:title", "twitter:title", "dc.title")) ?? titleTag,
    byline: byline && !/^https?:\/\//.test(byline) ? byline : null,
    published,
    siteName: plainText(meta("og:site_name", "application-name")) ?? ld.publisher,
    description: plainText(meta("og:description", "description", "twitter:description")),
    lang: normaliseLang(
      document.documentElement?.getAttribute("lang") ?? meta("og:locale", "content-language", "language"),
    ),
    image: webUrl(ld.image ?? meta("og:image", "og:image:url", "twitter:image", "twitter:image:src"), base),
    canonical,
    base,
  };
}

/** An absolute http(s) URL, or null: a page may not smuggle javascript: or data: URLs into the model. */
function webUrl(href: string | null | undefined, base: string | null): string | null {
  const absolute = absoluteUrl(href?.slice(0, 4096), base);
  return absolute && /^https?:\/\//i.test(absolute) ? absolute : null;
}

function normaliseLang(value: string | null | undefined): string | null {
  if (!value) return null;
  const tag = value.trim().replace(/_/g, "-");
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag) ? tag : null;
}
