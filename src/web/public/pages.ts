import { servedOptions } from "../../pipeline/public-site.ts";
import type { SendContext } from "../../pipeline/send-issue.ts";
import { renderSitePage } from "../../render/index.ts";
import type { Html } from "../html.ts";

/** A page of the public site that is not an issue, in the archive's look (render's renderSitePage). */
export function sitePage(
  ctx: SendContext,
  page: { title: string; heading: string; lead?: string; content: Html },
): string {
  return renderSitePage(servedOptions(ctx), { ...page, content: page.content.value });
}
