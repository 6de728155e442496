import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { binPath, cliSandbox, runCli } from "../helpers/cli.ts";

describe("the command line refuses what it cannot use, with a coded error", () => {
  it.each([
    [["stories", "--date", "2026-13-45"], /--date "2026-13-45" is not a day of the calendar/],
    [["issue", "build", "--edition", "digest", "--date", "2026-13-01"], /--date "2026-13-01"/],
    [["issue", "build", "--edition", "digest", "--date", "2026-02-30"], /--date "2026-02-30"/],
    [["stories", "--limit", "abc"], /--limit "abc" is not a whole number/],
    [["sources", "add", "https://example.com/feed", "--weight", "abc"], /--weight "abc" is not a number/],
    [["sources", "add", "https://example.com/feed", "--weight", "-5"], /--weight -5 is out of range/],
    [["sources", "add", "https://example.com/feed", "--kind", "tabloid"], /--kind "tabloid" is not one of/],
    [["stories", "--bogus"], /error E_USAGE: unknown option '--bogus'/],
  ])("daybrief %j", async (args, message) => {
    const result = await runCli(args, cliSandbox());
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/RangeError|\n\s+at /);
  });

  it("shows examples and the environment in --help, and the cluster input format in its help", async () => {
    const root = await runCli(["--help"], cliSandbox());
    for (const variable of ["DATABASE_URL", "CONFIG", "TIMEZONE", "SMTP_URL", "LLM_BASE_URL", "ALLOW_PRIVATE_NETWORKS"])
      expect(root.stdout).toContain(`DAYBRIEF_${variable}`);
    expect(root.stdout).toContain("Examples:");
    const cluster = await runCli(["stories", "cluster", "--help"], cliSandbox());
    expect(cluster.stdout).toMatch(/Input, one JSON object per line:[\s\S]*"published"/);
  });

  it("stops quietly when the reader of its output goes away (| head)", async () => {
    const box = cliSandbox();
    const child = spawn(process.execPath, [binPath, "--help"], { cwd: box.cwd, env: box.env });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
