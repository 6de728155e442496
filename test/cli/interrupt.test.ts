import pg from "pg";
import { describe, expect, it } from "vitest";
import { cliSandbox, runCli, spawnCli } from "../helpers/cli.ts";
import { postgresReachable, postgresUrl } from "../helpers/stores.ts";

const reachable = await postgresReachable();

/**
 * Runs a command against a PostgreSQL store whose stories table the test holds locked, so the command is sure to be
 * mid-way (waiting on the lock, its event loop free) when Ctrl-C comes; returns its exit status and stderr.
 */
async function interruptWhileBlocked(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const schema = `int_${process.pid}_${Date.now().toString(36)}`;
  const box = cliSandbox();
  box.env.DAYBRIEF_DATABASE_URL = `${postgresUrl}?schema=${schema}`;
  expect((await runCli(["migrate"], box)).code).toBe(0);
  const locker = new pg.Client({ connectionString: postgresUrl });
  const watcher = new pg.Client({ connectionString: postgresUrl });
  await locker.connect();
  await watcher.connect();
  try {
    await locker.query("BEGIN");
    await locker.query(`LOCK TABLE "${schema}".stories IN ACCESS EXCLUSIVE MODE`);
    const child = spawnCli(args, box);
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const closed = new Promise<number | null>((done) => child.once("close", done));
    let blocked = false;
    for (let i = 0; i < 300 && !blocked; i += 1) {
      // Activity is read afresh outside the locking transaction (inside it, the view is a snapshot).
      const waiting = await watcher.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%stories%'",
      );
      blocked = (waiting.rows[0] as { n: number }).n > 0;
      if (!blocked) await new Promise((r) => setTimeout(r, 100));
    }
    expect(blocked).toBe(true);
    expect(stderr).toBe("");
    child.kill("SIGINT");
    const code = await closed;
    return { code, stderr };
  } finally {
    await locker.query("ROLLBACK").catch(() => {});
    await locker.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await locker.end();
    await watcher.end();
  }
}

describe.skipIf(!reachable)("Ctrl-C in the middle of a command", () => {
  it("issue build exits 130 saying no issue was saved and how to build it again", async () => {
    const { code, stderr } = await interruptWhileBlocked([
      "issue",
      "build",
      "--edition",
      "digest",
      "--date",
      "2025-12-02",
    ]);
    expect(code).toBe(130);
    expect(stderr).toContain(
      "interrupted: No digest issue of 2025-12-02 was saved (a draft is written only once complete); the stories brought up to date so far are kept. Run `daybrief issue build --edition digest --date 2025-12-02` again.",
    );
  }, 60_000);

  it("stories exits 130 saying what is kept", async () => {
    const { code, stderr } = await interruptWhileBlocked(["stories", "--date", "2025-12-02"]);
    expect(code).toBe(130);
    expect(stderr).toContain("interrupted: The stories clustered so far are saved; run `daybrief stories` again");
  }, 60_000);
});
