import { readFile } from "node:fs/promises";
import { loadConfig } from "../config/load.ts";
import { DaybriefError } from "../errors.ts";
import type { Fetcher, FetchRequest } from "../ingest/fetch/fetcher.ts";
import { createFetcher } from "./context.ts";

export type Input = { name: string; bytes: Buffer; url: string | null; contentType: string | null };

/** Reads each FILE|URL argument: URLs through the guarded fetcher, files from disk. Failures are per input. */
export async function readInputs(
  args: string[],
  accept: string,
  each: (input: Input | { name: string; error: DaybriefError }) => Promise<void>,
): Promise<void> {
  let fetcher: Fetcher | null = null;
  try {
    for (const name of args) {
      try {
        if (/^https?:\/\//i.test(name)) {
          fetcher ??= createFetcher(loadConfig().config);
          const request: FetchRequest = { url: name, accept };
          const response = await fetcher.fetch(request);
          await each({ name, bytes: response.body, url: response.url, contentType: response.contentType });
        } else {
          const bytes = await readFile(name).catch((error: NodeJS.ErrnoException) => {
            throw new DaybriefError(
              "E_FILE_READ",
              `Cannot read ${name}: ${error.code === "ENOENT" ? "no such file" : error.message}.`,
              {
                cause: error,
              },
            );
          });
          await each({ name, bytes, url: null, contentType: null });
        }
      } catch (error) {
        if (!(error instanceof DaybriefError)) throw error;
        await each({ name, error });
      }
    }
  } finally {
    await fetcher?.close();
  }
}
