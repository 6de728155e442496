import { readFile } from "node:fs/promises";
import { DaybriefError, isDaybriefError } from "../errors.ts";
import { parseFeed } from "../ingest/feed/parse-feed.ts";
import { feedAccept } from "../ingest/fetch/fetcher.ts";
import { canonicalUrl } from "../ingest/url.ts";
import { type Source, type SourceKind, sourceKinds } from "../model/source.ts";
import { readOpml, writeOpml } from "../sources/opml.ts";
import { type Context, withContext } from "./context.ts";
import { color, printJson, printTable, relativeTime } from "./output.ts";

/** `daybrief sources list [--json]` */
export async function sourcesList(opts: { json?: boolean }): Promise<void> {
  await withContext({}, async (ctx) => {
    const list = await ctx.sources.list();
    if (opts.json) return printJson(list);
    if (!list.length) {
      process.stdout.write("No sources yet. Add one with `daybrief sources add URL`, or run `daybrief init`.\n");
      return;
    }
    printTable(
      ["id", "name", "kind", "health", "last success", "failures", "items", "next fetch"],
      list.map((s) => [
        s.id,
        s.name,
        s.kind,
        health(s),
        relativeTime(s.health.lastSuccessAt),
        s.health.consecutiveFailures,
        s.health.itemsSeen,
        nextFetch(s),
      ]),
    );
    for (const s of list.filter((x) => x.health.lastErrorCode && x.health.consecutiveFailures > 0)) {
      process.stdout.write(`${color.red(s.health.lastErrorCode ?? "")} ${s.id}: ${s.health.lastErrorMessage ?? ""}\n`);
    }
  });
}

/** `daybrief sources add URL [--name N] [--kind K] [--weight W] [--no-check] [--json]` */
export async function sourcesAdd(
  url: string,
  opts: { name?: string; kind: string; weight: string; check: boolean; json?: boolean },
): Promise<void> {
  const kind = sourceKinds.find((k) => k === opts.kind);
  if (!kind) throw new DaybriefError("E_USAGE", `Unknown kind "${opts.kind}"; use one of ${sourceKinds.join(", ")}.`);
  if (!canonicalUrl(url)) throw new DaybriefError("E_URL_INVALID", `"${url}" is not an http(s) URL.`);
  await withContext({}, async (ctx) => {
    const found = opts.check ? await probeFeed(ctx, url) : { url, title: null };
    const source = await ctx.sources.add({
      url: found.url,
      name: opts.name ?? found.title ?? new URL(found.url).hostname.replace(/^www\./, ""),
      kind: kind as SourceKind,
      weight: Number(opts.weight) || 1,
      origin: "cli",
    });
    if (opts.json) return printJson(source);
    process.stdout.write(`Added ${color.bold(source.name)} as ${source.id} (${source.url}).\n`);
  });
}

/** `daybrief sources remove ID` */
export async function sourcesRemove(id: string): Promise<void> {
  await withContext({}, async (ctx) => {
    const source = await ctx.sources.get(id);
    if (source.origin === "config" && source.enabled) {
      throw new DaybriefError("E_SOURCE_IN_CONFIG", `${source.id} comes from ${ctx.configPath ?? "the config file"}.`);
    }
    await ctx.sources.remove(source.id);
    process.stdout.write(`Removed ${source.id} and its items.\n`);
  });
}

/** `daybrief sources import-opml FILE` */
export async function sourcesImportOpml(file: string): Promise<void> {
  const text = await readFile(file, "utf8").catch((error: Error) => {
    throw new DaybriefError("E_FILE_READ", `Cannot read ${file}: ${error.message}`, { cause: error });
  });
  const found = readOpml(text);
  await withContext({}, async (ctx) => {
    let added = 0;
    let skipped = 0;
    for (const entry of found) {
      try {
        await ctx.sources.add({ url: entry.url, name: entry.name, kind: entry.kind, weight: 1, origin: "opml" });
        added += 1;
      } catch (error) {
        if (!isDaybriefError(error, "E_SOURCE_EXISTS")) throw error;
        skipped += 1;
      }
    }
    process.stdout.write(`Imported ${added} sources from ${file} (${skipped} already present).\n`);
  });
}

/** `daybrief sources export-opml` */
export async function sourcesExportOpml(): Promise<void> {
  await withContext({}, async (ctx) => {
    process.stdout.write(`${writeOpml(await ctx.sources.list())}\n`);
  });
}

/** Fetches the URL; a web page is swapped for the first feed it advertises. */
async function probeFeed(ctx: Context, url: string): Promise<{ url: string; title: string | null }> {
  const response = await ctx.fetcher.fetch({ url, accept: feedAccept });
  try {
    const { feed } = parseFeed(response.body, { url: response.url, contentType: response.contentType });
    return { url: response.url, title: feed.title };
  } catch (error) {
    const feeds = isDaybriefError(error, "E_FEED_NOT_FEED") ? (error.details.feeds as string[]) : [];
    if (!feeds[0]) throw error;
    const next = await ctx.fetcher.fetch({ url: feeds[0], accept: feedAccept });
    const { feed } = parseFeed(next.body, { url: next.url, contentType: next.contentType });
    process.stderr.write(`${url} is a web page; using the feed it advertises: ${next.url}\n`);
    return { url: next.url, title: feed.title };
  }
}

function health(source: Source): string {
  if (source.health.gone) return color.red("gone (410)");
  if (!source.enabled) return color.dim("disabled");
  if (!source.health.lastFetchAt) return color.dim("new");
  if (source.health.consecutiveFailures >= 3) return color.red("failing");
  if (source.health.consecutiveFailures > 0) return color.yellow("retrying");
  return color.green("ok");
}

function nextFetch(source: Source): string {
  if (!source.enabled || source.health.gone) return "—";
  if (!source.health.nextFetchAt || Date.parse(source.health.nextFetchAt) <= Date.now()) return "due";
  const backedOff = source.health.consecutiveFailures > 0 ? " (backoff)" : "";
  return `${relativeTime(source.health.nextFetchAt)}${backedOff}`;
}
