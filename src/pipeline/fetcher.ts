import type { Config } from "../config/schema.ts";
import { HttpFetcher } from "../ingest/index.ts";

/** The network stack a command fetches through: ingest's HTTP fetcher, set up from the config. */
export type NetworkFetcher = HttpFetcher;

export function createFetcher(config: Readonly<Config>): NetworkFetcher {
  return new HttpFetcher({ ...config.fetch, allowPrivateNetworks: config.allowPrivateNetworks });
}
