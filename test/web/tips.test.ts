import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptTip, dismissTip, listTips, tipsSourceId } from "../../src/pipeline/tips.ts";
import type { Db } from "../../src/store/db.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { sendContext } from "../helpers/send-context.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const origin = "http://site.test";

for (const kind of testStores()) {
  describe(`the public tips form (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;
    let ctx: ReturnType<typeof sendContext>;
    let app: ReturnType<typeof createApp>;

    beforeAll(async () => {
      store = await kind.create();
      if (!store) return;
      db = await store.open();
      ctx = sendContext(db, {
        "tips.perIpPerHour": 3,
        "tips.maxChars": 200,
        // The tips form is public: the public site's proxy setting names its senders.
        "web.trustProxy": true,
        secret: "tips-secret-0123456789",
      });
      app = createApp(ctx);
    }, 60_000);

    afterAll(async () => {
      await db?.close();
      await store?.cleanup();
    });

    const formToken = async () => {
      const page = await (await app.request(`${origin}/tips`)).text();
      return /name="token" value="([^"]+)"/.exec(page)?.[1] ?? "";
    };
    const send = async (fields: Record<string, string>, ip = "198.51.100.20") =>
      app.request(`${origin}/tips`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
        body: new URLSearchParams(fields),
      });

    it("stores a tip from the form, drops a robot's, and refuses one without the form's token", async (c) => {
      if (!store) return c.skip();
      const page = await app.request(`${origin}/tips`);
      expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      const html = await page.text();
      expect(html).toContain('name="website"');
      const token = await formToken();
      const ok = await send({
        token,
        text: "Acme Labs ships a 3B model.\n\nDetails on the blog.",
        url: "https://acme.example/blog/3b",
        name: "Ada",
      });
      expect(ok.status).toBe(303);
      expect(ok.headers.get("location")).toBe("/tips?sent=1");
      const robot = await send({ token, text: "Buy cheap pills", website: "http://spam.example" });
      expect(robot.status).toBe(303);
      const forged = await send({ token: `${Date.now()}.forged`, text: "A forged tip" });
      expect(forged.status).toBe(400);
      const tips = await listTips(ctx, "new");
      expect(tips.map((t) => t.text)).toEqual(["Acme Labs ships a 3B model.\n\nDetails on the blog."]);
      expect(tips[0]?.name).toBe("Ada");
    });

    it("refuses a tip that is too long or links to something other than http(s), keeping what was typed", async (c) => {
      if (!store) return c.skip();
      const long = await send({ token: await formToken(), text: "x".repeat(201) }, "198.51.100.30");
      expect(long.status).toBe(400);
      expect(await long.text()).toContain("longer than 200 characters");
      const link = await send(
        { token: await formToken(), text: "See <b>this</b>", url: "javascript:alert(1)" },
        "198.51.100.30",
      );
      expect(link.status).toBe(400);
      const body = await link.text();
      expect(body).toContain("See &lt;b&gt;this&lt;/b&gt;");
      expect(body).toContain("not an http(s) address");
    });

    it("limits tips per sender per hour", async (c) => {
      if (!store) return c.skip();
      const ip = "203.0.113.50";
      for (let i = 0; i < 3; i += 1)
        expect((await send({ token: await formToken(), text: `Tip number ${i}` }, ip)).status).toBe(303);
      expect((await send({ token: await formToken(), text: "One too many" }, ip)).status).toBe(429);
      expect((await send({ token: await formToken(), text: "From elsewhere" }, "203.0.113.51")).status).toBe(303);
    });

    it("turns an accepted tip into an item of the reader-tips source; a dismissed one goes nowhere", async (c) => {
      if (!store) return c.skip();
      const [first, second] = (await listTips(ctx, "new")).filter((t) => /Acme|Tip number 0/.test(t.text));
      if (!first || !second) throw new Error("expected two tips");
      const itemId = await acceptTip(ctx, first.id, "editor@example.com");
      const item = await new ItemsRepo(db).get(itemId);
      expect(item?.sourceId).toBe(tipsSourceId);
      expect(item?.title).toBe(first.text.split("\n")[0]);
      await expect(acceptTip(ctx, first.id, "editor@example.com")).rejects.toThrow(/accepted already/);
      await dismissTip(ctx, second.id, "editor@example.com");
      const reviewed = (await listTips(ctx)).filter((t) => t.id === first.id || t.id === second.id);
      expect(reviewed.map((t) => t.status).sort()).toEqual(["accepted", "dismissed"]);
    });
  });
}
