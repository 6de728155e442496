import { escapeHtml } from "./escape.ts";
import { type RenderOptions, resolveOptions } from "./options.ts";
import { themeFor } from "./theme.ts";
import { renderPage } from "./web-layout.ts";
import { webStyleSheet } from "./web-style.ts";

/**
 * A page of the site that is not an issue (subscribe, confirm, unsubscribe, preferences): the archive's look, top bar
 * and footer around `content`, which the caller has escaped. `robots: false` keeps it out of search engines.
 *
 * @example
 * renderSitePage(options, { title: "Subscribe", heading: "Subscribe", content: "<form …>" })
 */
export function renderSitePage(
  options: RenderOptions,
  page: { title: string; heading: string; lead?: string; content: string },
): string {
  const resolved = resolveOptions(options);
  const root = resolved.base ?? "";
  const archive = `${root}/archive/`;
  const subscribe = resolved.subscribeUrl ?? `${root}/subscribe`;
  const top = `<header class="db-top"><a class="db-home" href="${escapeHtml(archive)}">${escapeHtml(resolved.siteName)}</a><nav aria-label="Site"><a href="${escapeHtml(archive)}">Archive</a> · <a href="${escapeHtml(`${root}/feed.xml`)}">RSS</a> · <a href="${escapeHtml(subscribe)}">Subscribe</a></nav></header>`;
  const lead = page.lead ? `<p class="db-date">${escapeHtml(page.lead)}</p>` : "";
  const main = `<main class="db-main">\n<header class="db-mast db-mast-solo"><p class="db-kicker">${escapeHtml(resolved.siteName)}</p><h1 class="db-title">${escapeHtml(page.heading)}</h1>${lead}</header>\n<section class="db-s">${page.content}</section>\n</main>`;
  const end = `<footer class="db-end"><p class="db-foot"><strong>${escapeHtml(resolved.siteName)}</strong> · <a class="db-flink" href="${escapeHtml(archive)}">All issues</a></p></footer>`;
  return renderPage(
    {
      title: `${page.title} · ${resolved.siteName}`,
      description: null,
      canonical: null,
      feed: `${root}/feed.xml`,
      css: webStyleSheet(themeFor("archive", resolved.brandColor)),
      edition: "archive",
    },
    top,
    main,
    end,
  );
}
