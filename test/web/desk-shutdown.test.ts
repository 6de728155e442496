import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueDeliveries } from "../../src/pipeline/desk-queries.ts";
import { sendIssue } from "../../src/pipeline/send-issue.ts";
import type { Db } from "../../src/store/db.ts";
import { createApp } from "../../src/web/app.ts";
import { BackgroundWork } from "../../src/web/background.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { addEditor, CookieJar, csrfIn, deskGet, deskPost, signIn } from "../helpers/desk.ts";
import { sendConfigOverrides, sendContext } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

for (const kind of testStores()) {
  describe(`a send started on the desk when the server shuts down (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;
    let sink: SmtpSink;

    beforeAll(async () => {
      store = await kind.create();
      if (!store) return;
      db = await store.open();
      sink = await new SmtpSink().start();
      await addEditor(db);
    }, 60_000);

    afterAll(async () => {
      await sink?.stop();
      await db?.close();
      await store?.cleanup();
    });

    it("stops claiming, records what was in flight, and resumes to exactly one copy each", async (c) => {
      if (!store) return c.skip();
      const readers = await seedSubscribers(db, 40, { editions: ["digest"] });
      const issue = await storeIssue(db, { id: "is_shutdown_test" });
      // Slow enough that the shutdown comes in the middle of the send.
      const ctx = sendContext(
        db,
        sendConfigOverrides(sink.url, { "smtp.ratePerSecond": 20, "smtp.pool": 1, "desk.secureCookies": "never" }),
      );
      const background = new BackgroundWork();
      const app = createApp(ctx, { background });
      const jar = new CookieJar();
      expect((await signIn(app, jar)).status).toBe(303);
      const token = await csrfIn(await deskGet(app, `/desk/issues/${issue.id}`, jar));
      expect((await deskPost(app, `/desk/issues/${issue.id}/send`, jar, { _csrf: token })).status).toBe(303);
      await expect.poll(() => sink.messages.length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(2);

      await background.stop();
      const stopped = (await issueDeliveries(ctx, issue.id)).counts;
      expect(stopped.sending, "nothing left in flight once stopped").toBe(0);
      expect(stopped.uncertain).toBe(0);
      expect(stopped.sent).toBe(sink.messages.length);
      expect(stopped.sent).toBeLessThan(readers.length);
      // The page says the send stopped and can be resumed, not that it is still running.
      const page = await (await deskGet(app, `/desk/issues/${issue.id}`, jar)).text();
      expect(page).toContain("stopped before the end; send again to resume");
      expect(page).not.toContain("in progress");

      const resumed = await sendIssue(ctx, { issueId: issue.id, policy: "resend" });
      expect(resumed.finished).toBe(true);
      expect([...sink.copies().values()].every((n) => n === 1)).toBe(true);
      expect(sink.copies().size).toBe(readers.length);
    }, 60_000);
  });
}
