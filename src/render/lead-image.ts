import type { LeadImage } from "../model/issue.ts";
import { escapeHtml, safeUrl } from "./escape.ts";
import { type HtmlContext, link } from "./html-context.ts";

/** The widest the picture is shown: the email's text column (600 px less its padding); the web page's column. */
const columnWidth = { email: 544, web: 616 } as const;

/**
 * The image's URL when it may be an <img> source: http(s), or a relative path (the demo's offline copies); never
 * another scheme (data:, javascript:, mailto:) nor a mail-merge placeholder.
 */
export function imageSrc(url: string | null | undefined): string | null {
  const safe = safeUrl(url);
  if (!safe || /^[{%[]/.test(safe)) return null;
  return /^[a-z][a-z0-9+.-]*:/i.test(safe) && !/^https?:/i.test(safe) ? null : safe;
}

/** The size to show an image at: never wider than the column nor than the file, its shape kept. */
export function displaySize(image: LeadImage, column: number): { width: number; height: number } {
  const width = Math.max(1, Math.min(Math.round(image.width), column));
  return { width, height: Math.max(1, Math.round((width * image.height) / image.width)) };
}

/**
 * The lead story's picture: an <img> with width, height and alt (so the layout holds before and without the image),
 * shown from its origin and linked to the article it illustrates, then a credit line. Empty when the URL is not a
 * safe one or the size is missing.
 */
export function leadFigure(ctx: HtmlContext, image: LeadImage | undefined): string {
  if (!image || !(image.width > 0 && image.height > 0)) return "";
  const src = imageSrc(image.url);
  if (!src) return "";
  const { width, height } = displaySize(image, columnWidth[ctx.flavor]);
  // Not lazy-loaded on the web: it is the top picture of the page, which a reader sees first.
  const extra = ctx.flavor === "web" ? ' decoding="async"' : ' border="0"';
  const img = `<img src="${escapeHtml(src)}" width="${width}" height="${height}" alt="${escapeHtml(image.alt)}"${extra}${ctx.attrs("img")}>`;
  const href = safeUrl(image.link);
  const picture = href ? `<a href="${escapeHtml(href)}"${ctx.attrs("imglink")}>${img}</a>` : img;
  const credit = `Image: ${image.link ? link(ctx, "src", image.link, image.credit) : escapeHtml(image.credit)}`;
  if (ctx.flavor === "web")
    return `<figure${ctx.attrs("fig")}>${picture}<figcaption${ctx.attrs("credit")}>${credit}</figcaption></figure>`;
  return `<div${ctx.attrs("fig")}>${picture}<p${ctx.attrs("credit")}>${credit}</p></div>`;
}
