import type { Context } from "hono";
import { servedOptions } from "../../pipeline/public-site.ts";
import type { SendContext } from "../../pipeline/send-issue.ts";
import { renderSitePage } from "../../render/index.ts";
import { type Html, html } from "../html.ts";
import { pageSecurityHeaders } from "./security.ts";

/** A page of the public site that is not an issue, in the archive's look (render's renderSitePage). */
export function sitePage(
  ctx: SendContext,
  page: { title: string; heading: string; lead?: string; content: Html },
): string {
  return renderSitePage(servedOptions(ctx), { ...page, content: page.content.value });
}

/** The public site's 404: a page in the archive's look, with its security headers, pointing back to the archive. */
export function notFoundPage(ctx: SendContext, c: Context): Response {
  const body = sitePage(ctx, {
    title: "Not found",
    heading: "Nothing here",
    content: html`<p class="db-p">There is no page at this address. The <a href="/">archive</a> lists every issue.</p>`,
  });
  return c.body(body, 404, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    ...pageSecurityHeaders(body),
  });
}
