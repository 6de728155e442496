import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse as parseYaml } from "yaml";
import { DaybriefError } from "../errors.ts";
import type { SourceKind } from "../model/source.ts";
import { packageRoot } from "../paths.ts";
import type { SourcesRepo } from "../store/sources-repo.ts";

export const demoRoot = join(packageRoot(), "demo");

export type Route = { file: string; type: string };

export type DemoSourceSpec = { id: string; name: string; kind: SourceKind; path: string; weight: number };

export type DemoSite = {
  origin: string;
  /** The folder the site is served from, and the route (file and type) of a path, as served. */
  siteDir: string;
  route: (path: string) => Route | null;
  sources: DemoSourceSpec[];
  requests: () => number;
  close: () => Promise<void>;
};

/**
 * Serves the bundled demo corpus (demo/site) on a loopback port, the way real publishers do: the origin placeholder
 * replaced by the real origin, ETag and Last-Modified with 304 answers, gzip when asked for.
 */
export async function startDemoSite(options: { port?: number } = {}): Promise<DemoSite> {
  const siteDir = join(demoRoot, "site");
  const routesPath = join(siteDir, "_routes.json");
  if (!existsSync(routesPath)) {
    throw new DaybriefError("E_FILE_READ", `The demo site is missing (${routesPath}); run \`npm run demo:build\`.`);
  }
  const routes = JSON.parse(readFileSync(routesPath, "utf8")) as Record<string, Route>;
  const cache = new Map<string, Buffer>();
  let origin = "";
  let count = 0;
  const lastModified = "Thu, 04 Dec 2025 23:59:00 GMT";
  const routeOf = (path: string): Route | null =>
    routes[path] ?? routes[`${path}/`] ?? routes[path.replace(/\/$/, "")] ?? null;
  const server: Server = createServer((req, res) => {
    count += 1;
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const route = routeOf(path);
    if (!route || req.method !== "GET") {
      res
        .writeHead(route ? 405 : 404, { "content-type": "text/plain" })
        .end(route ? "method not allowed" : "not found");
      return;
    }
    let body = cache.get(route.file);
    if (!body) {
      const raw = readFileSync(join(siteDir, route.file));
      body = /^(text|application\/(xml|rss|atom|json|feed|rdf))/.test(route.type)
        ? replaceAll(raw, "__ORIGIN__", origin)
        : raw;
      cache.set(route.file, body);
    }
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag || req.headers["if-modified-since"] === lastModified) {
      res.writeHead(304, { etag, "last-modified": lastModified }).end();
      return;
    }
    const headers: Record<string, string> = { "content-type": route.type, etag, "last-modified": lastModified };
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && body.length > 1024) {
      headers["content-encoding"] = "gzip";
      res.writeHead(200, headers).end(gzipSync(body));
    } else {
      res.writeHead(200, headers).end(body);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE" || error.code === "EACCES"
          ? new DaybriefError(
              "E_USAGE",
              `Port ${options.port} on 127.0.0.1 is taken or not allowed; choose another with --port.`,
            )
          : error,
      ),
    );
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    siteDir,
    route: routeOf,
    sources: loadDemoSources(),
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Adds the demo's sources, at the site's current origin, to a store (origin "demo", ids from demo/sources.yaml). */
export async function addDemoSources(
  sources: Pick<SourcesRepo, "add">,
  site: Pick<DemoSite, "origin" | "sources">,
): Promise<void> {
  for (const spec of site.sources) {
    await sources.add({
      id: spec.id,
      url: `${site.origin}${spec.path}`,
      name: spec.name,
      kind: spec.kind,
      weight: spec.weight,
      origin: "demo",
    });
  }
}

/** The demo's sources as listed in demo/sources.yaml. */
export function loadDemoSources(): DemoSourceSpec[] {
  const doc = parseYaml(readFileSync(join(demoRoot, "sources.yaml"), "utf8")) as { sources: DemoSourceSpec[] };
  return doc.sources.map((s) => ({
    id: s.id,
    name: s.name,
    kind: mapKind(String(s.kind)),
    path: s.path,
    weight: s.weight,
  }));
}

function mapKind(kind: string): SourceKind {
  return (
    (["news", "blog", "company", "press", "arxiv", "podcast", "newsletter", "tips"] as const).find((k) => k === kind) ??
    "news"
  );
}

/** Replaces every occurrence of a Latin-1 string in a buffer (the demo pages come in several charsets). */
export function replaceAll(buffer: Buffer, search: string, replacement: string): Buffer {
  const needle = Buffer.from(search, "latin1");
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, start)) {
    parts.push(buffer.subarray(start, at), Buffer.from(replacement, "latin1"));
    start = at + needle.length;
  }
  parts.push(buffer.subarray(start));
  return Buffer.concat(parts);
}
