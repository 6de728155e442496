import { generateAtomFeed, generateJsonFeed, generateRssFeed } from "feedsmith";
import type { Issue } from "../model/issue.ts";
import { newestFirst } from "./archive.ts";
import { parseDay } from "./dates.ts";
import { cleanDocument, cleanJson } from "./escape.ts";
import { htmlContext } from "./html-context.ts";
import { issuePagePath, type RenderOptions, type Resolved, resolveOptions } from "./options.ts";
import { partStyles } from "./parts.ts";
import { themeFor } from "./theme.ts";
import { renderSectionsHtml } from "./web.ts";

/** Where the demo and the web app publish the feeds, relative to the site root. */
export const feedPaths = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;

export type Feeds = { rss: string; atom: string; json: string };

type Entry = { issue: Issue; url: string; id: string; date: Date; content: string };

/**
 * A site path as feeds link it: under the base URL, or root-relative without one (readers resolve feed links
 * against the feed's or the channel's address, and "/archive/…" comes out right against either).
 */
function absolute(resolved: Resolved, path: string): string {
  return `${resolved.base ?? ""}/${path}`;
}

function entryOf(issue: Issue, resolved: Resolved): Entry {
  const theme = themeFor(issue.edition, resolved.brandColor);
  const ctx = htmlContext("web", theme, resolved, partStyles(theme, theme.light));
  const url = absolute(resolved, issuePagePath(issue));
  // When it was published; an issue never published (a demo's) is dated by its day. Never the time of this build.
  const date = parseDay(issue.publishedAt ?? "") ?? parseDay(issue.date) ?? new Date(0);
  return {
    issue,
    url,
    id: resolved.base ? url : `urn:daybrief:issue:${issue.id}`,
    date,
    content: renderSectionsHtml(ctx, issue),
  };
}

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of issues, newest first: each entry links to the issue's web page, with the
 * preheader as its summary and the page's sections as its HTML content.
 *
 * @example
 * const { rss } = renderFeeds(issues, { siteName: "Daybrief", siteUrl: "https://brief.example.com" });
 * writeFileSync(join(out, feedPaths.rss), rss);
 */
export function renderFeeds(issues: Issue[], options: RenderOptions): Feeds {
  const resolved = resolveOptions(options);
  const entries = newestFirst(issues).map((issue) => entryOf(issue, resolved));
  const home = absolute(resolved, "archive/");
  const title = resolved.siteName;
  const description = `Every issue of ${resolved.siteName}, newest first.`;
  const updated = new Date(Math.max(0, ...entries.map((e) => e.date.getTime())));

  const rss = generateRssFeed({
    title,
    link: home,
    description,
    language: "en",
    lastBuildDate: updated,
    atom: { links: [{ href: absolute(resolved, feedPaths.rss), rel: "self", type: "application/rss+xml" }] },
    items: entries.map((e) => ({
      title: e.issue.title,
      link: e.url,
      guid: { value: e.id, isPermaLink: resolved.base !== null && resolved.base !== "" },
      pubDate: e.date,
      description: e.issue.preheader,
      categories: [{ name: e.issue.editionName }],
      content: { encoded: e.content },
    })),
  });

  const atom = generateAtomFeed({
    id: resolved.base ? home : "urn:daybrief:archive",
    title: { value: title },
    subtitle: { value: description },
    updated,
    links: [
      { href: home, rel: "alternate", type: "text/html" },
      { href: absolute(resolved, feedPaths.atom), rel: "self", type: "application/atom+xml" },
    ],
    authors: [{ name: resolved.siteName }],
    entries: entries.map((e) => ({
      id: e.id,
      title: { value: e.issue.title },
      updated: e.date,
      published: e.date,
      links: [{ href: e.url, rel: "alternate", type: "text/html" }],
      summary: { value: e.issue.preheader },
      content: { value: e.content, type: "html" },
      categories: [{ term: e.issue.edition, label: e.issue.editionName }],
    })),
  });

  const json = generateJsonFeed({
    title,
    home_page_url: home,
    feed_url: absolute(resolved, feedPaths.json),
    description,
    language: "en",
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.issue.title,
      summary: e.issue.preheader,
      content_html: e.content,
      date_published: e.date,
      tags: [e.issue.editionName],
    })),
  });

  // Titles and preheaders go in as they are: the documents are cleaned whole (no raw ESC makes the XML invalid).
  return { rss: cleanDocument(rss), atom: cleanDocument(atom), json: `${cleanJson(json)}\n` };
}
