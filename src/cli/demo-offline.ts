import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { Issue } from "../model/issue.ts";
import type { DemoSite } from "./demo-site.ts";

/**
 * The demo's sources live on a loopback port that closes when the demo ends, so the links in its issues would die
 * with it. Instead the pages the issues link to are copied into DIR/articles/ (one flat file each, with their
 * images in DIR/articles/assets/) and every rendered file links to those copies by a relative path: the output
 * folder works offline, from disk, wherever it is moved.
 */

/** Demo URL → its copy's path under the output folder ("articles/wirebeat-news-2025-12-02-x.html"). */
export type OfflineLinks = Map<string, string>;

/** A path as a file name: "/wirebeat/news/x.html" → "wirebeat-news-x"; only a web page's or image's suffix is dropped. */
const slugOf = (path: string) =>
  path
    .replace(/^\/+|\/+$/g, "")
    .replace(/\.(?:s?html?|php|aspx?|jsp|png|jpe?g|gif|webp|avif|svg)$/i, "")
    .replace(/[^a-zA-Z0-9-]+/g, "-")
    .toLowerCase() || "index";

/**
 * A file name per path, never one for two paths ("/abs/2512.04567" and "/abs/2512.01234" are two papers): a name
 * already given to another path gets "-2", "-3", ….
 */
export function uniqueSlugs(): (path: string) => string {
  const byPath = new Map<string, string>();
  const taken = new Set<string>();
  return (path) => {
    const known = byPath.get(path);
    if (known) return known;
    const base = slugOf(path);
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    taken.add(slug);
    byPath.set(path, slug);
    return slug;
  };
}

/** Every string in an issue that is a URL of the demo site. */
function demoUrls(value: unknown, origin: string, found: Set<string>): Set<string> {
  if (typeof value === "string") {
    if (value.startsWith(`${origin}/`)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const child of value) demoUrls(child, origin, found);
  } else if (value && typeof value === "object") {
    for (const child of Object.values(value)) demoUrls(child, origin, found);
  }
  return found;
}

/**
 * Copies the pages the issues link to into `out/articles/`, their demo links pointing at each other's copies (and
 * images at `articles/assets/`, where the issues' lead images go too), and returns where each linked URL's copy is.
 */
export function writeOfflineArticles(
  out: string,
  issues: Issue[],
  site: Pick<DemoSite, "origin" | "route" | "siteDir">,
) {
  const links: OfflineLinks = new Map();
  const pages = new Map<string, { file: string; target: string }>();
  const images: Array<{ url: string; path: string }> = [];
  const pageSlug = uniqueSlugs();
  const assetSlug = uniqueSlugs();
  for (const url of demoUrls(issues, site.origin, new Set())) {
    const path = new URL(url).pathname;
    const route = site.route(decodeURIComponent(path));
    // An issue's lead image is copied beside the pages' images, so the issue shows it offline too.
    if (route?.type.startsWith("image/")) images.push({ url, path: decodeURIComponent(path) });
    if (!route?.type.startsWith("text/html")) continue;
    const target = `articles/${pageSlug(path)}.html`;
    links.set(url, target);
    pages.set(path, { file: route.file, target });
  }
  mkdirSync(join(out, "articles", "assets"), { recursive: true });
  const assets = new Map<string, string>();
  // Inside a copy, a link to another copied page or to an image stays a link; any other demo link goes nowhere.
  const localise = (path: string): string => {
    const page = pages.get(path) ?? pages.get(`${path}/`) ?? pages.get(path.replace(/\/$/, ""));
    if (page) return page.target.slice("articles/".length);
    const route = site.route(path);
    if (!route?.type.startsWith("image/")) return "#";
    let asset = assets.get(route.file);
    if (!asset) {
      asset = `assets/${assetSlug(path)}${extname(route.file)}`;
      copyFileSync(join(site.siteDir, route.file), join(out, "articles", asset));
      assets.set(route.file, asset);
    }
    return asset;
  };
  for (const { url, path } of images) links.set(url, `articles/${localise(path)}`);
  for (const { file, target } of pages.values()) {
    // Latin-1 keeps every byte as it is, whatever charset the page is in; the links themselves are ASCII.
    const text = readFileSync(join(site.siteDir, file)).toString("latin1");
    const copied = text.replace(/__ORIGIN__(\/[^"'\s<>)]*)?/g, (_m, path?: string) => localise(path ?? "/"));
    writeFileSync(join(out, target), Buffer.from(copied, "latin1"));
  }
  return links;
}

/** "../" for each folder a file sits in below the output folder. */
const upFrom = (pagePath: string) => "../".repeat(pagePath.split("/").length - 1);

/** The issue with every demo link replaced by the path of its offline copy, relative to the file at `pagePath`. */
export function withOfflineLinks<T>(value: T, links: OfflineLinks, pagePath: string): T {
  if (!links.size) return value;
  const prefix = upFrom(pagePath);
  const swap = (node: unknown): unknown => {
    if (typeof node === "string") {
      const target = links.get(node);
      return target ? `${prefix}${target}` : node;
    }
    if (Array.isArray(node)) return node.map(swap);
    if (node && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, swap(child)]));
    }
    return node;
  };
  return swap(value) as T;
}
