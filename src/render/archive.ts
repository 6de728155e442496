import type { Issue } from "../model/issue.ts";
import { formatMonth, formatShortDate } from "./dates.ts";
import { escapeHtml } from "./escape.ts";
import { feedUrlFrom, issuePagePath, type RenderOptions, resolveOptions } from "./options.ts";
import { themeFor } from "./theme.ts";
import { renderPage } from "./web-layout.ts";
import { webStyleSheet } from "./web-style.ts";

export type ArchiveEntry = Pick<Issue, "id" | "edition" | "editionName" | "date" | "title" | "preheader">;

/**
 * A page of the archive as a web server shows it: a search form (GET, no script), the edition filter and links to the
 * neighbouring pages. The static archive has none of these: it lists every issue on one page.
 */
export type ArchiveView = {
  /** Where the search form is sent ("/"). */
  action: string;
  search: string;
  edition: string | null;
  editions: Array<{ id: string; name: string }>;
  page: number;
  pages: number;
  /** Issues matching the search and filter, over all pages. */
  total: number;
  /** The URL of another page of the same search. */
  pageUrl: (page: number) => string;
};

/** Newest day first; on one day, editions in name order. */
export function newestFirst<T extends Pick<Issue, "date" | "edition">>(issues: T[]): T[] {
  return [...issues].sort((a, b) =>
    a.date === b.date ? a.edition.localeCompare(b.edition) : a.date < b.date ? 1 : -1,
  );
}

function searchForm(view: ArchiveView): string {
  const options = [{ id: "", name: "Every edition" }, ...view.editions]
    .map(
      (e) =>
        `<option value="${escapeHtml(e.id)}"${(view.edition ?? "") === e.id ? " selected" : ""}>${escapeHtml(e.name)}</option>`,
    )
    .join("");
  return `<section class="db-s"><form class="db-form db-search" method="get" action="${escapeHtml(view.action)}" role="search"><div><label for="db-q">Search the archive</label><input type="search" id="db-q" name="q" maxlength="100" value="${escapeHtml(view.search)}"></div><div><label for="db-edition">Edition</label><select id="db-edition" name="edition">${options}</select></div><button class="db-button" type="submit">Search</button></form></section>`;
}

function pager(view: ArchiveView): string {
  if (view.pages <= 1) return "";
  const newer =
    view.page > 1
      ? `<a rel="prev" href="${escapeHtml(view.pageUrl(view.page - 1))}">← Newer issues</a>`
      : "<span></span>";
  const older =
    view.page < view.pages
      ? `<a rel="next" href="${escapeHtml(view.pageUrl(view.page + 1))}">Older issues →</a>`
      : "<span></span>";
  return `<nav class="db-s db-pager" aria-label="Archive pages">${newer}<span class="db-help">Page ${view.page} of ${view.pages}</span>${older}</nav>`;
}

function mastLine(count: number, view: ArchiveView | undefined): string {
  const issues = (n: number) => `${n} ${n === 1 ? "issue" : "issues"}`;
  if (!view) return `${issues(count)}, newest first.`;
  const filtered = view.search || view.edition;
  return filtered ? `${issues(view.total)} found, newest first.` : `${issues(view.total)}, newest first.`;
}

/**
 * The archive's index page (archive/index.html): every issue, newest first, grouped by month, each linking to its
 * page. With a siteUrl the links are absolute; without one they are relative to archive/, so the folder works
 * from disk. With a view, one page of a search as the web server shows it (see ArchiveView).
 *
 * @example
 * writeFileSync(join(out, "archive/index.html"), renderArchiveIndex(issues, { siteName: "Daybrief", siteUrl: null }));
 */
export function renderArchiveIndex(issues: ArchiveEntry[], options: RenderOptions, view?: ArchiveView): string {
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
  const none = view?.search || view?.edition ? "No issue matches this search." : "No issues yet.";
  const empty = issues.length === 0 ? `<section class="db-s"><p class="db-empty">${none}</p></section>` : "";
  const feed = feedUrlFrom(resolved, "archive/index.html");
  const home = resolved.base === null ? "index.html" : `${resolved.base}/archive/`;
  const subscribe = resolved.subscribeUrl ? ` · <a href="${escapeHtml(resolved.subscribeUrl)}">Subscribe</a>` : "";
  const top = `<header class="db-top"><a class="db-home" href="${escapeHtml(home)}">${escapeHtml(resolved.siteName)}</a><nav aria-label="Site"><a href="${escapeHtml(feed)}">RSS</a>${subscribe}</nav></header>`;
  const mast = `<header class="db-mast db-mast-solo"><p class="db-kicker">${escapeHtml(resolved.siteName)}</p><h1 class="db-title">Archive</h1><p class="db-date">${mastLine(issues.length, view)}</p></header>`;
  const search = view ? searchForm(view) : "";
  const pages = view ? pager(view) : "";
  const main = `<main class="db-main">\n${mast}\n${search}${groups.join("\n")}${empty}${pages}\n</main>`;
  const end = `<footer class="db-end"><p class="db-foot"><strong>${escapeHtml(resolved.siteName)}</strong> · <a class="db-flink" href="${escapeHtml(feed)}">Subscribe by RSS</a>${subscribe}</p></footer>`;
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
