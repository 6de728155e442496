import { imageAltText } from "../../text/alt-text.ts";
import { parseFeedDate } from "../feed/dates.ts";
import { plainText } from "../html/sanitize.ts";
import { absoluteUrl } from "../url.ts";
import { readJsonLd } from "./json-ld.ts";

export type PageMetadata = {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  lang: string | null;
  /** The page's own summary (Open Graph or meta description), often its lead paragraph. */
  description: string | null;
  image: string | null;
  /** What the page says its image shows (og:image:alt, twitter:image:alt), only when it describes `image`. */
  imageAlt: string | null;
  canonical: string | null;
  /** What relative links in the body resolve against: the page's <base href> when it is a web URL, else its URL. */
  base: string | null;
};

/**
 * Reads what a page says about itself: schema.org JSON-LD first (publishers fill it carefully for search engines),
 * then Open Graph / article / Dublin Core meta tags, then visible markup (<time>, rel=author, <title>).
 */
export function readMetadata(document: Document, url: string | null): PageMetadata {
  const ld = readJsonLd(document);
  const meta = metaReader(document);
  const canonical = webUrl(
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta("og:url"),
    url,
  );
  const base =
    webUrl(document.querySelector("base[href]")?.getAttribute("href"), url) ?? webUrl(url, null) ?? canonical;
  const image = webUrl(ld.image ?? meta("og:image", "og:image:url", "twitter:image", "twitter:image:src"), base);
  const authorLink = document.querySelector(
    '[rel="author"], [itemprop="author"] [itemprop="name"], .byline [itemprop="name"]',
  );
  return {
    title: chooseTitle(
      [plainText(ld.headline), plainText(ld.name)],
      plainText(meta("og:title", "twitter:title", "dc.title")),
      plainText(document.querySelector("title")?.textContent),
    ),
    byline: cleanByline(
      ld.author ??
        plainText(meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")) ??
        plainText(authorLink?.textContent),
    ),
    published: parseFeedDate(ld.datePublished) ?? parseFeedDate(meta(...publishedNames)) ?? visibleDate(document),
    siteName: plainText(meta("og:site_name", "application-name")) ?? ld.publisher,
    description: plainText(meta("og:description", "description", "twitter:description")),
    lang: normaliseLang(
      document.documentElement?.getAttribute("lang") ?? meta("og:locale", "content-language", "language"),
    ),
    image,
    imageAlt: altOf(image, meta, base),
    canonical,
    base,
  };
}

/** The page's description of its image: og:image:alt for the Open Graph image, twitter:image:alt for Twitter's. */
function altOf(image: string | null, meta: (...names: string[]) => string | null, base: string | null): string | null {
  if (!image) return null;
  const described: Array<[string[], string]> = [
    [["og:image", "og:image:url"], "og:image:alt"],
    [["twitter:image", "twitter:image:src"], "twitter:image:alt"],
  ];
  for (const [names, alt] of described) {
    const text = webUrl(meta(...names), base) === image ? imageAltText(plainText(meta(alt))) : null;
    if (text) return text;
  }
  return null;
}

/**
 * The JSON-LD headline when the page's own title agrees with it (shares most of its words), since some sites put a
 * description there (Wikipedia); otherwise Open Graph, then <title>.
 */
function chooseTitle(ldTitles: (string | null)[], ogTitle: string | null, titleTag: string | null): string | null {
  const reference = [ogTitle, titleTag].filter((t): t is string => Boolean(t));
  const candidates = ldTitles.filter((t): t is string => Boolean(t));
  if (reference.length === 0) return candidates[0] ?? null;
  const agreeing = candidates.find((candidate) => reference.some((title) => sharesWords(candidate, title)));
  return agreeing ?? ogTitle ?? titleTag;
}

function sharesWords(candidate: string, title: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const known = new Set(words(title));
  const own = words(candidate);
  return own.length > 0 && own.filter((word) => known.has(word)).length >= own.length * 0.5;
}

const publishedNames = [
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
];

/** Looks meta tags up by property, name or itemprop (case-insensitive), reading the page's <meta> tags once. */
function metaReader(document: Document): (...names: string[]) => string | null {
  const contents = new Map<string, string>();
  for (const el of document.querySelectorAll("meta[content]")) {
    const content = el.getAttribute("content")?.trim();
    if (!content) continue;
    for (const attribute of ["property", "name", "itemprop"]) {
      const key = el.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !contents.has(key)) contents.set(key, content);
    }
  }
  return (...names) => {
    for (const name of names) {
      const content = contents.get(name.toLowerCase());
      if (content) return content;
    }
    return null;
  };
}

/** The date printed on the page: a <time> element's datetime, or its text when that is a date. */
function visibleDate(document: Document): string | null {
  const timeEl = document.querySelector("article time[datetime], time[datetime][itemprop], time[datetime]");
  const fromAttribute = parseFeedDate(timeEl?.getAttribute("datetime"));
  if (fromAttribute) return fromAttribute;
  const text = document.querySelector("article time, time")?.textContent?.replace(/\s+/g, " ").trim();
  return text && text.length <= 60 ? parseFeedDate(text) : null;
}

/**
 * A byline as a reader would write it: "View all posts by Jane Doe", "/ Jane Doe / 10:08 am Fri Jul 19" and
 * "Veröffentlicht von Jane Doe www.example.com" all become "Jane Doe". Null for a URL or nothing.
 */
export function cleanByline(value: string | null): string | null {
  if (!value) return null;
  const parts = value
    .replace(bylinePrefix, "")
    .split(/\s+[/|·•]\s+|^\s*[/|·•]\s*|\s*[/|·•]\s*$/)
    .map((part) => part.replace(/\s+(?:https?:\/\/|www\.)\S*/gi, "").trim())
    .filter((part) => part && !/\d/.test(part) && !/^(?:https?:\/\/|www\.)/i.test(part));
  const byline = parts.join(", ");
  return byline.length > 0 && byline.length <= 200 ? byline : null;
}

const bylinePrefix =
  /^\s*(?:view all posts by|all posts by|posts by|more by|published by|posted by|written by|veröffentlicht von|geschrieben von|ein beitrag von|publié par|écrit par|publicado por|escrito por|scritto da|by|von|par|por|di)\s*:?\s+/i;

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
