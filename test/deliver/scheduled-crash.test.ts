import type { ChildProcess } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SendContext } from "../../src/pipeline/send-issue.ts";
import type { Db } from "../../src/store/db.ts";
import { DeliveriesRepo } from "../../src/store/deliveries-repo.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { SchedulesRepo } from "../../src/store/schedules-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { cliSandbox, spawnCli } from "../helpers/cli.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { addEditor, CookieJar, deskGet, signIn } from "../helpers/desk.ts";
import { sendConfigOverrides, sendContext, sendEnv } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const issueId = "is_digest_test";
/** smtp.pool × smtp.pipelining of the servers below: the most messages a kill can leave in doubt. */
const pool = 2;
const pipelining = 2;
const inFlight = pool * pipelining;

type Serve = {
  child: ChildProcess;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: string | null }>;
};

/** A real `daybrief serve` on the test's store and sink, with its logs on stderr. */
function startServe(store: TestStore, sink: SmtpSink, env: Record<string, string>): Serve {
  const sandbox = cliSandbox();
  const child = spawnCli(["serve", "--port", "0", "--host", "127.0.0.1"], {
    cwd: sandbox.cwd,
    env: {
      ...sandbox.env,
      ...sendEnv(sink.url, {
        DAYBRIEF_DATABASE_URL: store.url,
        DAYBRIEF_SMTP_POOL: String(pool),
        DAYBRIEF_SMTP_PIPELINING: String(pipelining),
        DAYBRIEF_LOG_LEVEL: "info",
        ...env,
      }),
    },
  });
  let stderr = "";
  child.stdout?.resume();
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdin?.end();
  const done = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (no clock in the verdict, only a generous ceiling) until `ready` holds. */
async function until(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(10);
  }
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

for (const kind of testStores()) {
  describe(`a scheduled send whose \`serve\` is killed with SIGKILL, on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    let sink: SmtpSink;
    let ctx: SendContext;
    const running: Serve[] = [];

    beforeEach(async (c) => {
      store = await kind.create();
      if (!store) return c.skip();
      db = await store.open();
      await storeIssue(db, { id: issueId });
      sink = await new SmtpSink().start();
      ctx = sendContext(db, sendConfigOverrides(sink.url, { "desk.secureCookies": "never" }));
      // Due already: the first `serve` starts it at once.
      const now = new Date();
      await new SchedulesRepo(db).set(
        issueId,
        new Date(now.getTime() - 60_000).toISOString(),
        "editor@example.com",
        now.toISOString(),
      );
    }, 60_000);

    afterEach(async () => {
      for (const serve of running.splice(0)) {
        serve.child.kill("SIGKILL");
        await serve.done;
      }
      await sink?.stop();
      await db?.close();
      await store?.cleanup();
    });

    const schedule = () => new SchedulesRepo(db).get(issueId);
    const sent = async () =>
      (await new IssuesRepo(db).get(issueId))?.status === "sent" && (await schedule())?.state === "sent";

    it("is resumed by the next `serve`: every reader reached, extra copies only for messages reported in doubt", async () => {
      const readers = (await seedSubscribers(db, 200, { editions: ["digest"] })).length;
      const first = startServe(store as TestStore, sink, { DAYBRIEF_SMTP_RATE_PER_SECOND: "50" });
      running.push(first);
      await until("the first serve sends", () => sink.messages.length >= 10);
      first.child.kill("SIGKILL");
      expect((await first.done).signal).toBe("SIGKILL");
      const left = await new DeliveriesRepo(db).counts(issueId);
      expect(left.sent, "killed mid-send").toBeLessThan(readers);
      expect(left.sending).toBeLessThanOrEqual(inFlight);
      expect((await schedule())?.state).toBe("started");

      const second = startServe(store as TestStore, sink, { DAYBRIEF_SMTP_RATE_PER_SECOND: "0" });
      running.push(second);
      await until("the second serve finishes the send", sent);
      expect(second.stderr()).toContain("resuming a scheduled send whose process stopped");
      expect(second.stderr()).toContain("scheduled send resumed");
      expect((await schedule())?.resumes).toBe(1);

      const rows = await new DeliveriesRepo(db).rows(issueId, ["sent", "failed", "queued", "sending", "uncertain"]);
      const copies = sink.copies();
      let extra = 0;
      let uncertain = 0;
      for (const row of rows) {
        const n = copies.get(row.email as string) ?? 0;
        expect(row.state).toBe("sent");
        expect(n, row.email ?? "").toBeGreaterThanOrEqual(1);
        expect(n, row.email ?? "").toBeLessThanOrEqual(1 + row.uncertain);
        extra += n - 1;
        uncertain += row.uncertain;
      }
      expect(copies.size).toBe(readers);
      expect(extra).toBeLessThanOrEqual(uncertain);
      expect(uncertain).toBeLessThanOrEqual(inFlight);

      // The desk tells the editor the send was taken over.
      await addEditor(db);
      const app = createApp(ctx);
      const jar = new CookieJar();
      expect((await signIn(app, jar)).status).toBe(303);
      const page = await (await deskGet(app, `/desk/issues/${issueId}`, jar)).text();
      expect(page).toContain("(sent)");
      expect(page).toContain("Resumed: the process sending it stopped before the end");
      process.stderr.write(`[${kind.name}] resumed after SIGKILL: ${uncertain} in doubt, ${extra} duplicates\n`);
    }, 600_000);

    it("is left to a live `serve` that sends it, and taken over on a tick once that one is killed", async () => {
      const readers = (await seedSubscribers(db, 40, { editions: ["digest"] })).length;
      // The hourly limit holds the first server after 15 messages, alive, renewing its lease, sending nothing.
      const first = startServe(store as TestStore, sink, { DAYBRIEF_SMTP_RATE_PER_HOUR: "15" });
      running.push(first);
      await until("the first serve reaches its hourly limit", async () => {
        const c = await new DeliveriesRepo(db).counts(issueId);
        return c.sent === 15 && c.sending === 0;
      });
      const second = startServe(store as TestStore, sink, {
        DAYBRIEF_LOG_LEVEL: "debug",
        DAYBRIEF_DESK_SCHEDULER_SECONDS: "0.5",
      });
      running.push(second);
      const elsewhere = "scheduled send is running in another process";
      await until("the second serve looks twice", () => count(second.stderr(), elsewhere) >= 2);
      expect(sink.messages).toHaveLength(15);
      expect((await schedule())?.resumes).toBe(0);
      expect(second.stderr()).not.toContain("resuming a scheduled send");

      first.child.kill("SIGKILL");
      await first.done;
      await until("the second serve takes over and finishes", sent);
      expect((await schedule())?.resumes).toBe(1);
      // Nothing was in flight at the kill, so every reader has exactly one copy.
      const copies = sink.copies();
      expect(copies.size).toBe(readers);
      expect([...copies.values()].every((n) => n === 1)).toBe(true);
      expect((await new DeliveriesRepo(db).counts(issueId)).everUncertain).toBe(0);
    }, 600_000);
  });
}
