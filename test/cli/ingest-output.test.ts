import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { binPath, cliSandbox, runCli, spawnCli } from "../helpers/cli.ts";
import { startServer, type TestServer } from "../helpers/http.ts";

const itemCount = 6;
let server: TestServer;
let pagesHang = true;
/** `sources add` reads the feed once; it breaks after that. */
let brokenReads = 0;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/good.xml" || (req.url === "/broken.xml" && brokenReads++ === 0)) {
      const items = Array.from(
        { length: itemCount },
        (_, i) => `<item><title>Item ${i}</title><link>${server.url}/p/${i}</link><guid>g${i}</guid></item>`,
      ).join("");
      return res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(`<rss version="2.0"><channel><title>Good</title>${items}</channel></rss>`);
    }
    if (req.url === "/broken.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end("{{{ no");
    if (pagesHang) return res.writeHead(200, { "content-type": "text/html" }).flushHeaders();
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(
        `<html><body><article><p>Page ${req.url}, long enough to pass for the text of an article.</p></article></body></html>`,
      );
  });
});

afterAll(async () => {
  await server.close();
});

function sandbox() {
  const box = cliSandbox();
  box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
  box.env.DAYBRIEF_FETCH_POLITENESS_DELAY_MS = "0";
  return box;
}

/** Runs the command in a pseudo-terminal (util-linux `script`), so the progress bar draws as a person sees it. */
function runInTerminal(args: string[], box: ReturnType<typeof sandbox>): Promise<{ code: number; output: string }> {
  const command = [process.execPath, binPath, ...args].map((a) => `'${a}'`).join(" ");
  return new Promise((resolve) => {
    const child = spawn("script", ["-qefc", command, "/dev/null"], {
      cwd: box.cwd,
      env: { ...box.env, TERM: "xterm" },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

describe("daybrief ingest on a terminal", () => {
  it.skipIf(!existsSync("/usr/bin/script"))(
    "reports a failed source once, with its code and hint, and keeps the logs off the bar",
    async () => {
      pagesHang = false;
      const box = sandbox();
      delete box.env.DAYBRIEF_LOG_LEVEL;
      await runCli(["sources", "add", `${server.url}/good.xml`, "--name", "Good"], box);
      await runCli(["sources", "add", `${server.url}/broken.xml`, "--name", "Broken"], box);
      const { output } = await runInTerminal(["ingest"], box);
      expect(output.match(/E_FEED_PARSE/g)).toHaveLength(1);
      expect(output).toContain("Broken: E_FEED_PARSE");
      expect(output).toContain("RSS, Atom, JSON Feed");
      expect(output).toContain("2 sources: 6 new items, 0 updated, 6 articles extracted; 1 source failed.");
      expect(output).not.toContain('"level"');
      expect(output).toContain("Details are logged in ./data/daybrief.log.");
      const log = readFileSync(join(box.cwd, "data", "daybrief.log"), "utf8");
      expect(log).toContain('"code":"E_FEED_PARSE"');
    },
  );
});

describe("Ctrl-C during ingest", () => {
  it("stops at once, exits 130, says what was saved and how to finish, and loses nothing", async () => {
    pagesHang = true;
    const box = sandbox();
    await runCli(["sources", "add", `${server.url}/good.xml`, "--name", "Good"], box);
    const child = spawnCli(["ingest"], box);
    let stdout = "";
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    const url = box.env.DAYBRIEF_DATABASE_URL as string;
    for (let i = 0; i < 200; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      const db = await openDb(url);
      const claimed = await db.kysely
        .selectFrom("items")
        .select("id")
        .where("article_lease_owner", "is not", null)
        .execute();
      await db.close();
      if (claimed.length === itemCount) break;
    }
    const started = Date.now();
    child.kill("SIGINT");
    const code = await new Promise((r) => child.once("close", r));
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(stdout).toContain(
      `Interrupted: 1 of 1 source fetched and saved; 0 of ${itemCount} articles extracted. Run \`daybrief ingest\` to finish.`,
    );

    // Nothing was counted as a failed attempt and no claim outlives the run.
    const db = await openDb(url);
    const items = new ItemsRepo(db);
    expect(await items.pendingArticles({ maxAttempts: 1 })).toHaveLength(itemCount);
    const now = new Date().toISOString();
    expect(await items.leases.heldByOthers("nobody", now)).toEqual([]);
    await db.close();

    pagesHang = false;
    const resumed = await runCli(["ingest"], box);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`No source is due; finished ${itemCount} articles left by an earlier run.`);
  });
});

describe("a host whose pages hang", () => {
  it("is no longer asked once the breaker opens, and the summary says so and what was left", async () => {
    pagesHang = true;
    const box = sandbox();
    box.env.DAYBRIEF_FETCH_TIMEOUT_MS = "1000";
    box.env.DAYBRIEF_FETCH_RETRIES = "0";
    box.env.DAYBRIEF_FETCH_HOST_FAILURE_LIMIT = "2";
    box.env.DAYBRIEF_FETCH_PER_HOST_CONCURRENCY = "1";
    await runCli(["sources", "add", `${server.url}/good.xml`, "--name", "Good"], box);
    const result = await runCli(["ingest"], box);
    expect(result.code, result.stderr).toBe(0);
    const host = new URL(server.url).host;
    expect(result.stdout).toContain(
      `Stopped asking ${host} after 2 failures in a row (E_FETCH_TIMEOUT); ${itemCount - 2} URLs left for the next run.`,
    );
    pagesHang = false;
    const resumed = await runCli(["ingest"], box);
    expect(resumed.stdout).toContain("left by an earlier run");
    const db = await openDb(box.env.DAYBRIEF_DATABASE_URL as string);
    expect((await new ItemsRepo(db).count()).articles).toBe(itemCount);
    await db.close();
  }, 120_000);
});
