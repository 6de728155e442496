import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueDeliveries } from "../../src/pipeline/desk-queries.ts";
import { runDueSends, scheduledSend, scheduleSend, startScheduler } from "../../src/pipeline/scheduled-sends.ts";
import { type SendContext, sendIssue } from "../../src/pipeline/send-issue.ts";
import type { Db } from "../../src/store/db.ts";
import { createApp } from "../../src/web/app.ts";
import { BackgroundWork } from "../../src/web/background.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { addEditor, CookieJar, csrfIn, deskGet, deskPost, signIn } from "../helpers/desk.ts";
import { sendConfigOverrides, sendContext } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

for (const kind of testStores()) {
  describe(`sends running when \`serve\` shuts down (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;
    let sink: SmtpSink;
    let readers: string[];
    let ctx: SendContext;

    beforeAll(async () => {
      store = await kind.create();
      if (!store) return;
      db = await store.open();
      sink = await new SmtpSink().start();
      await addEditor(db);
      readers = await seedSubscribers(db, 40, { editions: ["digest", "briefing"] });
      // Slow enough that the shutdown comes in the middle of a send.
      ctx = sendContext(
        db,
        sendConfigOverrides(sink.url, { "smtp.ratePerSecond": 20, "smtp.pool": 1, "desk.secureCookies": "never" }),
      );
    }, 60_000);

    afterAll(async () => {
      await sink?.stop();
      await db?.close();
      await store?.cleanup();
    });

    const midway = () => expect.poll(() => sink.messages.length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(2);

    /** Nothing was left in flight by the stop, and resuming sends every reader exactly one copy. */
    async function expectCleanStopThenResume(issueId: string): Promise<void> {
      const counts = (await issueDeliveries(ctx, issueId)).counts;
      expect(counts.sending, "nothing left in flight once stopped").toBe(0);
      expect(counts.uncertain).toBe(0);
      expect(counts.sent).toBe(sink.messages.length);
      expect(counts.sent).toBeLessThan(readers.length);
      expect((await sendIssue(ctx, { issueId, policy: "resend" })).finished).toBe(true);
      expect(sink.copies().size).toBe(readers.length);
      expect([...sink.copies().values()].every((n) => n === 1)).toBe(true);
    }

    it("a desk send stops claiming, records what was in flight, and can be resumed", async (c) => {
      if (!store) return c.skip();
      sink.messages.length = 0;
      const issue = await storeIssue(db, { id: "is_desk_stop" });
      const background = new BackgroundWork();
      const app = createApp(ctx, { background });
      const jar = new CookieJar();
      expect((await signIn(app, jar)).status).toBe(303);
      const token = await csrfIn(await deskGet(app, `/desk/issues/${issue.id}`, jar));
      expect((await deskPost(app, `/desk/issues/${issue.id}/send`, jar, { _csrf: token })).status).toBe(303);
      await midway();
      await background.stop();
      // The page says the send stopped and can be resumed, not that it is still running.
      const page = await (await deskGet(app, `/desk/issues/${issue.id}`, jar)).text();
      expect(page).toContain("stopped before the end; send again to resume");
      expect(page).not.toContain("in progress");
      await expectCleanStopThenResume(issue.id);
    }, 60_000);

    it("a scheduled send stops the same way and is marked failed with why, for the editor to resume", async (c) => {
      if (!store) return c.skip();
      sink.messages.length = 0;
      const issue = await storeIssue(db, { id: "is_scheduled_stop", edition: "briefing" });
      await scheduleSend(ctx, issue.id, new Date(Date.now() + 500), "editor@example.com");
      const stop = startScheduler(ctx, 50);
      await midway();
      await stop();
      const schedule = await scheduledSend(ctx, issue.id);
      expect(schedule?.state).toBe("failed");
      expect(schedule?.error).toBe("the server stopped; send again to resume");
      // A later run does not start it again by itself; the editor resumes it.
      expect(await runDueSends(ctx, new Date(Date.now() + 3_600_000))).toEqual([]);
      await expectCleanStopThenResume(issue.id);
    }, 60_000);
  });
}
