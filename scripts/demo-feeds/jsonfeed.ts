// JSON Feed 1.1 (authors array, language; pretty-printed) and 1.0 (author object, +01:00 dates; minified).
import { rfc3339 } from "../demo-lib/dates.ts";
import type { FeedContext } from "../demo-lib/site.ts";
import { contentHtml, numericId } from "./common.ts";

interface JsonAuthor {
  name: string;
  url?: string;
  avatar?: string;
}

interface JsonItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  image: string;
  date_published: string;
  date_modified?: string;
  authors?: JsonAuthor[];
  author?: JsonAuthor;
  tags: string[];
  language?: string;
}

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon: string;
  favicon: string;
  language?: string;
  authors?: JsonAuthor[];
  author?: JsonAuthor;
  items: JsonItem[];
}

export function jsonFeed11(ctx: FeedContext, opts: { description: string }): string {
  const feed: JsonFeed = {
    version: "https://jsonfeed.org/version/1.1",
    title: ctx.source.name,
    home_page_url: ctx.siteUrl,
    feed_url: ctx.feedUrl,
    description: opts.description,
    icon: `${ctx.siteUrl}img/logo.svg`,
    favicon: `${ctx.siteUrl}img/logo.svg`,
    language: "en",
    authors: [{ name: "Model Notes editors", url: `${ctx.siteUrl}about/` }],
    items: ctx.entries.map((e) => {
      const item: JsonItem = {
        id: e.url,
        url: e.url,
        title: e.item.title,
        content_html: contentHtml(ctx, e),
        summary: e.item.summary,
        image: e.imageUrl,
        date_published: rfc3339(e.item.published),
        authors: [{ name: e.item.author }],
        tags: e.item.categories,
        language: "en",
      };
      if (e.item.updated !== undefined) item.date_modified = rfc3339(e.item.updated);
      return item;
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

export function jsonFeed10(ctx: FeedContext, opts: { description: string; owner: string }): string {
  const feed: JsonFeed = {
    version: "https://jsonfeed.org/version/1",
    title: ctx.source.name,
    home_page_url: ctx.siteUrl,
    feed_url: ctx.feedUrl,
    description: opts.description,
    icon: `${ctx.siteUrl}img/logo.svg`,
    favicon: `${ctx.siteUrl}img/logo.svg`,
    author: { name: opts.owner, url: ctx.siteUrl },
    items: ctx.entries.map((e) => {
      const item: JsonItem = {
        id: String(numericId(e.item.slug, 180000000, 9000000)),
        url: e.url,
        title: e.item.title,
        content_html: contentHtml(ctx, e),
        summary: e.item.summary,
        image: e.imageUrl,
        date_published: rfc3339(e.item.published, 60),
        author: { name: e.item.author },
        tags: e.item.categories,
      };
      if (e.item.updated !== undefined) item.date_modified = rfc3339(e.item.updated, 60);
      return item;
    }),
  };
  return `${JSON.stringify(feed)}\n`;
}
