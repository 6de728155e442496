import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Context } from "hono";

export type Built = { body: string; type: string; headers?: Record<string, string> };

type Entry = Built & { etag: string; gzip?: Uint8Array };

/**
 * Rendered responses of the public site, kept until anything public changes (the store's site version) or the
 * table is full. A hit costs one small query for the version and a map look-up; a request whose If-None-Match
 * names the current ETag gets 304 without a body.
 */
export class ResponseCache {
  readonly #entries = new Map<string, Entry>();
  readonly #max: number;
  #version = "";

  constructor(max = 500) {
    this.#max = max;
  }

  /**
   * The response for `key` at `version`, built once with `build` (null: 404, not cached).
   *
   * @example
   * return cache.serve(c, c.req.url, await siteVersion(ctx), 300, async () => ({ body: html, type: "text/html" }));
   */
  async serve(
    c: Context,
    key: string,
    version: string,
    maxAge: number,
    build: () => Promise<Built | null>,
  ): Promise<Response | null> {
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    let entry = this.#entries.get(key);
    if (!entry) {
      const built = await build();
      if (!built) return null;
      const digest = createHash("sha1").update(version).update("\n").update(built.body).digest("base64url");
      entry = { ...built, etag: `"${digest.slice(0, 22)}"` };
      if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value as string);
      this.#entries.set(key, entry);
    }
    const headers = {
      ...entry.headers,
      etag: entry.etag,
      "cache-control": `public, max-age=${maxAge}, must-revalidate`,
      vary: "Accept-Encoding",
    };
    if (etagMatches(c.req.header("if-none-match"), entry.etag)) return c.body(null, 304, headers);
    // Compressed once, on the first request that accepts it, and kept beside the text.
    if (entry.body.length > 1024 && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
      entry.gzip ??= new Uint8Array(gzipSync(entry.body));
      return c.body(entry.gzip as Uint8Array<ArrayBuffer>, 200, {
        ...headers,
        "content-type": entry.type,
        "content-encoding": "gzip",
      });
    }
    return c.body(entry.body, 200, { ...headers, "content-type": entry.type });
  }
}

/** If-None-Match holds the ETag (weak or strong), or "*". */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === etag || t === "*");
}
