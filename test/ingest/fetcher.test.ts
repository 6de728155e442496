import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { isDaybriefError } from "../../src/errors.ts";
import type { HttpFetcher } from "../../src/ingest/fetch/http-fetcher.ts";
import { testFetcher } from "../helpers/fetcher.ts";
import { startServer, type TestServer } from "../helpers/http.ts";

let server: TestServer | null = null;
let fetcher: HttpFetcher | null = null;

afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  server = null;
  fetcher = null;
});

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDaybriefError(error), `expected ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as { code: string; details: Record<string, unknown>; message: string };
}

describe("HttpFetcher", () => {
  it("sends the stored validators and reports 304 Not Modified", async () => {
    server = await startServer((req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', "last-modified": "Mon, 01 Dec 2025 10:00:00 GMT" }).end("<rss/>");
    });
    fetcher = testFetcher();
    const first = await fetcher.fetch({ url: `${server.url}/feed` });
    expect(first.headers.etag).toBe('"v1"');
    const second = await fetcher.fetch({ url: `${server.url}/feed`, etag: first.headers.etag ?? null });
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
  });

  it("follows redirects, remembers a permanent move, and stops a loop", async () => {
    server = await startServer((req, res) => {
      if (req.url === "/old") return res.writeHead(301, { location: "/newer" }).end();
      if (req.url === "/newer") return res.writeHead(308, { location: "/final" }).end();
      if (req.url === "/temp") return res.writeHead(302, { location: "/final" }).end();
      if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
      res.writeHead(200).end("ok");
    });
    fetcher = testFetcher();
    const moved = await fetcher.fetch({ url: `${server.url}/old` });
    expect(moved.url).toBe(`${server.url}/final`);
    expect(moved.permanentUrl).toBe(`${server.url}/final`);
    expect((await fetcher.fetch({ url: `${server.url}/temp` })).permanentUrl).toBeNull();
    await expectCode(fetcher.fetch({ url: `${server.url}/loop` }), "E_FETCH_REDIRECTS");
  });

  it.each([
    ["gzip", gzipSync],
    ["br", brotliCompressSync],
    ["deflate", deflateSync],
    ["deflate", deflateRawSync],
  ] as const)("decodes %s bodies", async (encoding, compress) => {
    const text = "Daybrief ".repeat(500);
    server = await startServer((_req, res) =>
      res.writeHead(200, { "content-encoding": encoding }).end(compress(Buffer.from(text))),
    );
    fetcher = testFetcher();
    expect((await fetcher.fetch({ url: server.url })).body.toString()).toBe(text);
  });

  it("gives up on a server that never answers", async () => {
    server = await startServer(() => {});
    fetcher = testFetcher({ timeoutMs: 1000, retries: 0 });
    await expectCode(fetcher.fetch({ url: server.url }), "E_FETCH_TIMEOUT");
  });

  it("cuts off a slow-drip server at the deadline", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const timer = setInterval(() => res.write("<"), 100);
      res.on("close", () => clearInterval(timer));
    });
    fetcher = testFetcher({ timeoutMs: 1000, retries: 0 });
    const started = Date.now();
    await expectCode(fetcher.fetch({ url: server.url }), "E_FETCH_TIMEOUT");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses bodies over the limit: declared, streamed endlessly, or a decompression bomb", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    server = await startServer((req, res) => {
      if (req.url === "/declared")
        return res.writeHead(200, { "content-length": String(5 * 1024 * 1024 * 1024) }).end();
      if (req.url === "/bomb") return res.writeHead(200, { "content-encoding": "gzip" }).end(bomb);
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 97);
      const pump = () => {
        while (res.write(chunk)) {}
      };
      res.on("drain", pump);
      pump();
    });
    fetcher = testFetcher({ maxBytes: 256 * 1024, retries: 0 });
    await expectCode(fetcher.fetch({ url: `${server.url}/declared` }), "E_FETCH_TOO_LARGE");
    await expectCode(fetcher.fetch({ url: `${server.url}/endless` }), "E_FETCH_TOO_LARGE");
    await expectCode(fetcher.fetch({ url: `${server.url}/bomb` }), "E_FETCH_TOO_LARGE");
  });

  it("retries 5xx with backoff and succeeds", async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls < 3) return res.writeHead(503).end();
      res.writeHead(200).end("finally");
    });
    fetcher = testFetcher({ retries: 2 });
    const response = await fetcher.fetch({ url: server.url });
    expect(response.body.toString()).toBe("finally");
    expect(calls).toBe(3);
  });

  it("does not retry 410 Gone or 404", async () => {
    let calls = 0;
    server = await startServer((req, res) => {
      calls += 1;
      res.writeHead(req.url === "/gone" ? 410 : 404).end();
    });
    fetcher = testFetcher({ retries: 3 });
    await expectCode(fetcher.fetch({ url: `${server.url}/gone` }), "E_FETCH_GONE");
    await expectCode(fetcher.fetch({ url: `${server.url}/missing` }), "E_FETCH_HTTP");
    expect(calls).toBe(2);
  });

  it("honours a short Retry-After and reports a long one without waiting", async () => {
    let calls = 0;
    server = await startServer((req, res) => {
      calls += 1;
      if (req.url === "/long") return res.writeHead(429, { "retry-after": "3600" }).end();
      if (calls === 1) return res.writeHead(429, { "retry-after": "1" }).end();
      res.writeHead(200).end("ok");
    });
    fetcher = testFetcher({ retries: 2, maxRetryAfterSeconds: 5 });
    const started = Date.now();
    await fetcher.fetch({ url: `${server.url}/short` });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const error = await expectCode(fetcher.fetch({ url: `${server.url}/long` }), "E_FETCH_RATE_LIMITED");
    expect(error.details.retryAfterSeconds).toBe(3600);
  });

  it("keeps to the per-host concurrency limit and politeness delay", async () => {
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    server = await startServer((_req, res) => {
      active += 1;
      peak = Math.max(peak, active);
      starts.push(Date.now());
      setTimeout(() => {
        active -= 1;
        res.writeHead(200).end("x");
      }, 60);
    });
    fetcher = testFetcher({ perHostConcurrency: 2, politenessDelayMs: 120 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => fetcher?.fetch({ url: `${server?.url}/${i}` })));
    expect(peak).toBeLessThanOrEqual(2);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    // Arrival times at the server jitter by a few milliseconds around the starts the limiter spaced.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
  });

  it("refuses loopback and private addresses unless private networks are allowed", async () => {
    server = await startServer((_req, res) => res.writeHead(200).end("secret"));
    fetcher = testFetcher({ allowPrivateNetworks: false });
    await expectCode(fetcher.fetch({ url: server.url }), "E_URL_BLOCKED");
    const port = new URL(server.url).port;
    await expectCode(fetcher.fetch({ url: `http://localhost:${port}/` }), "E_URL_BLOCKED");
    await expectCode(fetcher.fetch({ url: "http://169.254.169.254/latest/meta-data/" }), "E_URL_BLOCKED");
    await expectCode(fetcher.fetch({ url: "http://[::ffff:127.0.0.1]/" }), "E_URL_BLOCKED");
    await expectCode(fetcher.fetch({ url: "file:///etc/passwd" }), "E_URL_INVALID");
  });
});
