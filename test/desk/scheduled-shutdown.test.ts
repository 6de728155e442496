import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueDeliveries } from "../../src/pipeline/desk-queries.ts";
import { runDueSends, scheduledSend, scheduleSend, startScheduler } from "../../src/pipeline/scheduled-sends.ts";
import { sendIssue } from "../../src/pipeline/send-issue.ts";
import type { Db } from "../../src/store/db.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { sendConfigOverrides, sendContext } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

for (const kind of testStores()) {
  describe(`a scheduled send when serve stops (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;
    let sink: SmtpSink;

    beforeAll(async () => {
      store = await kind.create();
      if (!store) return;
      db = await store.open();
      sink = await new SmtpSink().start();
    }, 60_000);

    afterAll(async () => {
      await sink?.stop();
      await db?.close();
      await store?.cleanup();
    });

    it("stops the send, records what was in flight, marks the schedule failed with why, and resumes to one copy each", async (c) => {
      if (!store) return c.skip();
      const readers = await seedSubscribers(db, 40, { editions: ["digest"] });
      const issue = await storeIssue(db, { id: "is_scheduled_stop" });
      const ctx = sendContext(db, sendConfigOverrides(sink.url, { "smtp.ratePerSecond": 20, "smtp.pool": 1 }));
      await scheduleSend(ctx, issue.id, new Date(Date.now() + 1000), "editor@example.com");
      const stop = startScheduler(ctx, 50);
      await expect.poll(() => sink.messages.length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(2);
      await stop();

      const counts = (await issueDeliveries(ctx, issue.id)).counts;
      expect(counts.sending, "nothing left in flight").toBe(0);
      expect(counts.sent).toBe(sink.messages.length);
      expect(counts.sent).toBeLessThan(readers.length);
      const schedule = await scheduledSend(ctx, issue.id);
      expect(schedule?.state).toBe("failed");
      expect(schedule?.error).toBe("the server stopped; send again to resume");
      // A later run does not start it again by itself; the editor resumes it.
      expect(await runDueSends(ctx, new Date(Date.now() + 3_600_000))).toEqual([]);
      expect((await sendIssue(ctx, { issueId: issue.id, policy: "resend" })).finished).toBe(true);
      expect(sink.copies().size).toBe(readers.length);
      expect([...sink.copies().values()].every((n) => n === 1)).toBe(true);
    }, 60_000);
  });
}
