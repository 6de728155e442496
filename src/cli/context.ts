import { type LoadConfigOptions, loadConfig } from "../config/load.ts";
import type { Config } from "../config/schema.ts";
import { createLogger, type Logger } from "../log.ts";
import type { NewSource } from "../model/source.ts";
import { createFetcher, type NetworkFetcher } from "../pipeline/fetcher.ts";
import { type Db, openDb } from "../store/db.ts";
import { ItemsRepo } from "../store/items-repo.ts";
import { SourcesRepo } from "../store/sources-repo.ts";

/** What a command works with: the frozen config, the store and its repositories, the network, a logger. */
export type Context = {
  config: Readonly<Config>;
  configPath: string | null;
  db: Db;
  sources: SourcesRepo;
  items: ItemsRepo;
  fetcher: NetworkFetcher;
  log: Logger;
  close: () => Promise<void>;
};

/** Loads config, opens (and migrates) the store, and applies the config file's sources. */
export async function openContext(options: LoadConfigOptions & { syncSources?: boolean } = {}): Promise<Context> {
  const { config, path } = loadConfig(options);
  const log = createLogger(config.logLevel, config.logFile);
  const db = await openDb(config.databaseUrl);
  const sources = new SourcesRepo(db);
  if (options.syncSources ?? true) await sources.syncFromConfig(configSources(config));
  let fetcher: NetworkFetcher | null = null;
  return {
    config,
    configPath: path,
    db,
    sources,
    items: new ItemsRepo(db),
    // The network stack is set up only for commands that use it.
    get fetcher() {
      fetcher ??= createFetcher(config);
      return fetcher;
    },
    log,
    close: async () => {
      await fetcher?.close();
      await db.close();
    },
  };
}

export function configSources(config: Readonly<Config>): NewSource[] {
  return config.sources.map((s) => ({
    url: s.url,
    name: s.name ?? new URL(s.url).hostname.replace(/^www\./, ""),
    kind: s.kind,
    weight: s.weight,
    origin: "config",
    ...(s.intervalMinutes ? { intervalMinutes: s.intervalMinutes } : {}),
  }));
}

/** Runs a command body with a context and always closes it. */
export async function withContext<T>(
  options: LoadConfigOptions & { syncSources?: boolean },
  body: (ctx: Context) => Promise<T>,
): Promise<T> {
  const ctx = await openContext(options);
  try {
    return await body(ctx);
  } finally {
    await ctx.close();
  }
}
