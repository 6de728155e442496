/**
 * Render stage: one issue model in, every format out. `renderers` maps each per-issue format to its renderer;
 * the archive index and the feeds cover many issues and have functions of their own.
 */
import type { Issue } from "../model/issue.ts";
import { renderArchiveIndex as archiveIndex } from "./archive.ts";
import { renderEmail } from "./email.ts";
import { cleanDocument } from "./escape.ts";
import { renderMarkdown } from "./markdown.ts";
import type { RenderOptions } from "./options.ts";
import { renderText } from "./text.ts";
import { renderWebPage } from "./web.ts";

export type { ArchiveEntry, ArchiveView } from "./archive.ts";
export { escapeHtml } from "./escape.ts";
export { type Feeds, feedPaths, renderFeeds } from "./feeds.ts";
export { issuePagePath, issueUrl, type NavLink, type RenderOptions } from "./options.ts";
export { archiveIndexPath, neighboursOf, renderSite, type SiteFile } from "./site.ts";
export { renderSitePage } from "./site-page.ts";
export { renderIssueBody } from "./web.ts";

/** html: the email (MJML); text: its plain-text part; md: Markdown; web: the issue's archive page. */
export type Format = "html" | "text" | "md" | "web";

export type Renderer = (issue: Issue, options: RenderOptions) => Promise<string> | string;

/**
 * @example
 * const html = await renderers.html(issue, { siteName: "Daybrief", siteUrl: "https://brief.example.com" });
 * const text = await renderers.text(issue, options);
 */
export const renderers: Record<Format, Renderer> = {
  html: cleaned(renderEmail),
  text: cleaned(renderText),
  md: cleaned(renderMarkdown),
  web: cleaned(renderWebPage),
};

/** The archive index page (archive.ts), cleaned like every issue format. */
export const renderArchiveIndex: typeof archiveIndex = (issues, options, view) =>
  cleanDocument(archiveIndex(issues, options, view));

/** A renderer whose output is passed through `cleanDocument`: no control character reaches any format. */
function cleaned(render: Renderer): Renderer {
  return (issue, options) => {
    const out = render(issue, options);
    return typeof out === "string" ? cleanDocument(out) : out.then(cleanDocument);
  };
}

/** File extensions per format, as `daybrief demo --out` writes them (`DIR/<edition>/<date>.<ext>`). */
export const formatExtensions: Record<Format, string> = { html: "html", text: "txt", md: "md", web: "html" };
