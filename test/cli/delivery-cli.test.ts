import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/store/db.ts";
import { cliSandbox, runCli } from "../helpers/cli.ts";
import { storeIssue } from "../helpers/delivery.ts";
import { sendEnv } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";

// Each test runs the real CLI several times; on a loaded 2-core machine one start can take seconds.
describe("daybrief subscribers and issue send, as a user runs them", { timeout: 180_000 }, () => {
  const sandbox = cliSandbox();
  let sink: SmtpSink;
  const run = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, { cwd: sandbox.cwd, env: { ...sandbox.env, ...env } });

  beforeAll(async () => {
    sink = await new SmtpSink().start();
  });
  afterAll(async () => {
    await sink.stop();
  });

  it("imports a CSV with a report of rejected rows, idempotently, and exports it back", async () => {
    const csv = join(sandbox.cwd, "readers.csv");
    writeFileSync(
      csv,
      [
        "Email Address,First Name,Last Name,editions",
        "ada@example.com,Ada,Lovelace,digest",
        "not-an-address,Bad,Row,",
        "grace@example.com,Grace,Hopper,digest;briefing",
        "ADA@example.com,Ada,Again,",
        "linus@example.com,,,weekly",
        "ken@example.com,Ken,,",
      ].join("\n"),
    );
    const first = await run(["subscribers", "import", csv, "--confirmed"]);
    expect(first.code, first.stderr).toBe(65);
    expect(first.stdout).toContain("3 added, 0 updated, 0 unchanged");
    expect(first.stdout).toMatch(/3\s+not-an-address\s+rejected/);
    expect(first.stdout).toMatch(/5\s+ADA@example.com\s+rejected\s+a duplicate of line 2/);
    expect(first.stdout).toMatch(/6\s+linus@example.com\s+rejected\s+unknown edition "weekly"/);

    const again = await run(["subscribers", "import", csv, "--confirmed", "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 0, unchanged: 3 });

    const list = JSON.parse((await run(["subscribers", "list", "--json"])).stdout) as Array<Record<string, unknown>>;
    expect(list.map((s) => [s.email, s.name, s.status, s.editions])).toEqual([
      ["ada@example.com", "Ada Lovelace", "confirmed", ["digest"]],
      ["grace@example.com", "Grace Hopper", "confirmed", ["digest", "briefing"]],
      ["ken@example.com", "Ken", "confirmed", ["digest", "briefing"]],
    ]);

    const exported = await run(["subscribers", "export"]);
    expect(exported.stdout.split(/\r?\n/)[0]).toBe(
      "email,name,editions,status,created_at,confirmed_at,unsubscribed_at",
    );
    const back = join(sandbox.cwd, "export.csv");
    writeFileSync(back, exported.stdout);
    expect(JSON.parse((await run(["subscribers", "import", back, "--json"])).stdout)).toMatchObject({ unchanged: 3 });
  });

  it("never lets an import or add bring back a removed address", async () => {
    const removed = await run(["subscribers", "remove", "ken@example.com", "--yes"]);
    expect(removed.code, removed.stderr).toBe(0);
    const csv = join(sandbox.cwd, "ken.csv");
    writeFileSync(csv, "email\nken@example.com\n");
    const report = JSON.parse((await run(["subscribers", "import", csv, "--confirmed", "--json"])).stdout);
    expect(report).toMatchObject({ added: 0, refused: [{ line: 2, email: "ken@example.com" }] });
    const add = await run(["subscribers", "add", "ken@example.com", "--confirmed"]);
    expect(add.code).toBe(65);
    expect(add.stderr).toContain("E_SUBSCRIBER_SUPPRESSED");
    const missing = await run(["subscribers", "remove", "nobody@example.com", "--yes"]);
    expect(missing.stderr).toContain("E_SUBSCRIBER_NOT_FOUND");
  });

  it("sends a pending reader the double opt-in email with a signed confirm link", async () => {
    const before = sink.messages.length;
    const added = await run(["subscribers", "add", "new@example.com", "--name", "New Reader"], sendEnv(sink.url));
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("Added new@example.com (pending)");
    expect(added.stdout).toContain("Sent 1 confirmation email");
    const mail = await sink.parse(sink.messages[before] as (typeof sink.messages)[number]);
    expect(mail.to?.[0]?.address).toBe("new@example.com");
    expect(mail.text).toMatch(/https:\/\/brief\.example\.com\/confirm\?t=[\w-]+\.[\w-]+/);
    expect(mail.headers.some((h) => h.key === "list-unsubscribe")).toBe(false);
  });

  it("refuses to send without settings or approval, sends once approved, and then refuses to unapprove", async () => {
    const db = await openDb(sandbox.env.DAYBRIEF_DATABASE_URL as string);
    await storeIssue(db, { status: "draft" });
    await db.close();
    const id = "is_digest_test";

    const noSecret = await run(["issue", "send", id, "--yes"]);
    expect(noSecret.stderr).toContain("E_SECRET_MISSING");
    const noSmtp = await run(["issue", "send", id, "--yes"], { DAYBRIEF_SECRET: "s".repeat(20) });
    expect(noSmtp.code).toBe(78);
    expect(noSmtp.stderr).toContain("E_SEND_CONFIG");
    expect(noSmtp.stderr).toContain("DAYBRIEF_SMTP_URL");
    expect(noSmtp.stderr).toContain("deliver.postalAddress");

    const draft = await run(["issue", "send", id, "--yes"], sendEnv(sink.url));
    expect(draft.stderr).toContain("E_ISSUE_NOT_APPROVED");
    const test = await run(["issue", "send", id, "--test", "editor@example.com"], sendEnv(sink.url));
    expect(test.code, test.stderr).toBe(0);
    expect(test.stdout).toContain("Sent a test copy");
    expect((await sink.parse(sink.messages.at(-1) as (typeof sink.messages)[number])).subject).toMatch(/^\[Test\] /);

    expect((await run(["issue", "approve", id])).stdout).toContain("Approved");
    expect((await run(["issue", "unapprove", id])).stdout).toContain("a draft again");
    expect((await run(["issue", "approve", id])).code).toBe(0);
    const before = sink.messages.length;
    const sent = await run(["issue", "send", id, "--yes"], sendEnv(sink.url));
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/Issue is_digest_test: 2 sent, 0 failed, 0 skipped/);
    expect(
      sink.messages
        .slice(before)
        .map((m) => m.to)
        .sort(),
    ).toEqual(["ada@example.com", "grace@example.com"]);

    const unapprove = await run(["issue", "unapprove", id]);
    expect(unapprove.code).toBe(65);
    expect(unapprove.stderr).toContain("E_ISSUE_SEND_STARTED");
    const resend = await run(["issue", "send", id, "--yes"], sendEnv(sink.url));
    expect(resend.stdout).toContain("already sent to everyone");
    expect(sink.messages.length).toBe(before + 2);

    const stats = await run(["issue", "stats", id, "--json"]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ status: "sent", deliveries: { sent: 2, total: 2 } });
  });
});
