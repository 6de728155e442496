import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliSandbox, runCli } from "../helpers/cli.ts";
import { startServer, type TestServer } from "../helpers/http.ts";

const page = `<html lang="en"><head><title>Chip news</title></head><body><article><h1>Chip news</h1>
<p>The first paragraph of the story says something worth reading about chips and data centres today.</p>
<p>The second paragraph adds detail, with enough words to count as the article body of this page.</p></article></body></html>`;
const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Packed</title><link>https://example.com/</link>
<item><title>One</title><link>https://example.com/1</link><guid>1</guid></item></channel></rss>`;

/** Deterministic noise (xorshift32). */
function noise(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let x = 2463534242;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/logo.png") return res.writeHead(200, { "content-type": "image/png" }).end(noise(2000));
    if (req.url === "/report.pdf")
      return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n...");
    if (req.url === "/noise") return res.writeHead(200, { "content-type": "text/html" }).end(noise(4000));
    if (req.url === "/feed.xml.gz")
      return res.writeHead(200, { "content-type": "application/gzip" }).end(gzipSync(feed));
    if (req.url === "/fail") return res.writeHead(500, { "content-type": "text/plain" }).end("boom");
    res.writeHead(404).end();
  });
});

afterAll(async () => {
  await server.close();
});

/** Whether output holds bytes no terminal should be sent: controls other than tab and newline, or U+FFFD. */
const garbled = (text: string) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/.test(text);

describe("binary input to feed parse and article extract", () => {
  it("refuses random bytes, archives and images with E_INPUT_BINARY, printing none of them", async () => {
    const box = cliSandbox();
    writeFileSync(join(box.cwd, "random.bin"), noise(3000));
    writeFileSync(join(box.cwd, "notes.zip"), Buffer.concat([Buffer.from("PK\u0003\u0004"), noise(500)]));
    writeFileSync(join(box.cwd, "noise.gz"), gzipSync(noise(3000)));
    for (const command of [
      ["article", "extract"],
      ["feed", "parse"],
    ]) {
      for (const file of ["random.bin", "notes.zip", "noise.gz"]) {
        const result = await runCli([...command, file], box);
        expect(result.code, `${command.join(" ")} ${file}`).toBe(65);
        expect(result.stderr).toContain("error E_INPUT_BINARY");
        expect(result.stdout).toBe("");
        expect(garbled(result.stderr)).toBe(false);
      }
    }
    const jsonl = await runCli(["article", "extract", "random.bin", "--jsonl"], box);
    expect(JSON.parse(jsonl.stdout)).toMatchObject({
      file: "random.bin",
      error: { code: "E_INPUT_BINARY", message: expect.stringMatching(/random\.bin is binary data/) },
    });
    const zip = await runCli(["feed", "parse", "notes.zip", "--jsonl"], box);
    expect(JSON.parse(zip.stdout).error.message).toContain("notes.zip is a zip file");
  });

  it("unpacks a gzip file and reads what is inside", async () => {
    const box = cliSandbox();
    writeFileSync(join(box.cwd, "page.html.gz"), gzipSync(page));
    writeFileSync(join(box.cwd, "feed.xml.gz"), gzipSync(feed));
    const article = await runCli(["article", "extract", "page.html.gz", "--jsonl"], box);
    expect(article.code, article.stderr).toBe(0);
    expect(JSON.parse(article.stdout).article).toMatchObject({ title: "Chip news" });
    const parsed = await runCli(["feed", "parse", "feed.xml.gz", "--jsonl"], box);
    expect(JSON.parse(parsed.stdout).feed.title).toBe("Packed");
  });

  it("stops a gzip bomb at fetch.maxBytes", async () => {
    const box = cliSandbox();
    writeFileSync(join(box.cwd, "bomb.html.gz"), gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20)));
    box.env.DAYBRIEF_FETCH_MAX_BYTES = String(1024 * 1024);
    const result = await runCli(["article", "extract", "bomb.html.gz"], box);
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/E_FETCH_TOO_LARGE.*unpacks to more than 1048576 bytes/);
  });

  it("refuses URLs served as images or PDF, or sending noise as HTML", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
    for (const [path, message] of [
      ["/logo.png", "is served as image/png"],
      ["/report.pdf", "is served as application/pdf"],
      ["/noise", "is binary data"],
    ] as const) {
      const result = await runCli(["article", "extract", `${server.url}${path}`], box);
      expect(result.code, path).toBe(65);
      expect(result.stderr).toContain("E_INPUT_BINARY");
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe("");
    }
    const packed = await runCli(["feed", "parse", `${server.url}/feed.xml.gz`, "--jsonl"], box);
    expect(JSON.parse(packed.stdout).feed.title).toBe("Packed");
  });
});

describe("hints that fit where the error happened", () => {
  it("does not promise a retry for a source `sources add` did not add", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
    const result = await runCli(["sources", "add", `${server.url}/fail`], box);
    expect(result.code).toBe(69);
    expect(result.stderr).toContain("E_FETCH_HTTP");
    expect(result.stderr).not.toMatch(/retried/);
    expect(result.stderr).toContain("Check the URL in a browser.");
  });

  it("does not tell a SQLite user to check the database server", async () => {
    const box = cliSandbox();
    writeFileSync(join(box.cwd, "plain-file"), "not a folder");
    box.env.DAYBRIEF_DATABASE_URL = `sqlite:${join(box.cwd, "plain-file", "daybrief.db")}`;
    const result = await runCli(["sources", "list"], box);
    expect(result.code).toBe(69);
    expect(result.stderr).toContain("E_DB_CONNECT");
    expect(result.stderr).not.toMatch(/server/);
    expect(result.stderr).toMatch(/SQLite file's folder/);
  });

  it("does not point at an advertised feed when the page advertises none", async () => {
    const box = cliSandbox();
    writeFileSync(
      join(box.cwd, "home.html"),
      "<!doctype html><html><head><title>Home</title></head><body>Hi</body></html>",
    );
    writeFileSync(
      join(box.cwd, "blog.html"),
      '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="https://example.com/feed.xml"></head><body>Hi</body></html>',
    );
    const none = await runCli(["feed", "parse", "home.html"], box);
    expect(none.stderr).toContain("It advertises no feed.");
    expect(none.stderr).not.toMatch(/feed URL it advertises/);
    const some = await runCli(["feed", "parse", "blog.html"], box);
    expect(some.stderr).toContain("It advertises: https://example.com/feed.xml");
    expect(some.stderr).toContain("use the feed URL it advertises");
  });

  it("does not speak of feed text kept when extracting an article from a file", async () => {
    const box = cliSandbox();
    writeFileSync(join(box.cwd, "notes.txt"), "Just some plain text without any markup at all.");
    const result = await runCli(["article", "extract", "notes.txt"], box);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain("E_ARTICLE_NOT_HTML");
    expect(result.stderr).not.toMatch(/feed text|kept/);
  });
});
