import type { Issue } from "../model/issue.ts";
import { newestFirst, renderArchiveIndex } from "./archive.ts";
import { cleanDocument } from "./escape.ts";
import { feedPaths, renderFeeds } from "./feeds.ts";
import { issuePagePath, type NavLink, type RenderOptions } from "./options.ts";
import { renderWebPage } from "./web.ts";

/** One file of a published site: its path under the site root and its text. */
export type SiteFile = { path: string; text: string };

export type SiteOptions = {
  /**
   * The issues as the file at `path` shows them: the demo points article links at its offline copies, relative to
   * each file. Default: unchanged.
   */
  forFile?: (issues: Issue[], path: string) => Issue[];
};

/** The archive index's path under the site root. */
export const archiveIndexPath = "archive/index.html";

/** The link to `other`'s page from the page of an issue (both under archive/): absolute under siteUrl. */
function pageLink(other: Issue, options: RenderOptions): NavLink {
  const base = options.siteUrl === null ? null : options.siteUrl.replace(/\/+$/, "");
  const path = issuePagePath(other);
  // Page-relative from archive/<edition>/: up to archive/, then down.
  return { title: other.title, url: base === null ? `../${path.replace(/^archive\//, "")}` : `${base}/${path}` };
}

/**
 * The previous (older) and next (newer) issue of the same edition, as an issue page links them.
 *
 * @example
 * const { previous, next } = neighboursOf(issue, allPublished, options);
 */
export function neighboursOf(
  issue: Issue,
  issues: Issue[],
  options: RenderOptions,
): { previous: NavLink | null; next: NavLink | null } {
  const same = newestFirst(issues.filter((i) => i.edition === issue.edition));
  const at = same.findIndex((i) => i.id === issue.id);
  const older = at >= 0 ? same[at + 1] : undefined;
  const newer = at > 0 ? same[at - 1] : undefined;
  return {
    previous: older ? pageLink(older, options) : null,
    next: newer ? pageLink(newer, options) : null,
  };
}

/**
 * The web archive of a set of issues, as files: one page per issue (archive/<edition>/<date>.html, linked to its
 * neighbours), the archive index, and the feeds (feed.xml, atom.xml, feed.json). `issue publish` and `demo` both
 * write this layout, and the web server serves the same renderings at the same paths.
 *
 * @example
 * for (const file of renderSite(issues, { siteName: "Daybrief", siteUrl: "https://brief.example.com" }))
 *   writeFileSync(join(out, file.path), file.text);
 */
export function renderSite(issues: Issue[], options: RenderOptions, site: SiteOptions = {}): SiteFile[] {
  const ordered = newestFirst(issues);
  const forFile = site.forFile ?? ((list: Issue[]) => list);
  const pages = ordered.map((issue) => {
    const path = issuePagePath(issue);
    const [shown] = forFile([issue], path) as [Issue];
    return {
      path,
      text: cleanDocument(renderWebPage(shown, { ...options, ...neighboursOf(issue, ordered, options) })),
    };
  });
  const feeds = renderFeeds(forFile(ordered, feedPaths.rss), options);
  return [
    ...pages,
    { path: archiveIndexPath, text: cleanDocument(renderArchiveIndex(ordered, options)) },
    { path: feedPaths.rss, text: feeds.rss },
    { path: feedPaths.atom, text: feeds.atom },
    { path: feedPaths.json, text: feeds.json },
  ];
}
