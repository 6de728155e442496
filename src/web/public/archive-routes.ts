import { type Context, Hono } from "hono";
import { archivePage, feedDocuments, issuePage, publicEditions, siteVersion } from "../../pipeline/public-site.ts";
import type { SendContext } from "../../pipeline/send-issue.ts";
import { type Built, ResponseCache } from "./cache.ts";
import { notFoundPage } from "./pages.ts";
import { commonSecurityHeaders, pageSecurityHeaders } from "./security.ts";

const htmlType = "text/html; charset=utf-8";

function htmlBuilt(body: string): Built {
  return { body, type: htmlType, headers: pageSecurityHeaders(body) };
}

/** A whole number from 1 to 100 000, or 1. */
function pageNumber(text: string | undefined): number {
  const n = /^\d{1,6}$/.test(text ?? "") ? Number(text) : 1;
  return n >= 1 && n <= 100_000 ? n : 1;
}

/** The search as typed, on one line and at most 100 characters. */
function searchText(text: string | undefined): string {
  return (text ?? "")
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}

/**
 * The reading side of the public site: the archive (paged, by edition, searchable), one page per issue at the path
 * `issue publish` writes it to, and the feeds. Every answer is cached until anything public changes, with an ETag.
 */
export function archiveRoutes(ctx: SendContext): Hono {
  const app = new Hono();
  const cache = new ResponseCache();
  const maxAge = ctx.config.web.pageCacheSeconds;
  const notFound = (c: Context) => notFoundPage(ctx, c);

  const archive = async (c: Context) => {
    const asked = c.req.query("edition") ?? "";
    const edition = asked && (await publicEditions(ctx)).some((e) => e.id === asked) ? asked : null;
    const query = { page: pageNumber(c.req.query("page")), edition, search: searchText(c.req.query("q")) };
    const pageUrl = (page: number) => {
      const params = new URLSearchParams();
      if (query.search) params.set("q", query.search);
      if (query.edition) params.set("edition", query.edition);
      if (page > 1) params.set("page", String(page));
      const text = params.toString();
      return text ? `/?${text}` : "/";
    };
    const key = `archive|${query.page}|${query.edition ?? ""}|${query.search}`;
    const response = await cache.serve(c, key, await siteVersion(ctx), maxAge, async () => {
      const page = await archivePage(ctx, query, pageUrl);
      return page.page > page.pages ? null : htmlBuilt(page.html);
    });
    return response ?? notFound(c);
  };
  app.get("/", archive);
  app.get("/archive/", archive);
  app.get("/archive/index.html", archive);
  // A fixed target: nothing from the request chooses where a redirect goes.
  app.get("/archive", (c) => c.redirect("/archive/", 301));

  app.get("/archive/:edition/:file", async (c) => {
    const edition = c.req.param("edition");
    const date = /^(\d{4}-\d{2}-\d{2})\.html$/.exec(c.req.param("file"))?.[1];
    if (!date || !/^[a-z0-9-]{1,40}$/.test(edition)) return notFound(c);
    const response = await cache.serve(c, `issue|${edition}|${date}`, await siteVersion(ctx), maxAge, async () => {
      const page = await issuePage(ctx, edition, date);
      return page === null ? null : htmlBuilt(page);
    });
    return response ?? notFound(c);
  });

  // Browsers ask for it on every first visit; no icon is better than a 404 page each time.
  app.get("/favicon.ico", (c) =>
    c.body(null, 204, { "cache-control": "public, max-age=86400", ...commonSecurityHeaders }),
  );

  const feed = (kind: "rss" | "atom" | "json", type: string) => async (c: Context) => {
    // Without siteUrl the links are made absolute under the address asked for, so the key includes it.
    const origin = new URL(c.req.url).origin;
    const response = await cache.serve(c, `feed|${kind}|${origin}`, await siteVersion(ctx), maxAge, async () => ({
      body: (await feedDocuments(ctx, origin))[kind],
      type,
      headers: commonSecurityHeaders,
    }));
    return response ?? notFound(c);
  };
  app.get("/feed.xml", feed("rss", "application/rss+xml; charset=utf-8"));
  app.get("/atom.xml", feed("atom", "application/atom+xml; charset=utf-8"));
  app.get("/feed.json", feed("json", "application/feed+json; charset=utf-8"));
  return app;
}
