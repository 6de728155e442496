import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Issue } from "../model/issue.ts";
import { type OfflineLinks, withOfflineLinks, writeOfflineArticles } from "./demo-offline.ts";
import type { DemoSite } from "./demo-site.ts";

/**
 * Renders the demo's issues into `out`: each issue as html, md and txt, its archive page, the archive index and
 * the feeds. With the demo site given, the pages the issues link to are copied into out/articles/ and linked there
 * (see demo-offline.ts); returns those links.
 */
export async function writeOutput(
  out: string,
  issues: Issue[],
  siteName: string,
  site: Pick<DemoSite, "origin" | "route" | "siteDir"> | null,
): Promise<OfflineLinks> {
  const { renderers, renderSite } = await import("../render/index.ts");
  const links = site ? writeOfflineArticles(out, issues, site) : new Map<string, string>();
  const options = { siteName, siteUrl: null, tipsUrl: null, unsubscribeUrl: null };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  };
  for (const issue of issues) {
    const base = `${issue.edition}/${issue.date}`;
    for (const [format, ext] of [
      ["html", "html"],
      ["md", "md"],
      ["text", "txt"],
    ] as const) {
      const pagePath = `${base}.${ext}`;
      write(pagePath, await renderers[format](withOfflineLinks(issue, links, pagePath), { ...options, pagePath }));
    }
  }
  // The archive pages, index and feeds: the same layout `issue publish` writes.
  const forFile = (list: Issue[], path: string) => withOfflineLinks(list, links, path);
  for (const file of renderSite(issues, options, { forFile })) write(file.path, file.text);
  return links;
}
