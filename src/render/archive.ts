import type { Issue } from "../model/issue.ts";
import { formatMonth, formatShortDate } from "./dates.ts";
import { escapeHtml } from "./escape.ts";
import { feedUrlFrom, issuePagePath, type RenderOptions, resolveOptions } from "./options.ts";
import { themeFor } from "./theme.ts";
import { renderPage } from "./web-layout.ts";
import { webStyleSheet } from "./web-style.ts";

export type ArchiveEntry = Pick<Issue, "id" | "edition" | "editionName" | "date" | "title" | "preheader">;

/** Newest day first; on one day, editions in name order. */
export function newestFirst<T extends Pick<Issue, "date" | "edition">>(issues: T[]): T[] {
  return [...issues].sort((a, b) =>
    a.date === b.date ? a.edition.localeCompare(b.edition) : a.date < b.date ? 1 : -1,
  );
}

/**
 * The archive's index page (archive/index.html): every issue, newest first, grouped by month, each linking to its
 * page. With a siteUrl the links are absolute; without one they are relative to archive/, so the folder works
 * from disk.
 *
 * @example
 * writeFileSync(join(out, "archive/index.html"), renderArchiveIndex(issues, { siteName: "Daybrief", siteUrl: null }));
 */
export function renderArchiveIndex(issues: ArchiveEntry[], options: RenderOptions): string {
  const resolved = resolveOptions(options);
  const theme = themeFor("archive", resolved.brandColor);
  const href = (issue: ArchiveEntry) =>
    resolved.base === null
      ? issuePagePath(issue).replace(/^archive\//, "")
      : `${resolved.base}/${issuePagePath(issue)}`;
  const months = new Map<string, ArchiveEntry[]>();
  for (const issue of newestFirst(issues)) {
    const month = formatMonth(issue.date);
    months.set(month, [...(months.get(month) ?? []), issue]);
  }
  const groups = [...months].map(([month, list]) => {
    const entries = list.map(
      (issue) =>
        `<li class="db-entry"><p class="db-meta"><span class="db-badge">${escapeHtml(issue.editionName)}</span> <time datetime="${escapeHtml(issue.date)}">${escapeHtml(formatShortDate(issue.date))}</time></p>` +
        `<h3 class="db-h3"><a href="${escapeHtml(href(issue))}">${escapeHtml(issue.title)}</a></h3>` +
        (issue.preheader ? `<p class="db-intro">${escapeHtml(issue.preheader)}</p>` : "") +
        "</li>",
    );
    return `<section class="db-s"><h2 class="db-h2">${escapeHtml(month)}</h2><ul class="db-list">${entries.join("")}</ul></section>`;
  });
  const empty = issues.length === 0 ? `<section class="db-s"><p class="db-empty">No issues yet.</p></section>` : "";
  const feed = feedUrlFrom(resolved, "archive/index.html");
  const home = resolved.base === null ? "index.html" : `${resolved.base}/archive/`;
  const top = `<header class="db-top"><a class="db-home" href="${escapeHtml(home)}">${escapeHtml(resolved.siteName)}</a><nav><a href="${escapeHtml(feed)}">RSS</a></nav></header>`;
  const mast = `<header class="db-mast db-mast-solo"><p class="db-kicker">${escapeHtml(resolved.siteName)}</p><h1 class="db-title">Archive</h1><p class="db-date">${issues.length} ${issues.length === 1 ? "issue" : "issues"}, newest first.</p></header>`;
  const main = `<main class="db-main">\n${mast}\n${groups.join("\n")}${empty}\n</main>`;
  const end = `<footer class="db-end"><p class="db-foot"><strong>${escapeHtml(resolved.siteName)}</strong> · <a class="db-flink" href="${escapeHtml(feed)}">Subscribe by RSS</a></p></footer>`;
  const canonical = resolved.base ? `${resolved.base}/archive/` : null;
  return renderPage(
    {
      title: `${resolved.siteName} — Archive`,
      description: `Every issue of ${resolved.siteName}.`,
      canonical,
      feed,
      css: webStyleSheet(theme),
      edition: "archive",
    },
    top,
    main,
    end,
  );
}
