import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliSandbox, runCli } from "../helpers/cli.ts";
import { startServer, type TestServer } from "../helpers/http.ts";

const rss = (base: string) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Loopback News</title><link>${base}/</link><description>d</description>
<item><title>First &amp; best</title><link>${base}/a/1?utm_source=rss</link><guid>one</guid><pubDate>Mon, 01 Dec 2025 09:05 EST</pubDate><description>&lt;p&gt;Hello&lt;/p&gt;</description></item>
<item><title>Second</title><link>${base}/a/2</link><guid>two</guid></item>
</channel></rss>`;

const page = (n: string) =>
  `<html lang="en"><head><title>Story ${n}</title><meta property="og:site_name" content="Loopback News"></head><body><nav><a href="/">Home</a></nav><article><h1>Story ${n}</h1><p>The first paragraph of story ${n} says something worth reading about chips and data centres.</p><p>The second paragraph adds detail, with enough words to count as the article body of this page.</p></article><div class="newsletter">Get the daily briefing in your inbox</div></body></html>`;

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/feed.xml")
      return res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(server.url));
    if (req.url === "/") {
      return res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>`,
        );
    }
    const match = /^\/a\/(\d+)/.exec(req.url ?? "");
    if (match?.[1]) return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(match[1]));
    res.writeHead(404).end();
  });
});

afterAll(async () => {
  await server.close();
});

