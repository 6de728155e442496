import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDb } from "../../src/store/db.ts";
import { cliSandbox, runCli, spawnCli } from "../helpers/cli.ts";
import { issueFor, storeIssues } from "../helpers/public-issues.ts";
import { freePort } from "../helpers/smtp-sink.ts";

describe("daybrief issue publish", () => {
  it("refuses a draft, publishes on approve when configured, and warns without siteUrl", async () => {
    const { cwd, env } = cliSandbox();
    mkdirSync(join(cwd, "data"), { recursive: true });
    const db = await openDb(env.DAYBRIEF_DATABASE_URL as string);
    await storeIssues(db, [issueFor("digest", "2025-12-02")], { status: "draft", published: false });
    await db.close();

    const draft = await runCli(["issue", "publish", "is_digest_2025-12-02", "--out", "site"], { cwd, env });
    expect(draft.code).toBe(65);
    expect(draft.stderr).toContain("E_PUBLISH_NOT_APPROVED");
    expect(existsSync(join(cwd, "site"))).toBe(false);

    const approveEnv = { ...env, DAYBRIEF_PUBLISH_ON_APPROVE: "true", DAYBRIEF_PUBLISH_DIR: join(cwd, "public") };
    const approved = await runCli(["issue", "approve", "is_digest_2025-12-02"], { cwd, env: approveEnv });
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toMatch(/Published Daybrief Digest of 2025-12-02/);
    expect(approved.stderr).toMatch(/siteUrl \(DAYBRIEF_SITE_URL\) is not set/);
    expect(existsSync(join(cwd, "public", "archive", "digest", "2025-12-02.html"))).toBe(true);

    const withUrl = { ...env, DAYBRIEF_SITE_URL: "https://brief.example.com" };
    const json = await runCli(["issue", "publish", "is_digest_2025-12-02", "--out", "site", "--json"], {
      cwd,
      env: withUrl,
    });
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { warnings: string[]; files: string[]; publishedAt: string };
    expect(report.warnings).toEqual([]);
    expect(report.files).toContain("feed.xml");
    expect(readFileSync(join(cwd, "site", "feed.xml"), "utf8")).toContain(
      "<link>https://brief.example.com/archive/digest/2025-12-02.html</link>",
    );
  }, 120_000);

  it("serves the published issue, the archive and the sign-up form from `daybrief serve`", async () => {
    const { cwd, env } = cliSandbox();
    mkdirSync(join(cwd, "data"), { recursive: true });
    const db = await openDb(env.DAYBRIEF_DATABASE_URL as string);
    await storeIssues(db, [issueFor("digest", "2025-12-02")], { status: "sent", published: true });
    await db.close();
    const port = await freePort();
    const child = spawnCli(["serve", "--port", String(port)], {
      cwd,
      env: { ...env, DAYBRIEF_SECRET: "serve-secret-0123456789abcdef" },
    });
    let stderr = "";
    let stdout = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on("data", (d: Buffer) => (d.toString().includes("Listening on") ? resolve() : undefined));
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const archive = await fetch(`${base}/`);
      expect(archive.status).toBe(200);
      expect(await archive.text()).toContain('href="/archive/digest/2025-12-02.html"');
      const page = await fetch(`${base}/archive/digest/2025-12-02.html`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect((await fetch(`${base}/subscribe`)).status).toBe(200);
      expect(stderr).toContain("siteUrl (DAYBRIEF_SITE_URL) is not set");
      // A first start says where the desk is, and how to get an account for it.
      expect(stdout).toContain(`The editors' desk: http://127.0.0.1:${port}/desk`);
      expect(stderr).toContain("daybrief users add EMAIL");
      // SIGTERM (a service manager's stop) shuts it down as Ctrl-C does: cleanly, status 0.
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited, stderr).toBe(0);
      expect(stderr).not.toContain("interrupted:");
    } finally {
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    }
  }, 120_000);
});
