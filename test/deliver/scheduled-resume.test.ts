import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDueSends } from "../../src/pipeline/scheduled-sends.ts";
import type { Db } from "../../src/store/db.ts";
import { DeliveriesRepo } from "../../src/store/deliveries-repo.ts";
import { LeasesRepo } from "../../src/store/leases-repo.ts";
import { SchedulesRepo } from "../../src/store/schedules-repo.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { sendConfigOverrides, sendContext } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const issueId = "is_digest_test";
const readers = 12;
const inFlight = 3;

/** The pid of a process that has exited: what a killed `serve` leaves in its lease. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid as number;
}

/**
 * The store as a `serve` leaves it when killed mid-send: the schedule started, the issue sending, `inFlight` rows
 * claimed (sending) under a lease held by `pid` on this machine.
 */
async function leftMidSend(db: Db, pid: number): Promise<void> {
  const now = new Date().toISOString();
  const holder = `${hostname()}#${pid}#dead`;
  const schedules = new SchedulesRepo(db);
  await schedules.set(issueId, now, "editor@example.com", now);
  expect(await schedules.claim(issueId, now)).toBe(true);
  const lease = { holder, host: hostname(), pid, ttlMs: 600_000, now, isAlive: () => true };
  expect((await new LeasesRepo(db).acquire(issueId, lease)).ok).toBe(true);
  const deliveries = new DeliveriesRepo(db);
  await deliveries.start(issueId, "digest", now);
  const options = { issueId, edition: "digest", holder, leaseMs: 600_000, policy: "resend" as const };
  const claimed = await deliveries.settle([], inFlight, { ...options, messageIdDomain: "news.example.com", now });
  expect(claimed.claimed).toHaveLength(inFlight);
}

for (const kind of testStores()) {
  describe(`resuming a scheduled send left behind by a dead process (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;
    let sink: SmtpSink;

    beforeEach(async (c) => {
      store = await kind.create();
      if (!store) return c.skip();
      db = await store.open();
      await storeIssue(db, { id: issueId });
      await seedSubscribers(db, readers, { editions: ["digest"] });
      sink = await new SmtpSink().start();
    }, 60_000);

    afterEach(async () => {
      await sink?.stop();
      await db?.close();
      await store?.cleanup();
    });

    it("follows deliver.uncertainPolicy: skip leaves the messages in doubt unsent, and says so", async () => {
      await leftMidSend(db, await deadPid());
      const ctx = sendContext(db, sendConfigOverrides(sink.url, { "deliver.uncertainPolicy": "skip" }));
      expect(await runDueSends(ctx)).toEqual([issueId]);
      const counts = await new DeliveriesRepo(db).counts(issueId);
      expect(counts).toMatchObject({ sent: readers - inFlight, uncertain: inFlight, queued: 0, sending: 0 });
      expect(sink.copies().size).toBe(readers - inFlight);
      const schedule = await new SchedulesRepo(db).get(issueId);
      expect(schedule).toMatchObject({ state: "sent", resumes: 1 });
      expect(schedule?.resumedAt).not.toBeNull();
      expect(await new LeasesRepo(db).get(issueId), "the lease is let go").toBeNull();
    }, 60_000);

    it("resends them under the default policy", async () => {
      await leftMidSend(db, await deadPid());
      const ctx = sendContext(db, sendConfigOverrides(sink.url));
      expect(await runDueSends(ctx)).toEqual([issueId]);
      const counts = await new DeliveriesRepo(db).counts(issueId);
      expect(counts).toMatchObject({ sent: readers, uncertain: 0, everUncertain: inFlight });
      expect(sink.copies().size).toBe(readers);
    }, 60_000);

    it("leaves a send whose lease a live process holds, however long it has been started", async () => {
      // This very process stands for the live `serve` on the same machine.
      await leftMidSend(db, process.pid);
      const ctx = sendContext(db, sendConfigOverrides(sink.url));
      expect(await runDueSends(ctx, new Date(Date.now() + 86_400_000))).toEqual([]);
      expect(sink.messages).toHaveLength(0);
      expect(await new SchedulesRepo(db).get(issueId)).toMatchObject({ state: "started", resumes: 0 });
      expect((await new DeliveriesRepo(db).counts(issueId)).sending).toBe(inFlight);
    }, 60_000);
  });
}