describe("daybrief command line", () => {
  it("init writes a starter config once and refuses to overwrite it", async () => {
    const box = cliSandbox();
    const first = await runCli(["init"], box);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/starter sources/);
    const second = await runCli(["init"], box);
    expect(second.code).toBe(73);
    expect(second.stderr).toContain("E_CONFIG_EXISTS");
  });

  it("adds a source from a site URL by autodiscovery, lists it, exports and re-imports OPML, and removes it", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
    const added = await runCli(["sources", "add", `${server.url}/`, "--json"], box);
    expect(added.code, added.stderr).toBe(0);
    const source = JSON.parse(added.stdout) as { id: string; url: string; name: string };
    expect(source).toMatchObject({ url: `${server.url}/feed.xml`, name: "Loopback News" });

    const list = JSON.parse((await runCli(["sources", "list", "--json"], box)).stdout) as Array<{ id: string }>;
    expect(list.map((s) => s.id)).toEqual([source.id]);

    const opml = (await runCli(["sources", "export-opml"], box)).stdout;
    expect(opml).toContain(`xmlUrl="${server.url}/feed.xml"`);
    const other = cliSandbox();
    writeFileSync(join(other.cwd, "subs.opml"), opml);
    const imported = await runCli(["sources", "import-opml", "subs.opml"], other);
    expect(imported.stdout).toContain("Imported 1 source from subs.opml");

    const unasked = await runCli(["sources", "remove", source.id], box);
    expect(unasked.code).toBe(64);
    expect(unasked.stderr).toContain("pass --yes");
    expect(JSON.parse((await runCli(["sources", "list", "--json"], box)).stdout)).toHaveLength(1);
    expect((await runCli(["sources", "remove", source.id, "--yes"], box)).code).toBe(0);
    const missing = await runCli(["sources", "remove", source.id, "--yes"], box);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain("E_SOURCE_NOT_FOUND");
  }, 120_000);

  it("edits a source's name, weight, interval and whether it is read, refusing what it cannot use", async () => {
    const box = cliSandbox();
    const added = await runCli(["sources", "add", "https://example.com/feed.xml", "--no-check", "--json"], box);
    const { id } = JSON.parse(added.stdout) as { id: string };
    const edited = await runCli(
      ["sources", "edit", id, "--name", "Example\u001b[2J Wire", "--weight", "2.5", "--interval", "240", "--disable"],
      box,
    );
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout).toBe(
      `Changed ${id}: name Example Wire, weight 2.5, every 240 minutes, disabled (its items are kept).\n`,
    );
    const [source] = JSON.parse((await runCli(["sources", "list", "--json"], box)).stdout);
    expect(source).toMatchObject({ id, name: "Example Wire", weight: 2.5, intervalMinutes: 240, enabled: false });
    const enabled = await runCli(["sources", "edit", "https://example.com/feed.xml", "--enable", "--json"], box);
    expect(JSON.parse(enabled.stdout)).toMatchObject({ id, enabled: true, weight: 2.5 });

    for (const [args, message] of [
      [[], /Nothing to change/],
      [["--weight", "abc"], /--weight "abc" is not a number/],
      [["--interval", "2"], /--interval 2 is out of range/],
      [["--enable", "--disable"], /not both/],
      [["--name", " \u0007 "], /is empty/],
    ] as const) {
      const refused = await runCli(["sources", "edit", id, ...args], box);
      expect(refused.code, `${args.join(" ")}: ${refused.stderr}`).toBe(64);
      expect(refused.stderr).toMatch(message);
      expect(refused.stderr).toContain("E_USAGE");
    }
    const missing = await runCli(["sources", "edit", "src_nope", "--weight", "2"], box);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain("E_SOURCE_NOT_FOUND");
    const after = JSON.parse((await runCli(["sources", "list", "--json"], box)).stdout);
    expect(after).toEqual([expect.objectContaining({ name: "Example Wire", weight: 2.5, intervalMinutes: 240 })]);
  }, 120_000);

  it("prints no terminal escape, OSC 8 link or bell a source name carries (sources add, list, ingest)", async () => {
    const box = cliSandbox();
    const hostile = "Evil\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007\u001b[2J\u0007\u009b31m\u202eName";
    box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
    const added = await runCli(["sources", "add", `${server.url}/feed.xml`, "--name", hostile], box);
    expect(added.code, added.stderr).toBe(0);
    const list = await runCli(["sources", "list"], box);
    const ingest = await runCli(["ingest"], box);
    expect(ingest.stdout).toMatch(/Evillink/);
    const printed = added.stdout + list.stdout + list.stderr + ingest.stdout + ingest.stderr;
    expect(printed).toContain("Evillink");
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const [source] = JSON.parse((await runCli(["sources", "list", "--json"], box)).stdout);
    expect(source.name).toBe("EvillinkName");
  }, 120_000);

  it("refuses a loopback source unless private networks are allowed", async () => {
    const box = cliSandbox();
    const result = await runCli(["sources", "add", `${server.url}/feed.xml`], box);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain("E_URL_BLOCKED");
    expect(result.stderr).toContain("allowPrivateNetworks");
  });

  it("ingests with a per-source summary, then finds nothing due", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
    await runCli(["sources", "add", `${server.url}/feed.xml`, "--name", "Loop"], box);
    const first = await runCli(["ingest"], box);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Loop\s+ok\s+2\s+0\s+2/);
    expect(first.stdout).toContain("2 new items");
    const again = await runCli(["ingest", "--json"], box);
    expect(JSON.parse(again.stdout).sources).toEqual([]);
  });

  it("feed parse --jsonl prints the normalised model exactly as the contract says", async () => {
    const box = cliSandbox();
    writeFileSync(join(box.cwd, "feed.xml"), rss("https://example.com"));
    writeFileSync(join(box.cwd, "broken.xml"), "<<<not a feed");
    const result = await runCli(["feed", "parse", "feed.xml", "broken.xml", "missing.xml", "--jsonl"], box);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0].file).toBe("feed.xml");
    expect(Object.keys(lines[0].feed)).toEqual([
      "format",
      "version",
      "title",
      "link",
      "description",
      "language",
      "updated",
      "image",
      "authors",
      "items",
    ]);
    expect(Object.keys(lines[0].feed.items[0])).toEqual([
      "id",
      "title",
      "link",
      "summary",
      "content",
      "published",
      "updated",
      "authors",
      "categories",
      "enclosures",
    ]);
    expect(lines[0].feed.items[0]).toMatchObject({
      title: "First & best",
      published: "2025-12-01T14:05:00Z",
      summary: "<p>Hello</p>",
    });
    expect(lines[1]).toMatchObject({ file: "broken.xml", error: { code: "E_FEED_PARSE" } });
    expect(lines[2]).toMatchObject({ file: "missing.xml", error: { code: "E_FILE_READ" } });
    expect(result.code).toBe(1);
  });

  it("article extract --jsonl gives the article fields, text without the newsletter box", async () => {
    const box = cliSandbox();
    writeFileSync(join(box.cwd, "page.html"), page("7"));
    const result = await runCli(
      ["article", "extract", "page.html", "--url", "https://example.com/a/7", "--jsonl"],
      box,
    );
    const line = JSON.parse(result.stdout.trim());
    expect(Object.keys(line.article).sort()).toEqual([
      "byline",
      "html",
      "image",
      "lang",
      "published",
      "siteName",
      "text",
      "title",
    ]);
    expect(line.article.text.split("\n\n")).toHaveLength(2);
    expect(line.article.text).not.toContain("briefing");
    expect(line.article).toMatchObject({ siteName: "Loopback News", lang: "en" });
  });

  it("explains an invalid configuration value and exits with the config status", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_FETCH_TIMEOUT_MS = "12";
    const result = await runCli(["sources", "list"], box);
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/E_CONFIG_INVALID.*fetch\.timeoutMs/s);
  });
});
