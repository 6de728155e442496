import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const binPath = join(import.meta.dirname, "..", "..", "bin", "daybrief.js");

export type CliResult = { code: number; stdout: string; stderr: string };

/** A scratch working directory with its own SQLite store, as a new user would have. */
export function cliSandbox(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), "daybrief-cli-"));
  return {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      NO_COLOR: "1",
      // The system zone is the default time zone; fixing it keeps days the same on every machine.
      TZ: "UTC",
      DAYBRIEF_DATABASE_URL: `sqlite:${join(cwd, "data", "daybrief.db")}`,
      DAYBRIEF_LOG_LEVEL: "silent",
    },
  };
}

/** Runs the real `daybrief` command and collects its output. */
export function runCli(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, options);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

export function spawnCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  return spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
}
