import { readFile } from "node:fs/promises";
import { loadConfig } from "../config/load.ts";
import { DaybriefError, type ErrorCode, toDaybriefError } from "../errors.ts";
import type { Fetcher, FetchRequest } from "../ingest/index.ts";
import { createFetcher } from "../pipeline/fetcher.ts";
import { textBytes } from "./input-bytes.ts";
import { reportError } from "./output.ts";

export type Input = { name: string; bytes: Buffer; url: string | null; contentType: string | null };

/**
 * Reads each FILE|URL argument: URLs through the guarded fetcher, files from disk; gzip is unpacked and other
 * binary input refused (input-bytes.ts). Failures are per input.
 */
export async function readInputs(
  args: string[],
  accept: string,
  each: (input: Input | { name: string; error: DaybriefError }) => Promise<void>,
): Promise<void> {
  let fetcher: Fetcher | null = null;
  const maxBytes = () => loadConfig().config.fetch.maxBytes;
  try {
    for (const name of args) {
      try {
        if (/^https?:\/\//i.test(name)) {
          fetcher ??= createFetcher(loadConfig().config);
          const request: FetchRequest = { url: name, accept };
          const response = await fetcher.fetch(request);
          const bytes = textBytes(name, Buffer.from(response.body), response.contentType, maxBytes);
          await each({ name, bytes, url: response.url, contentType: response.contentType });
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
          await each({ name, bytes: textBytes(name, bytes, null, maxBytes), url: null, contentType: null });
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

/**
 * Runs `body` on each FILE|URL input and reports each failure the same way — a JSON line with `--jsonl`, an error
 * with its hint otherwise — then sets the exit status: 65 when every input failed, 1 when some did.
 */
export async function eachInput(
  args: string[],
  accept: string,
  options: { jsonl?: boolean; code: ErrorCode },
  body: (input: Input) => Promise<void> | void,
): Promise<void> {
  let failures = 0;
  const fail = (error: DaybriefError, name: string) => {
    failures += 1;
    if (options.jsonl)
      process.stdout.write(`${JSON.stringify({ file: name, error: { code: error.code, message: error.message } })}\n`);
    else reportError(error);
  };
  await readInputs(args, accept, async (input) => {
    if ("error" in input) return fail(input.error, input.name);
    try {
      await body(input);
    } catch (thrown) {
      fail(toDaybriefError(thrown, options.code), input.name);
    }
  });
  if (failures) process.exitCode = failures === args.length ? 65 : 1;
}
