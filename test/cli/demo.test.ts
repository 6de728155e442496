import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { starterSources } from "../../src/config/starter.ts";
import { cliSandbox, runCli, spawnCli } from "../helpers/cli.ts";

const chromiumPath = "/usr/bin/chromium";

/** A user's sandbox without DAYBRIEF_DATABASE_URL: the default store is ./data/daybrief.db, as after `init`. */
function userBox() {
  const box = cliSandbox();
  delete box.env.DAYBRIEF_DATABASE_URL;
  return box;
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Resolves with the process's output once `pattern` shows on stdout (rejects if it exits first). */
function waitFor(child: ReturnType<typeof spawnCli>, pattern: RegExp): Promise<string> {
  let stdout = "";
  return new Promise((done, fail) => {
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (pattern.test(stdout)) done(stdout);
    });
    child.once("close", (code) => fail(new Error(`exited ${code} before ${pattern}: ${stdout}`)));
  });
}

function ended(child: ReturnType<typeof spawnCli>): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((done) => child.once("close", (code) => done({ code, stderr })));
}

describe("daybrief demo keeps to a store of its own, with links that work offline", () => {
  const box = userBox();
  let demo: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    demo = await runCli(["demo"], box);
  }, 240_000);

  it("says where its store is, and leaves the user's default store alone", async () => {
    expect(demo.code, demo.stderr).toBe(0);
    const store = join(box.cwd, "demo-out", "daybrief-demo.db");
    expect(demo.stdout).toContain(`stored in sqlite:${store} (its own store)`);
    expect(existsSync(store)).toBe(true);
    expect(existsSync(join(box.cwd, "data", "daybrief.db"))).toBe(false);

    expect((await runCli(["init"], box)).code).toBe(0);
    const sources = JSON.parse((await runCli(["sources", "list", "--json"], box)).stdout) as Array<{
      id: string;
      origin: string;
    }>;
    expect(sources).toHaveLength(starterSources.length);
    expect(sources.filter((s) => s.origin !== "config")).toEqual([]);
    expect(JSON.parse((await runCli(["issue", "list", "--json"], box)).stdout)).toEqual([]);
    const wirebeat = await runCli(["ingest", "--source", "wirebeat"], box);
    expect(wirebeat.stderr).toContain("E_SOURCE_NOT_FOUND");
    expect(wirebeat.stderr).not.toContain("E_URL_BLOCKED");

    // The demo's store holds what it built.
    const own = { ...box, env: { ...box.env, DAYBRIEF_DATABASE_URL: `sqlite:${store}` } };
    expect(JSON.parse((await runCli(["issue", "list", "--json"], own)).stdout)).toHaveLength(8);
  });

  it("links every issue file to copies of the pages in demo-out/articles/, never to the dead port", () => {
    const out = join(box.cwd, "demo-out");
    const rendered = filesUnder(out).filter((f) => /\.(html|md|txt|xml|json)$/.test(f) && !f.startsWith("articles"));
    expect(rendered.length).toBeGreaterThan(30);
    let checked = 0;
    for (const file of rendered) {
      const text = readFileSync(join(out, file), "utf8");
      expect(text, file).not.toMatch(/127\.0\.0\.1/);
      for (const [, link] of text.matchAll(/(?:href="|\]\(|<)((?:\.\.\/)*articles\/[^")>\s]+)/g)) {
        expect(existsSync(resolve(out, dirname(file), link as string)), `${file} → ${link}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    const copies = readdirSync(join(out, "articles")).filter((f) => f.endsWith(".html"));
    for (const copy of copies) expect(readFileSync(join(out, "articles", copy), "latin1")).not.toContain("__ORIGIN__");
  });

  it.skipIf(!existsSync(chromiumPath))("opens a source link of an issue from disk in a browser", async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(box.cwd, "demo-out", "digest", "2025-12-02.html")).href);
      // The lead image shows from the output folder's own copy, offline.
      const image = await page.evaluate(() => {
        const img = document.querySelector("img");
        return img ? { src: img.getAttribute("src"), width: img.naturalWidth, alt: img.alt } : null;
      });
      expect(image).toMatchObject({ src: expect.stringMatching(/^\.\.\/articles\/assets\/.+\.png$/), width: 1200 });
      expect(image?.alt).toMatch(/^Picture from /);
      // A source link (the lead image before it links to its article too, with no text of its own).
      const link = page.locator('a.db-src[href*="articles/"]').first();
      const text = (await link.textContent())?.trim() ?? "";
      await link.click();
      await page.waitForLoadState("load");
      expect(page.url()).toMatch(/^file:\/\/.*\/demo-out\/articles\/[a-z0-9-]+\.html$/);
      const heading = (await page.locator("h1").first().textContent()) ?? "";
      expect(heading.length).toBeGreaterThan(10);
      expect(text.length).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});

describe("daybrief demo --port and Ctrl-C", () => {
  it("serves the demo sources on the port the links name until Ctrl-C", async () => {
    const box = userBox();
    const port = await freePort();
    const child = spawnCli(["demo", "--port", String(port), "--out", "out"], box);
    const exit = ended(child);
    const stdout = await waitFor(child, /Serving the demo sources at/);
    expect(stdout).toContain(`served at http://127.0.0.1:${port}`);
    const md = readFileSync(join(box.cwd, "out", "digest", "2025-12-02.md"), "utf8");
    // The first link to a page (the lead image's URL comes before it).
    const link = [...md.matchAll(new RegExp(`http://127\\.0\\.0\\.1:${port}/[^)\\s]+`, "g"))]
      .map((m) => m[0])
      .find((url) => !/\.(png|jpe?g|gif|webp)$/.test(url));
    expect(link).toBeDefined();
    const response = await fetch(link as string);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<article|<h1/);
    child.kill("SIGINT");
    const { code, stderr } = await exit;
    expect(code).toBe(130);
    expect(stderr).toMatch(
      /interrupted: Stopped serving the demo sources; out\/ and sqlite:.*daybrief-demo\.db are complete/,
    );
  }, 240_000);

  it("refuses a port that is taken, with a coded error", async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
    const { port } = blocker.address() as { port: number };
    try {
      const result = await runCli(["demo", "--port", String(port)], userBox());
      expect(result.code).toBe(64);
      expect(result.stderr).toContain(`error E_USAGE: Port ${port} on 127.0.0.1 is taken`);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });

  it("says what was saved and how to resume when Ctrl-C stops the build", async () => {
    const box = userBox();
    const child = spawnCli(["demo"], box);
    const exit = ended(child);
    await waitFor(child, /Daybrief demo/);
    child.kill("SIGINT");
    const { code, stderr } = await exit;
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: .*daybrief-demo\.db.*Run `daybrief demo` again/);
  }, 120_000);
});
