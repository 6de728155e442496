import type { Config } from "../config/schema.ts";
import type { RenderOptions } from "../render/index.ts";

/**
 * How the public pages link: absolute under siteUrl when it is set, otherwise `fallback` — null (page-relative, for a
 * folder read from disk) or "" (root-relative, for pages the web server serves).
 */
export function siteRenderOptions(config: Readonly<Config>, fallback: "" | null): RenderOptions {
  const siteUrl = config.siteUrl?.replace(/\/+$/, "") ?? null;
  const base = siteUrl ?? fallback;
  return {
    siteName: config.siteName,
    siteUrl: base,
    tipsUrl: base === null ? null : `${base}/tips`,
    subscribeUrl: base === null ? null : `${base}/subscribe`,
    unsubscribeUrl: null,
  };
}
