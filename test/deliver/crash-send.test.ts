import type { ChildProcess } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { DeliveriesRepo } from "../../src/store/deliveries-repo.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { cliSandbox, spawnCli } from "../helpers/cli.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { sendEnv } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const readers = 300;
const kills = 4;
/** smtp.pool × smtp.pipelining of the runs below: the most messages a kill can leave in doubt. */
const pool = 2;
const pipelining = 2;
const inFlight = pool * pipelining;

type Run = {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
};

function startSend(store: TestStore, sink: SmtpSink, rate: number): Run {
  const sandbox = cliSandbox();
  const env = {
    ...sandbox.env,
    ...sendEnv(sink.url, {
      DAYBRIEF_DATABASE_URL: store.url,
      DAYBRIEF_SMTP_POOL: String(pool),
      DAYBRIEF_SMTP_PIPELINING: String(pipelining),
      DAYBRIEF_SMTP_RATE_PER_SECOND: String(rate),
    }),
  };
  const child = spawnCli(["issue", "send", "is_digest_test", "--yes", "--json"], { cwd: sandbox.cwd, env });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdin?.end();
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

// Five CLI starts per test: on a loaded 2-core machine each can take many seconds, hence the long timeouts.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilReceived(sink: SmtpSink, count: number, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (sink.messages.length < count) {
    if (Date.now() > deadline) throw new Error(`the sink has ${sink.messages.length} messages, waited for ${count}`);
    await sleep(5);
  }
}

for (const kind of testStores()) {
  describe(`issue send killed with SIGKILL and restarted, on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    let sink: SmtpSink;

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
      await storeIssue(db);
      await seedSubscribers(db, readers, { editions: ["digest"] });
      sink = await new SmtpSink().start();
    });

    afterEach(async () => {
      await sink?.stop();
      await db?.close();
      await store?.cleanup();
    });

    it("reaches every reader; extra copies never exceed what was reported uncertain, nor the in-flight bound", async () => {
      const live = store as TestStore;
      for (let k = 0; k < kills; k += 1) {
        const run = startSend(live, sink, 250);
        // Kill at a random instant once this run is sending (it has handed the server at least one message).
        await untilReceived(sink, sink.messages.length + 1);
        await sleep(Math.floor(Math.random() * 120));
        run.child.kill("SIGKILL");
        expect((await run.done).signal).toBe("SIGKILL");
        const counts = await new DeliveriesRepo(db).counts("is_digest_test");
        // A kill leaves at most the in-flight messages marked sending.
        expect(counts.sending).toBeLessThanOrEqual(inFlight);
      }
      const last = await startSend(live, sink, 0).done;
      expect(last.code, last.stderr).toBe(0);
      const report = JSON.parse(last.stdout) as { finished: boolean; counts: { sent: number; everUncertain: number } };
      expect(report.finished).toBe(true);
      expect(report.counts.sent).toBe(readers);
      expect((await new IssuesRepo(db).get("is_digest_test"))?.status).toBe("sent");

      const rows = await new DeliveriesRepo(db).rows("is_digest_test", [
        "sent",
        "failed",
        "queued",
        "sending",
        "uncertain",
      ]);
      const copies = sink.copies();
      let extra = 0;
      let uncertain = 0;
      for (const row of rows) {
        const n = copies.get(row.email as string) ?? 0;
        expect(row.state).toBe("sent");
        expect(n, row.email ?? "").toBeGreaterThanOrEqual(1);
        // A reader has a second copy only if their message was in flight at a kill.
        expect(n, row.email ?? "").toBeLessThanOrEqual(1 + row.uncertain);
        extra += n - 1;
        uncertain += row.uncertain;
      }
      expect(copies.size).toBe(readers);
      expect(extra).toBeLessThanOrEqual(uncertain);
      expect(uncertain).toBeLessThanOrEqual(kills * inFlight);
      expect(report.counts.everUncertain).toBe(rows.filter((r) => r.uncertain > 0).length);
      process.stderr.write(
        `[${kind.name}] ${kills} kills: ${uncertain} messages in doubt (bound ${kills * inFlight}), ${extra} duplicates delivered\n`,
      );
    }, 600_000);

    it("lets only one of two concurrent sends of an issue send it", async () => {
      const live = store as TestStore;
      const [a, b] = [startSend(live, sink, 120), startSend(live, sink, 120)];
      const results = await Promise.all([a.done, b.done]);
      const codes = results.map((r) => r.code).sort();
      expect(codes, results.map((r) => r.stderr).join("\n")).toEqual([0, 75]);
      expect(results.find((r) => r.code === 75)?.stderr).toContain("E_SEND_IN_PROGRESS");
      expect(sink.messages).toHaveLength(readers);
      expect(new Set(sink.messages.map((m) => m.to)).size).toBe(readers);
    }, 300_000);
  });
}
