import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { login } from "../../src/pipeline/users.ts";
import { openDb } from "../../src/store/db.ts";
import { cliSandbox, runCli } from "../helpers/cli.ts";

describe("daybrief users", () => {
  it("adds an account from stdin, refuses a short password or a second account, lists and removes", async () => {
    const box = cliSandbox();
    const added = await runCli(["users", "add", "Editor@Example.com", "--password-stdin"], {
      ...box,
      input: "a long enough passphrase\n",
    });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("editor@example.com");
    expect(added.stdout).not.toContain("a long enough passphrase");

    const short = await runCli(["users", "add", "other@example.com", "--password-stdin"], { ...box, input: "short\n" });
    expect(short.code).toBe(65);
    expect(short.stderr).toContain("E_PASSWORD_WEAK");
    const twice = await runCli(["users", "add", "editor@example.com", "--password-stdin"], {
      ...box,
      input: "another long passphrase\n",
    });
    expect(twice.code).toBe(73);
    expect(twice.stderr).toContain("E_USER_EXISTS");

    const made = await runCli(["users", "add", "second@example.com", "--json"], box);
    expect(made.code, made.stderr).toBe(0);
    const { password } = JSON.parse(made.stdout) as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(12);

    const db = await openDb(`sqlite:${join(box.cwd, "data", "daybrief.db")}`);
    try {
      await expect(login(db, "editor@example.com", "a long enough passphrase", 1)).resolves.toMatchObject({
        email: "editor@example.com",
      });
      await expect(login(db, "second@example.com", password, 1)).resolves.toMatchObject({
        email: "second@example.com",
      });
      await expect(login(db, "editor@example.com", "wrong passphrase here", 1)).rejects.toThrow(/do not match/);
      const hashes = await db.kysely.selectFrom("users").select("password_hash").execute();
      for (const row of hashes) expect(row.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await db.close();
    }

    const list = await runCli(["users", "list", "--json"], box);
    expect((JSON.parse(list.stdout) as Array<{ email: string }>).map((u) => u.email)).toEqual([
      "editor@example.com",
      "second@example.com",
    ]);
    const removed = await runCli(["users", "remove", "second@example.com", "--yes"], box);
    expect(removed.code, removed.stderr).toBe(0);
    const missing = await runCli(["users", "remove", "second@example.com", "--yes"], box);
    expect(missing.stderr).toContain("E_USER_NOT_FOUND");
  }, 120_000);
});
