import { readFile } from "node:fs/promises";
import { DaybriefError } from "../errors.ts";
import { canonicalUrl } from "../ingest/index.ts";
import type { Source, SourceKind } from "../model/source.ts";
import { addSource, editSource, importOpml, removeSource } from "../pipeline/sources.ts";
import { writeOpml } from "../sources/index.ts";
import { singleLine, terminalText } from "../text/controls.ts";
import { confirm } from "./confirm.ts";
import { withContext } from "./context.ts";
import { color, plural, printJson, printTable, relativeTime } from "./output.ts";

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
      process.stdout.write(
        `${color.red(s.health.lastErrorCode ?? "")} ${s.id}: ${terminalText(s.health.lastErrorMessage ?? "")}\n`,
      );
    }
  });
}

/** `daybrief sources add URL [--name N] [--kind K] [--weight W] [--no-check] [--json]` */
export async function sourcesAdd(
  url: string,
  opts: { name?: string; kind: SourceKind; weight: number; check: boolean; json?: boolean },
): Promise<void> {
  if (!canonicalUrl(url)) throw new DaybriefError("E_URL_INVALID", `"${url}" is not an http(s) URL.`);
  await withContext({}, async (ctx) => {
    const source = await addSource(ctx, url, opts, (note) => process.stderr.write(`${note}\n`));
    if (opts.json) return printJson(source);
    process.stdout.write(`Added ${color.bold(terminalText(source.name))} as ${source.id} (${source.url}).\n`);
  });
}

export type SourceEdit = {
  name?: string;
  weight?: number;
  interval?: number;
  enable?: boolean;
  disable?: boolean;
  json?: boolean;
};

/** `daybrief sources edit ID [--name N] [--weight W] [--interval MIN] [--enable|--disable] [--json]` */
export async function sourcesEdit(id: string, opts: SourceEdit): Promise<void> {
  if (opts.enable && opts.disable) throw new DaybriefError("E_USAGE", "Give --enable or --disable, not both.");
  const name = opts.name === undefined ? undefined : singleLine(opts.name);
  if (name === "") throw new DaybriefError("E_USAGE", `--name "${opts.name}" is empty: give the source a name.`);
  const changes = {
    ...(name !== undefined ? { name } : {}),
    ...(opts.weight !== undefined ? { weight: opts.weight } : {}),
    ...(opts.interval !== undefined ? { intervalMinutes: opts.interval } : {}),
    ...(opts.enable || opts.disable ? { enabled: !!opts.enable } : {}),
  };
  if (Object.keys(changes).length === 0) {
    throw new DaybriefError("E_USAGE", "Nothing to change: give --name, --weight, --interval, --enable or --disable.");
  }
  await withContext({}, async (ctx) => {
    const edited = await editSource(ctx, id, changes);
    if (opts.json) return printJson(edited);
    const said = [
      name !== undefined ? `name ${terminalText(edited.name)}` : "",
      opts.weight !== undefined ? `weight ${edited.weight}` : "",
      opts.interval !== undefined ? `every ${plural(edited.intervalMinutes, "minute")}` : "",
      opts.enable ? "enabled" : opts.disable ? "disabled (its items are kept)" : "",
    ].filter(Boolean);
    process.stdout.write(`Changed ${edited.id}: ${said.join(", ")}.\n`);
  });
}

/** `daybrief sources remove ID [--yes]`: asks first, since the source's items go with it. */
export async function sourcesRemove(id: string, opts: { yes?: boolean } = {}): Promise<void> {
  await withContext({}, async (ctx) => {
    const source = await ctx.sources.get(id);
    if (source.origin === "config" && source.enabled) {
      throw new DaybriefError("E_SOURCE_IN_CONFIG", `${source.id} comes from ${ctx.configPath ?? "the config file"}.`);
    }
    const question = `Remove ${terminalText(source.name)} (${source.id}) and the ${plural(source.health.itemsSeen, "item")} read from it?`;
    if (!(await confirm(question, opts))) {
      process.stdout.write("Nothing removed.\n");
      return;
    }
    await removeSource(ctx, source.id);
    process.stdout.write(`Removed ${source.id} and its items.\n`);
  });
}

/** `daybrief sources import-opml FILE` */
export async function sourcesImportOpml(file: string): Promise<void> {
  const text = await readFile(file, "utf8").catch((error: Error) => {
    throw new DaybriefError("E_FILE_READ", `Cannot read ${file}: ${error.message}`, { cause: error });
  });
  await withContext({}, async (ctx) => {
    const { added, skipped } = await importOpml(ctx, text);
    process.stdout.write(`Imported ${plural(added, "source")} from ${file} (${skipped} already present).\n`);
  });
}

/** `daybrief sources export-opml` */
export async function sourcesExportOpml(): Promise<void> {
  await withContext({}, async (ctx) => {
    process.stdout.write(`${writeOpml(await ctx.sources.list())}\n`);
  });
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
