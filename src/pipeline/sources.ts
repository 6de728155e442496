import { DaybriefError, isDaybriefError } from "../errors.ts";
import { canonicalUrl, type Fetcher, feedAccept, parseFeed } from "../ingest/index.ts";
import type { Source, SourceKind } from "../model/source.ts";
import { readOpml } from "../sources/index.ts";
import type { SourcesRepo } from "../store/sources-repo.ts";
import { singleLine } from "../text/controls.ts";

/**
 * Adding, pausing, removing and importing sources: what `daybrief sources …` and the desk's Sources page both do.
 */
export type SourceDeps = { sources: SourcesRepo; fetcher: Pick<Fetcher, "fetch">; configPath?: string | null };

export type AddSourceOptions = { name?: string; kind: SourceKind; weight: number; check: boolean };

/** Adds a feed; with `check` it is fetched first, and a web page is swapped for the first feed it advertises. */
export async function addSource(
  deps: SourceDeps,
  url: string,
  opts: AddSourceOptions,
  onNote: (note: string) => void = () => {},
): Promise<Source> {
  if (!canonicalUrl(url)) throw new DaybriefError("E_URL_INVALID", `"${url}" is not an http(s) URL.`);
  const found = opts.check ? await probeFeed(deps, url, onNote) : { url, title: null };
  return deps.sources.add({
    url: found.url,
    name: (opts.name && singleLine(opts.name)) || found.title || new URL(found.url).hostname.replace(/^www\./, ""),
    kind: opts.kind,
    weight: opts.weight,
    origin: "cli",
  });
}

/** A source the config file defines is changed there, not here (the file is re-applied on every run). */
function editable(source: Source, configPath?: string | null): void {
  if (source.origin === "config" && source.enabled) {
    throw new DaybriefError("E_SOURCE_IN_CONFIG", `${source.id} comes from ${configPath ?? "the config file"}.`);
  }
}

export async function editSource(
  deps: Pick<SourceDeps, "sources" | "configPath">,
  id: string,
  changes: Partial<Pick<Source, "name" | "weight" | "intervalMinutes" | "enabled">>,
): Promise<Source> {
  const source = await deps.sources.get(id);
  editable(source, deps.configPath);
  return deps.sources.update(source.id, changes);
}

/** Removes a source and its items. */
export async function removeSource(deps: Pick<SourceDeps, "sources" | "configPath">, id: string): Promise<Source> {
  const source = await deps.sources.get(id);
  editable(source, deps.configPath);
  await deps.sources.remove(source.id);
  return source;
}

/** Adds every feed of an OPML document; feeds already present are counted, not added twice. */
export async function importOpml(
  deps: Pick<SourceDeps, "sources">,
  text: string,
): Promise<{ added: number; skipped: number }> {
  let added = 0;
  let skipped = 0;
  for (const entry of readOpml(text)) {
    try {
      await deps.sources.add({ url: entry.url, name: entry.name, kind: entry.kind, weight: 1, origin: "opml" });
      added += 1;
    } catch (error) {
      if (!isDaybriefError(error, "E_SOURCE_EXISTS")) throw error;
      skipped += 1;
    }
  }
  return { added, skipped };
}

async function probeFeed(
  deps: SourceDeps,
  url: string,
  onNote: (note: string) => void,
): Promise<{ url: string; title: string | null }> {
  const response = await deps.fetcher.fetch({ url, accept: feedAccept });
  try {
    const { feed } = parseFeed(response.body, { url: response.url, contentType: response.contentType });
    return { url: response.url, title: feed.title };
  } catch (error) {
    const feeds = isDaybriefError(error, "E_FEED_NOT_FEED") ? (error.details.feeds as string[]) : [];
    if (!feeds[0]) throw error;
    const next = await deps.fetcher.fetch({ url: feeds[0], accept: feedAccept });
    const { feed } = parseFeed(next.body, { url: next.url, contentType: next.contentType });
    onNote(`${url} is a web page; using the feed it advertises: ${next.url}`);
    return { url: next.url, title: feed.title };
  }
}
