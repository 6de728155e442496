import type { Issue } from "../model/issue.ts";

/** A neighbouring issue for the web page's previous/next links. */
export type NavLink = { title: string; url: string };

export type RenderOptions = {
  /** The publication's name, shown in the footer, page headers and feeds ("Daybrief"). */
  siteName: string;
  /**
   * Public base URL of the archive ("https://brief.example.com"). With null, links between pages are relative to
   * the page that holds them, so a rendered folder works from disk; "" gives root-relative links ("/archive/…").
   */
  siteUrl: string | null;
  /** Where readers send tips (a page or a mailto: link). */
  tipsUrl?: string | null;
  /** The sign-up page, linked from the web pages' top bar and footer when given. */
  subscribeUrl?: string | null;
  /** The unsubscribe link; a placeholder the sending stage fills per recipient ("{{unsubscribe_url}}") is fine. */
  unsubscribeUrl?: string | null;
  /**
   * Lines of plain text at the very foot of the email and its text part: whom it was sent to and the sender's
   * postal address. Placeholders the sending stage fills per recipient ("{{recipient}}") pass through.
   */
  footerLines?: string[];
  /** Accent colour (#rrggbb) replacing the edition theme's. */
  brandColor?: string;
  /** Decorative emoji (section icons, the sentiment dot, group emoji); the words never depend on them. Default true. */
  emoji?: boolean;
  /** Previous and next issues, linked at the foot of the web page. */
  previous?: NavLink | null;
  next?: NavLink | null;
  /**
   * Where the rendered document will sit under the site root ("digest/2025-12-03.html"), so that site links such
   * as Keep Reading's ("archive/digest/2025-12-02.html") resolve from it when siteUrl is null. Web pages know theirs.
   */
  pagePath?: string | null;
};

/** The options with defaults applied and URLs normalised, computed once per render. */
export type Resolved = {
  siteName: string;
  /** Base URL without a trailing slash ("" for root-relative), or null for page-relative links. */
  base: string | null;
  tipsUrl: string | null;
  subscribeUrl: string | null;
  unsubscribeUrl: string | null;
  footerLines: string[];
  brandColor: string | null;
  emoji: boolean;
  previous: NavLink | null;
  next: NavLink | null;
  pagePath: string | null;
};

export function resolveOptions(options: RenderOptions): Resolved {
  const brand = options.brandColor?.trim() ?? "";
  return {
    siteName: options.siteName,
    base: options.siteUrl === null ? null : options.siteUrl.replace(/\/+$/, ""),
    tipsUrl: options.tipsUrl ?? null,
    subscribeUrl: options.subscribeUrl ?? null,
    unsubscribeUrl: options.unsubscribeUrl ?? null,
    footerLines: options.footerLines ?? [],
    // Only a hex colour reaches the CSS: the value is written into style attributes and style sheets.
    brandColor: /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(brand) ? brand : null,
    emoji: options.emoji ?? true,
    previous: options.previous ?? null,
    next: options.next ?? null,
    pagePath: options.pagePath ?? null,
  };
}

/**
 * A link to a page of the site: URLs with a scheme, root-relative or already page-relative pass through; a path
 * relative to the site root ("archive/digest/2025-12-02.html") is made absolute under siteUrl, or relative to the
 * page being rendered.
 */
export function siteLink(resolved: Resolved, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("/") || url.startsWith("../") || url.startsWith("#"))
    return url;
  if (resolved.base !== null) return `${resolved.base}/${url}`;
  return resolved.pagePath ? `${upFrom(resolved.pagePath)}${url}` : url;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9-]+/g, "-") || "issue";

/**
 * Where an issue's web page lives, relative to the site root.
 *
 * @example
 * issuePagePath({ edition: "digest", date: "2025-12-03" }) // "archive/digest/2025-12-03.html"
 */
export function issuePagePath(issue: Pick<Issue, "edition" | "date">): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(issue.date) ? issue.date : slug(issue.date);
  return `archive/${slug(issue.edition)}/${date}.html`;
}

/** The issue page's URL: absolute under siteUrl, "/archive/…" with "", and relative to the site root with null. */
export function issueUrl(issue: Pick<Issue, "edition" | "date">, options: Pick<RenderOptions, "siteUrl">): string {
  const base = options.siteUrl === null ? null : options.siteUrl.replace(/\/+$/, "");
  return base === null ? issuePagePath(issue) : `${base}/${issuePagePath(issue)}`;
}

/** The web version of an issue for links from outside the site (email, text, feeds): absolute when it can be. */
export function webVersionUrl(issue: Issue, resolved: Resolved): string | null {
  if (resolved.base) return `${resolved.base}/${issuePagePath(issue)}`;
  return issue.url ?? null;
}

/** "../" for each folder a page sits in below the site root: how page-relative links climb back up. */
function upFrom(pagePath: string): string {
  return "../".repeat(pagePath.split("/").length - 1);
}

/** The archive index (archive/index.html), as linked from the page at `pagePath`. */
export function archiveIndexUrl(resolved: Resolved, pagePath: string): string {
  return resolved.base === null ? `${upFrom(pagePath)}archive/index.html` : `${resolved.base}/archive/`;
}

/** The RSS feed (feed.xml at the site root, where the demo writes it), as linked from the page at `pagePath`. */
export function feedUrlFrom(resolved: Resolved, pagePath: string): string {
  return resolved.base === null ? `${upFrom(pagePath)}feed.xml` : `${resolved.base}/feed.xml`;
}
