import { afterEach, describe, expect, it } from "vitest";
import { isDaybriefError } from "../../src/errors.ts";
import type { HttpFetcher } from "../../src/ingest/fetch/http-fetcher.ts";
import { isBlockedAddress } from "../../src/ingest/fetch/ssrf.ts";
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

/** Fetches and returns the error's code and how long the fetch took. */
async function failure(url: string, signal?: AbortSignal): Promise<{ code: string; ms: number }> {
  const started = performance.now();
  const error = await (fetcher as HttpFetcher).fetch({ url, ...(signal ? { signal } : {}) }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDaybriefError(error), String(error)).toBe(true);
  return { code: (error as { code: string }).code, ms: performance.now() - started };
}

// What proves one deadline is structural (one request, a timeout where per-hop timeouts would have succeeded, at most
// the retries that fit). The time bounds only catch a hang: three times the deadline, so that a loaded CI machine
// cannot fail them.
describe("one deadline per URL (fetch.timeoutMs)", () => {
  it("covers every retry of a server that sends headers and then hangs", async () => {
    let requests = 0;
    server = await startServer((_req, res) => {
      requests += 1;
      res.writeHead(200, { "content-type": "text/html" });
      res.flushHeaders();
    });
    fetcher = testFetcher({ timeoutMs: 1000, retries: 2 });
    const { code, ms } = await failure(`${server.url}/hang`);
    expect(code).toBe("E_FETCH_TIMEOUT");
    expect(ms).toBeLessThan(3000);
    expect(requests).toBe(1);
  });

  it("covers a slow drip with retries allowed", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const timer = setInterval(() => res.write("<p>"), 50);
      res.on("close", () => clearInterval(timer));
    });
    fetcher = testFetcher({ timeoutMs: 1000, retries: 3 });
    const { code, ms } = await failure(`${server.url}/drip`);
    expect(code).toBe("E_FETCH_TIMEOUT");
    expect(ms).toBeLessThan(3000);
  });

  it("covers a redirect chain whose every hop is just under the timeout", async () => {
    server = await startServer((req, res) => {
      const left = Number(req.url?.split("/")[2] ?? 0);
      const answer = () =>
        left > 0 ? res.writeHead(302, { location: `/r/${left - 1}` }).end() : res.writeHead(200).end("done");
      setTimeout(answer, 400).unref();
    });
    fetcher = testFetcher({ timeoutMs: 1000, retries: 2, maxRedirects: 5 });
    const { code, ms } = await failure(`${server.url}/r/4`);
    expect(code).toBe("E_FETCH_TIMEOUT");
    expect(ms).toBeLessThan(3000);
  });

  it("retries a failing server only while the deadline leaves time for the try", async () => {
    let requests = 0;
    server = await startServer((_req, res) => {
      requests += 1;
      res.writeHead(503).end();
    });
    fetcher = testFetcher({ timeoutMs: 1000, retries: 10, retryBaseMs: 200 });
    const { code, ms } = await failure(server.url);
    expect(code).toBe("E_FETCH_HTTP");
    expect(ms).toBeLessThan(3000);
    // Backoffs of 200, 400, … ms: a third retry would start after the deadline.
    expect(requests).toBeGreaterThanOrEqual(2);
    expect(requests).toBeLessThanOrEqual(3);
  });

  it("stops at once with E_INTERRUPTED when its caller aborts", async () => {
    server = await startServer((_req, res) => res.writeHead(200).flushHeaders());
    fetcher = testFetcher({ timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { code, ms } = await failure(server.url, controller.signal);
    expect(code).toBe("E_INTERRUPTED");
    expect(ms).toBeLessThan(4000);
  });
});

describe("redirects to private addresses", () => {
  it.each([
    "http://10.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.2:PORT/",
    "http://[::1]:PORT/",
    "http://[::127.0.0.1]:PORT/",
    "http://[::ffff:7f00:1]:PORT/",
    "http://[::ffff:0:7f00:1]:PORT/",
    "http://[2002:7f00:1::]:PORT/",
    "http://[fec0::1]/",
    "http://localhost:PORT/",
    "http://0x7f.2:PORT/",
  ])("refuses a redirect to %s with E_URL_BLOCKED", async (target) => {
    let reachedStart = false;
    let reachedTarget = false;
    server = await startServer((req, res) => {
      if (req.url === "/go") reachedStart = true;
      else reachedTarget = true;
      const port = new URL(server?.url ?? "").port;
      res.writeHead(302, { location: target.replace("PORT", port) }).end();
    });
    // The guard is on; only the test server's own address is let through, so the redirect is what is judged.
    fetcher = testFetcher({
      allowPrivateNetworks: false,
      isBlockedAddress: (address) => address !== "127.0.0.1" && isBlockedAddress(address),
    });
    const { code } = await failure(`${server.url}/go`);
    expect(code).toBe("E_URL_BLOCKED");
    expect(reachedStart).toBe(true);
    expect(reachedTarget).toBe(false);
  });
});
