import type { Issue, Section } from "../model/issue.ts";
import {
  type Feeds,
  neighboursOf,
  type RenderOptions,
  renderArchiveIndex,
  renderers,
  renderFeeds,
} from "../render/index.ts";
import { PublishedRepo } from "../store/published-repo.ts";
import type { SendContext } from "./send-issue.ts";
import { siteRenderOptions } from "./site-options.ts";
import { knownEditions } from "./subscribers.ts";

/** Issues on one page of the archive. */
export const archivePageSize = 20;
/** Newest issues in each feed. */
export const feedSize = 20;

export type ArchiveQuery = { page: number; edition: string | null; search: string };

/** Render options for pages served at `base` ("" for root-relative links; siteUrl wins when set). */
export function servedOptions(ctx: SendContext): RenderOptions {
  return siteRenderOptions(ctx.config, "");
}

/** Changes whenever anything the public site shows changes: the response cache's key. */
export function siteVersion(ctx: SendContext): Promise<string> {
  return new PublishedRepo(ctx.db).version();
}

/** The editions with public issues, with their display names. */
export async function publicEditions(ctx: SendContext): Promise<Array<{ id: string; name: string }>> {
  const repo = new PublishedRepo(ctx.db);
  const ids = await repo.editions();
  const named = await Promise.all(
    ids.map(async (id) => ({ id, name: (await repo.list({ edition: id }, { limit: 1 }))[0]?.editionName ?? id })),
  );
  return named;
}

/** The words a reader sees in an issue (not its ids or URLs), lower-cased: what the archive search matches. */
export function searchableText(issue: Issue): string {
  const parts: string[] = [issue.title, issue.preheader, issue.editionName];
  const skip = new Set(["id", "kind", "url", "link", "storyId", "tipId", "style", "emoji", "icon", "numbered"]);
  const walk = (node: unknown, key: string) => {
    if (skip.has(key)) return;
    if (typeof node === "string") parts.push(node);
    else if (Array.isArray(node)) for (const child of node) walk(child, "");
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(issue.sections satisfies Section[], "");
  return parts.join("\n").toLowerCase();
}

/** Every word of the query (case-insensitive) appears in the issue. */
function matches(issue: Issue, words: string[]): boolean {
  const text = searchableText(issue);
  return words.every((w) => text.includes(w));
}

/**
 * One page of the public archive: the public issues of an edition (or all), matching every word of the search,
 * newest first. The search narrows in SQL by its longest word, then checks the words a reader sees.
 *
 * @example
 * const html = await archivePage(ctx, { page: 1, edition: null, search: "nvidia" }, (p) => `/?page=${p}`);
 */
export async function archivePage(
  ctx: SendContext,
  query: ArchiveQuery,
  pageUrl: (page: number) => string,
): Promise<{ html: string; page: number; pages: number }> {
  const repo = new PublishedRepo(ctx.db);
  const edition = query.edition ?? undefined;
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  let issues: Issue[];
  let total: number;
  const offset = (query.page - 1) * archivePageSize;
  if (words.length) {
    const longest = [...words].sort((a, b) => b.length - a.length)[0] as string;
    const found = (await repo.list({ ...(edition ? { edition } : {}), search: longest })).filter((i) =>
      matches(i, words),
    );
    total = found.length;
    issues = found.slice(offset, offset + archivePageSize);
  } else {
    total = await repo.count(edition ? { edition } : {});
    issues = await repo.list(edition ? { edition } : {}, { limit: archivePageSize, offset });
  }
  const pages = Math.max(1, Math.ceil(total / archivePageSize));
  const html = renderArchiveIndex(issues, servedOptions(ctx), {
    action: "/",
    search: query.search,
    edition: query.edition,
    editions: await publicEditions(ctx),
    page: query.page,
    pages,
    total,
    pageUrl,
  });
  return { html, page: query.page, pages };
}

/** The page of a public issue, with links to its neighbours in the edition; null when there is no such issue. */
export async function issuePage(ctx: SendContext, edition: string, date: string): Promise<string | null> {
  const repo = new PublishedRepo(ctx.db);
  const issue = await repo.find(edition, date);
  if (!issue) return null;
  const options = servedOptions(ctx);
  const siblings = await repo.list({ edition });
  return renderers.web(issue, { ...options, ...neighboursOf(issue, siblings, options) });
}

/**
 * The feeds of the newest public issues. Their links are absolute under siteUrl; without it, under `origin` (the
 * address the request came to), so a feed reader never gets relative links.
 */
export async function feedDocuments(ctx: SendContext, origin: string): Promise<Feeds> {
  const issues = await new PublishedRepo(ctx.db).list({}, { limit: feedSize });
  const options = servedOptions(ctx);
  return renderFeeds(issues, { ...options, siteUrl: options.siteUrl || origin });
}

/** The editions a reader may subscribe to, with display names where an issue gave one ("Daybrief Digest"). */
export async function editionChoices(ctx: SendContext): Promise<Array<{ id: string; name: string }>> {
  const named = new Map((await publicEditions(ctx)).map((e) => [e.id, e.name]));
  const title = (id: string) => `${ctx.config.siteName} ${id.charAt(0).toUpperCase()}${id.slice(1)}`;
  return (await knownEditions(ctx)).map((id) => ({ id, name: named.get(id) ?? title(id) }));
}
