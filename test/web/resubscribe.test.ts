import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signToken } from "../../src/deliver/index.ts";
import { removeSubscriber, sendConfirmations } from "../../src/pipeline/subscribers.ts";
import { confirmationsSettled } from "../../src/pipeline/web-signup.ts";
import type { Db } from "../../src/store/db.ts";
import { SubscribersRepo } from "../../src/store/subscribers-repo.ts";
import { SuppressionsRepo } from "../../src/store/suppressions-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { seedSubscribers } from "../helpers/delivery.ts";
import { sendConfigOverrides, sendContext, testSecret } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const formTokenOf = (html: string) => /name="ft" value="([^"]+)"/.exec(html)?.[1] ?? "";
const urlencoded = { "content-type": "application/x-www-form-urlencoded" };

for (const kind of testStores()) {
  describe(`coming back through /subscribe after unsubscribing (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;
    let sink: SmtpSink;
    let ctx: ReturnType<typeof sendContext>;
    let web: ReturnType<typeof createApp>;
    let ip = 0;

    beforeAll(async () => {
      sink = await new SmtpSink().start();
    });
    afterAll(async () => {
      await sink?.stop();
    });
    beforeEach(async (c) => {
      store = await kind.create();
      if (!store) return c.skip();
      db = await store.open();
      ctx = sendContext(db, sendConfigOverrides(sink.url, { "web.trustProxy": true }));
      web = createApp(ctx);
      sink.messages.length = 0;
    });
    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    const repo = () => new SubscribersRepo(db);
    const byEmail = async (email: string) => (await repo().findByEmail(email)) ?? undefined;
    async function signUp(email: string, edition = "briefing"): Promise<string> {
      const ft = formTokenOf(await (await web.request("/subscribe")).text());
      ip += 1;
      const response = await web.request("/subscribe", {
        method: "POST",
        body: new URLSearchParams([
          ["email", email],
          ["edition", edition],
          ["ft", ft],
        ]).toString(),
        headers: { ...urlencoded, "x-forwarded-for": `198.51.100.${ip % 250}` },
      });
      expect(response.status).toBe(200);
      await confirmationsSettled(ctx);
      return (await response.text()).replaceAll(email, "ADDRESS");
    }
    async function unsubscribe(email: string): Promise<void> {
      const t = signToken(testSecret, { purpose: "unsubscribe", subject: (await byEmail(email))?.id as string });
      const response = await web.request(`/unsubscribe?t=${encodeURIComponent(t)}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: urlencoded,
      });
      expect(response.status).toBe(200);
    }
    const mailsTo = (email: string) => sink.copies().get(email) ?? 0;
    async function confirmLinkOf(email: string): Promise<string> {
      const messages = sink.messages.filter((m) => m.to === email);
      const mail = await sink.parse(messages[messages.length - 1] as never);
      const url = /https:\/\/brief\.example\.com(\/confirm\?t=[\w.-]+)/.exec(mail.text ?? "")?.[1];
      expect(url, "a confirm link in the email").toBeTruthy();
      return url as string;
    }
    const confirm = (path: string) => web.request(path, { method: "POST", body: "", headers: urlencoded });

    it("sends a new confirmation to a reader who unsubscribed; confirming it re-subscribes them", async () => {
      await seedSubscribers(db, 1, { editions: ["digest"] });
      await unsubscribe("reader0@example.com");
      expect((await byEmail("reader0@example.com"))?.status).toBe("unsubscribed");

      await signUp("reader0@example.com");
      expect(await byEmail("reader0@example.com")).toMatchObject({ status: "pending", editions: ["briefing"] });
      // Still suppressed until they confirm: no issue goes to them meanwhile.
      expect(await new SuppressionsRepo(db).reasonFor("reader0@example.com", "briefing")).toBe("unsubscribed");
      // A repeat of the form while it waits sends nothing more.
      await signUp("reader0@example.com");
      expect(mailsTo("reader0@example.com")).toBe(1);

      const confirmed = await confirm(await confirmLinkOf("reader0@example.com"));
      expect(confirmed.status).toBe(200);
      expect(await confirmed.text()).toContain("You are subscribed");
      expect(await byEmail("reader0@example.com")).toMatchObject({ status: "confirmed", editions: ["briefing"] });
      expect(await new SuppressionsRepo(db).reasonFor("reader0@example.com", "briefing")).toBeNull();
    });

    it("never mails a bounced, complained or removed address, and answers exactly as for a new one", async () => {
      await seedSubscribers(db, 3, { editions: ["digest"] });
      const suppressions = new SuppressionsRepo(db);
      await suppressions.record(
        { email: "reader0@example.com", kind: "complaint", source: "webhook", detail: null, issueId: null },
        2,
        new Date().toISOString(),
      );
      for (let i = 0; i < 2; i += 1) {
        await suppressions.record(
          { email: "reader1@example.com", kind: "hard", source: "smtp", detail: null, issueId: null },
          2,
          new Date().toISOString(),
        );
      }
      await removeSubscriber(ctx, "reader2@example.com");
      const fresh = await signUp("someone.new@example.com");
      for (const email of ["reader0@example.com", "reader1@example.com", "reader2@example.com"]) {
        expect(await signUp(email)).toBe(fresh);
        expect(mailsTo(email)).toBe(0);
      }
      expect((await byEmail("reader0@example.com"))?.status).toBe("complained");
      expect((await byEmail("reader1@example.com"))?.status).toBe("bounced");
      expect(await byEmail("reader2@example.com")).toBeUndefined();
      expect(mailsTo("someone.new@example.com")).toBe(1);
      // Unsubscribed, the answer is the same as well.
      await seedSubscribers(db, 1, { editions: ["digest"], domain: "example.org" });
      await unsubscribe("reader0@example.org");
      expect(await signUp("reader0@example.org")).toBe(fresh);
    });

    it("does not send a waiting confirmation to an address suppressed since the sign-up", async () => {
      await signUp("late.bounce@example.com");
      const row = await byEmail("late.bounce@example.com");
      await db.kysely
        .updateTable("subscribers")
        .set({ confirm_sent_at: null })
        .where("id", "=", row?.id as string)
        .execute();
      await new SuppressionsRepo(db).suppress("late.bounce@example.com", "*", "bounced", new Date().toISOString());
      const before = mailsTo("late.bounce@example.com");
      const report = await sendConfirmations(ctx);
      expect(report.sent).toBe(0);
      expect(mailsTo("late.bounce@example.com")).toBe(before);
    });

    it("unsubscribes again a come-back never confirmed, keeps it suppressed, and lets a later sign-up try again", async () => {
      await seedSubscribers(db, 1, { editions: ["digest"] });
      await unsubscribe("reader0@example.com");
      await signUp("reader0@example.com");
      const long = new Date(Date.now() - 49 * 3_600_000).toISOString();
      await db.kysely.updateTable("subscribers").set({ confirm_sent_at: long }).execute();
      await sendConfirmations(ctx);
      expect((await byEmail("reader0@example.com"))?.status).toBe("unsubscribed");
      expect(await new SuppressionsRepo(db).reasonFor("reader0@example.com", "digest")).toBe("unsubscribed");

      await signUp("reader0@example.com", "digest");
      expect(mailsTo("reader0@example.com")).toBe(2);
      const secondLink = await confirmLinkOf("reader0@example.com");
      expect((await confirm(secondLink)).status).toBe(200);
      expect((await byEmail("reader0@example.com"))?.status).toBe("confirmed");

      // A confirmation link from before an unsubscribe never re-subscribes, and does not pretend to.
      await unsubscribe("reader0@example.com");
      const stale = await confirm(secondLink);
      expect(stale.status).toBe(400);
      expect(await stale.text()).not.toContain("You are subscribed");
      expect((await byEmail("reader0@example.com"))?.status).toBe("unsubscribed");
    });
  });
}
