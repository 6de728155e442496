import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageLimits, probeImage } from "../../src/ingest/index.ts";
import { testFetcher } from "../helpers/fetcher.ts";
import { startServer, type TestServer } from "../helpers/http.ts";
import { gif, jpeg, png, webp } from "../helpers/images.ts";

type Served = { type: string; body: Buffer; encoding?: "gzip" | "br" };

const lead = png(1200, 630);
const files: Record<string, Served> = {
  "/lead.png": { type: "image/png", body: lead },
  "/lead.jpg": { type: "image/jpeg", body: jpeg(1600, 900) },
  "/rotated.jpg": { type: "image/jpeg", body: jpeg(1200, 1600, { orientation: 6 }) },
  "/lead.gif": { type: "image/gif", body: gif(800, 450) },
  "/lead.webp": { type: "image/webp", body: webp(1024, 576, "VP8X") },
  "/gzip.png": { type: "image/png", body: gzipSync(lead), encoding: "gzip" },
  "/brotli.jpg": { type: "image/jpeg", body: brotliCompressSync(jpeg(1600, 900)), encoding: "br" },
  "/logo.svg": {
    type: "image/svg+xml",
    body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><script>x()</script></svg>'),
  },
  "/page.png": { type: "image/png", body: Buffer.from("<!doctype html><title>Sign in</title>") },
  "/html": { type: "text/html; charset=utf-8", body: lead },
  "/liar.gif": { type: "image/gif", body: lead },
  "/pixel.gif": { type: "image/gif", body: gif(1, 1) },
  "/bomb.png": { type: "image/png", body: png(60_000, 40_000, { pixels: false }) },
  "/banner.png": { type: "image/png", body: png(2400, 300, { pixels: false }) },
  "/portrait.png": { type: "image/png", body: png(600, 1200, { pixels: false }) },
  "/huge.png": { type: "image/png", body: Buffer.concat([lead, Buffer.alloc(imageLimits.maxBytes + 1)]) },
  // 64 MiB of zeros that is 64 KiB on the wire: decoding stops at the limit, memory stays bounded.
  "/gzip-bomb.png": {
    type: "image/png",
    body: gzipSync(Buffer.concat([lead, Buffer.alloc(64 * 1024 * 1024)])),
    encoding: "gzip",
  },
};

let server: TestServer;
const fetcher = testFetcher({ maxBytes: 32 * 1024 * 1024, retries: 0 });

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/moved.png") {
      res.writeHead(302, { location: "/lead.png" }).end();
      return;
    }
    const file = files[path];
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res
      .writeHead(200, { "content-type": file.type, ...(file.encoding ? { "content-encoding": file.encoding } : {}) })
      .end(file.body);
  });
});

afterAll(async () => {
  await fetcher.close();
  await server?.close();
});

const probe = (path: string) => probeImage(fetcher, `${server.url}${path}`);

describe("probeImage over HTTP", () => {
  it("measures PNG, JPEG, GIF and WebP images, compressed in transit or not, after redirects", async () => {
    expect(await probe("/lead.png")).toMatchObject({ format: "png", width: 1200, height: 630 });
    expect(await probe("/lead.jpg")).toMatchObject({ format: "jpeg", width: 1600, height: 900 });
    expect(await probe("/lead.gif")).toMatchObject({ format: "gif", width: 800, height: 450 });
    expect(await probe("/lead.webp")).toMatchObject({ format: "webp", width: 1024, height: 576 });
    expect(await probe("/gzip.png")).toMatchObject({ width: 1200, height: 630, bytes: lead.length });
    expect(await probe("/brotli.jpg")).toMatchObject({ width: 1600, height: 900 });
    expect(await probe("/moved.png")).toMatchObject({ url: `${server.url}/lead.png`, width: 1200 });
  });

  it("turns a sideways-stored photo by its EXIF orientation before judging its shape", async () => {
    // Stored 1200×1600 (portrait) but orientation 6: shown 1600×1200, landscape, so it may lead.
    expect(await probe("/rotated.jpg")).toMatchObject({ width: 1600, height: 1200 });
  });

  const refused: Array<[string, RegExp]> = [
    ["/logo.svg", /image\/svg\+xml, not a PNG, JPEG, GIF or WebP/],
    ["/page.png", /not a PNG, JPEG, GIF or WebP/],
    ["/html", /sent text\/html, not an image/],
    ["/liar.gif", /calls it image\/gif but it is image\/png/],
    ["/pixel.gif", /1×1 px, too small/],
    ["/bomb.png", /60000×40000 px, too large/],
    ["/banner.png", /2400×300 px, a banner/],
    ["/portrait.png", /600×1200 px, taller than wide/],
    ["/huge.png", /could not be fetched .*larger than 5 MiB/],
    ["/gzip-bomb.png", /could not be fetched .*larger than 5 MiB/],
    ["/missing.png", /could not be fetched .*404/],
  ];
  for (const [path, why] of refused) {
    it(`refuses ${path} with E_IMAGE_UNUSABLE and the reason`, async () => {
      const error = await probe(path).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "E_IMAGE_UNUSABLE" });
      expect((error as Error).message).toMatch(why);
    });
  }

  it("refuses other schemes without fetching, and private addresses under the SSRF guard", async () => {
    for (const url of ["data:image/png;base64,AAAA", "file:///etc/passwd", "ftp://x.example/a.png", "not a url"]) {
      await expect(probeImage(fetcher, url)).rejects.toMatchObject({ code: "E_IMAGE_UNUSABLE" });
    }
    const guarded = testFetcher({ allowPrivateNetworks: false, retries: 0 });
    try {
      const error = await probeImage(guarded, `${server.url}/lead.png`).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "E_IMAGE_UNUSABLE" });
      expect(((error as Error).cause as { code?: string }).code).toBe("E_URL_BLOCKED");
    } finally {
      await guarded.close();
    }
  });
});
