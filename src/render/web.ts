import type { Issue, Section } from "../model/issue.ts";
import { escapeHtml, safeUrl } from "./escape.ts";
import { type HtmlContext, htmlContext, link } from "./html-context.ts";
import { renderMasthead, renderSection } from "./html-sections.ts";
import {
  archiveIndexUrl,
  feedUrlFrom,
  issuePagePath,
  type RenderOptions,
  resolveOptions,
  webVersionUrl,
} from "./options.ts";
import { partStyles } from "./parts.ts";
import { themeFor } from "./theme.ts";
import { renderPage } from "./web-layout.ts";
import { webStyleSheet } from "./web-style.ts";

function webContext(issue: Issue, options: RenderOptions): HtmlContext {
  const resolved = resolveOptions({ ...options, pagePath: options.pagePath ?? issuePagePath(issue) });
  const theme = themeFor(issue.edition, resolved.brandColor);
  return htmlContext("web", theme, resolved, partStyles(theme, theme.light));
}

function neighbour(rel: "prev" | "next", url: string | undefined, text: string): string {
  const href = safeUrl(url);
  return href ? `<a rel="${rel}" href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : "";
}

function sectionClass(ctx: HtmlContext, section: Section): string {
  if (section.kind === "intro") return "db-s db-s-intro";
  return ctx.theme.panelKinds.includes(section.kind) ? "db-s db-s-panel" : "db-s";
}

/** The sections as semantic HTML with class names only: the web page's article, a feed entry's content. */
export function renderSectionsHtml(ctx: HtmlContext, issue: Issue): string {
  return issue.sections
    .map((s) => `<section class="${sectionClass(ctx, s)}" id="${escapeHtml(s.id)}">${renderSection(ctx, s)}</section>`)
    .join("\n");
}

/** The issue's content (masthead and sections) without page chrome: what feeds carry and the text renderer reads. */
export function renderIssueBody(issue: Issue, options: RenderOptions): string {
  const ctx = webContext(issue, options);
  return `<header class="db-mast">${renderMasthead(ctx, issue)}</header>\n${renderSectionsHtml(ctx, issue)}`;
}

/**
 * The issue's page in the web archive: a standalone, responsive HTML5 document with the same sections as the
 * email, a link back to the archive and to the neighbouring issues when given.
 *
 * @example
 * writeFileSync(join(out, issuePagePath(issue)), renderWebPage(issue, { siteName: "Daybrief", siteUrl: null }));
 */
export function renderWebPage(issue: Issue, options: RenderOptions): string {
  const ctx = webContext(issue, options);
  const { options: resolved } = ctx;
  const archive = archiveIndexUrl(resolved, issuePagePath(issue));
  const feed = feedUrlFrom(resolved, issuePagePath(issue));
  const subscribe = resolved.subscribeUrl ? ` · ${link(ctx, "flink", resolved.subscribeUrl, "Subscribe")}` : "";
  const top = `<header class="db-top"><a class="db-home" href="${escapeHtml(archive)}">${escapeHtml(resolved.siteName)}</a><nav aria-label="Site"><a href="${escapeHtml(archive)}">Archive</a> · <a href="${escapeHtml(feed)}">RSS</a>${subscribe}</nav></header>`;
  const main = `<main class="db-main"><article>\n<header class="db-mast">${renderMasthead(ctx, issue)}</header>\n${renderSectionsHtml(ctx, issue)}\n</article></main>`;
  const previous = neighbour("prev", resolved.previous?.url, `← ${resolved.previous?.title ?? ""}`);
  const next = neighbour("next", resolved.next?.url, `${resolved.next?.title ?? ""} →`);
  const pn =
    previous || next ? `<nav class="db-pn" aria-label="More issues">${previous || "<span></span>"}${next}</nav>\n` : "";
  const tips = resolved.tipsUrl ? ` · ${link(ctx, "flink", resolved.tipsUrl, "Send a tip")}` : "";
  const end = `${pn}<footer class="db-end"><p class="db-foot"><strong>${escapeHtml(resolved.siteName)}</strong> · ${escapeHtml(issue.editionName)} · <a class="db-flink" href="${escapeHtml(archive)}">All issues</a>${subscribe}${tips}</p></footer>`;
  return renderPage(
    {
      title: `${issue.title} — ${issue.editionName}`,
      description: issue.preheader,
      canonical: webVersionUrl(issue, resolved),
      feed,
      css: webStyleSheet(ctx.theme),
      edition: issue.edition,
    },
    top,
    main,
    end,
  );
}
