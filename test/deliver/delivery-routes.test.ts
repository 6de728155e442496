import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addTracking, clickUrl, readerLinks, signToken } from "../../src/deliver/index.ts";
import type { Db } from "../../src/store/db.ts";
import { EngagementRepo } from "../../src/store/engagement-repo.ts";
import { SubscribersRepo } from "../../src/store/subscribers-repo.ts";
import { SuppressionsRepo } from "../../src/store/suppressions-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { seedSubscribers } from "../helpers/delivery.ts";
import { sendConfigOverrides, sendContext, siteUrl, testSecret } from "../helpers/send-context.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const webhookSecret = "hook-secret-0123456789";

for (const kind of testStores()) {
  describe(`the delivery web handlers on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    const app = (overrides: Record<string, unknown> = {}) =>
      createApp(
        sendContext(
          db,
          sendConfigOverrides("smtp://127.0.0.1:1", { "deliver.webhookSecret": webhookSecret, ...overrides }),
        ),
      );

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
    });

    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    it("answers /healthz", async () => {
      const response = await app().request("/healthz");
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, store: kind.name });
    });

    it("confirms a pending sign-up by POST only, and refuses an expired or forged link", async () => {
      await seedSubscribers(db, 2, { status: "pending" });
      const [ada, bob] = await new SubscribersRepo(db).list();
      const links = readerLinks(siteUrl, testSecret);
      const path = links.confirmUrl(ada?.id as string, 3_600_000).replace(siteUrl, "");
      expect((await app().request(path)).status).toBe(200);
      expect((await new SubscribersRepo(db).get(ada?.id as string))?.status).toBe("pending");
      const confirmed = await app().request(path, { method: "POST" });
      expect(confirmed.status).toBe(200);
      expect((await new SubscribersRepo(db).get(ada?.id as string))?.status).toBe("confirmed");

      const expired = signToken(
        testSecret,
        { purpose: "confirm", subject: bob?.id as string, ttlMs: 1000 },
        Date.now() - 10_000,
      );
      const refused = await app().request(`/confirm?t=${expired}`, { method: "POST" });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("expired");
      const forged = signToken("another-secret-0123456789", { purpose: "confirm", subject: bob?.id as string });
      expect((await app().request(`/confirm?t=${forged}`, { method: "POST" })).status).toBe(400);
      // An unsubscribe token is not a confirmation token.
      const wrongPurpose = signToken(testSecret, { purpose: "unsubscribe", subject: bob?.id as string });
      expect((await app().request(`/confirm?t=${wrongPurpose}`, { method: "POST" })).status).toBe(400);
      expect((await new SubscribersRepo(db).get(bob?.id as string))?.status).toBe("pending");
    });

    it("takes bounce and complaint webhooks only with the secret, in the documented JSON", async () => {
      await seedSubscribers(db, 3);
      const post = (body: string, headers: Record<string, string>) =>
        app().request("/webhooks/bounces", {
          method: "POST",
          body,
          headers: { "content-type": "application/json", ...headers },
        });
      const bearer = { authorization: `Bearer ${webhookSecret}` };
      const complaint = JSON.stringify({ type: "complaint", email: "reader0@example.com" });

      expect((await post(complaint, {})).status).toBe(401);
      expect((await post(complaint, { authorization: "Bearer wrong-secret-000000000" })).status).toBe(401);
      const off = await app({ "deliver.webhookSecret": null }).request("/webhooks/bounces", {
        method: "POST",
        body: complaint,
      });
      expect(off.status).toBe(404);
      const bad = await post('{"type":"bounce"}', bearer);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({
        error: { code: "E_WEBHOOK_INVALID", message: expect.stringContaining("email") },
      });
      expect((await post("not json", bearer)).status).toBe(400);

      expect(await (await post(complaint, bearer)).json()).toEqual({ ok: true, received: 1, suppressed: 1 });
      expect((await new SubscribersRepo(db).findByEmail("reader0@example.com"))?.status).toBe("complained");

      // Hard bounces suppress at the threshold (2 by default); soft ones never do. Signed with the HMAC header.
      const events = JSON.stringify({
        events: [
          { type: "bounce", bounce: "soft", email: "reader1@example.com", reason: "mailbox full" },
          { type: "bounce", bounce: "hard", email: "reader2@example.com", reason: "550 5.1.1 no such user" },
        ],
      });
      const signature = `sha256=${createHmac("sha256", webhookSecret).update(events).digest("hex")}`;
      expect(await (await post(events, { "x-daybrief-signature": signature })).json()).toMatchObject({ suppressed: 0 });
      expect((await post(events, { "x-daybrief-signature": signature.replace(/.$/, "0") })).status).toBe(401);
      expect(await (await post(events, { "x-daybrief-signature": signature })).json()).toMatchObject({ suppressed: 1 });
      const suppressions = new SuppressionsRepo(db);
      expect(await suppressions.reasonFor("reader2@example.com", "digest")).toBe("bounced");
      expect(await suppressions.reasonFor("reader1@example.com", "digest")).toBeNull();
    });

    it("redirects only signed click links and counts clicks and opens when tracking is on", async () => {
      const tracked = app({ "tracking.enabled": true });
      const url = clickUrl(
        { baseUrl: siteUrl, issueId: "is_1", secret: testSecret },
        "https://example.org/story?a=1&b=2",
      );
      const click = await tracked.request(url.replace(siteUrl, ""));
      expect(click.status).toBe(302);
      expect(click.headers.get("location")).toBe("https://example.org/story?a=1&b=2");
      const tampered = url.replace(
        encodeURIComponent("https://example.org/story"),
        encodeURIComponent("https://evil.example"),
      );
      expect((await tracked.request(tampered.replace(siteUrl, ""))).status).toBe(400);

      const pixel = await tracked.request(pixelPath());
      expect(pixel.headers.get("content-type")).toBe("image/gif");
      await tracked.request("/o?i=is_1&s=AAAAAAAAAAAAAAAAAAAAAA");
      expect(await new EngagementRepo(db).stats("is_1", false)).toEqual({
        opens: 1,
        uniqueOpens: null,
        clicks: [{ url: "https://example.org/story?a=1&b=2", clicks: 1, uniqueClicks: null }],
      });
      // With counting off, the redirect still works and nothing is recorded.
      expect((await app().request(url.replace(siteUrl, ""))).status).toBe(302);
      expect((await new EngagementRepo(db).stats("is_1", false)).clicks[0]?.clicks).toBe(1);
    });
  });
}

/** The open pixel's path, as the email's HTML carries it. */
function pixelPath(): string {
  const html = addTracking("<html><body></body></html>", { baseUrl: siteUrl, issueId: "is_1", secret: testSecret });
  const src = /<img src="([^"]+)\{\{reader\}\}"/.exec(html)?.[1] ?? "";
  return src.replace(siteUrl, "").replace(/&amp;/g, "&");
}
