import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { storeIssue } from "../helpers/delivery.ts";
import {
  type DeskApp as App,
  addEditor,
  CookieJar,
  csrfIn,
  editorEmail,
  editorPassword,
  deskGet as get,
  deskPost as post,
  signIn,
} from "../helpers/desk.ts";
import { sendContext } from "../helpers/send-context.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

for (const kind of testStores()) {
  describe(`desk accounts and sessions (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;
    let app: App;
    const overrides = {
      "desk.secureCookies": "never",
      "desk.loginAttemptsPerAccount": 3,
      "desk.loginAttemptsPerIp": 6,
      "desk.trustProxy": true,
    };

    beforeAll(async () => {
      store = await kind.create();
      if (!store) return;
      db = await store.open();
      await addEditor(db);
      app = createApp(sendContext(db, overrides));
    }, 60_000);

    afterAll(async () => {
      await db?.close();
      await store?.cleanup();
    });

    it("sends a visitor without a session to the sign-in page", async (ctx) => {
      if (!store) return ctx.skip();
      const response = await get(app, "/desk", new CookieJar());
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/desk/login");
      const login = await get(app, "/desk/login", new CookieJar());
      expect(login.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(login.headers.get("x-frame-options")).toBe("DENY");
      expect(login.headers.get("cache-control")).toBe("no-store");
    });

    it("refuses a wrong password and sets no session; the right one opens a session", async (ctx) => {
      if (!store) return ctx.skip();
      const jar = new CookieJar();
      const headers = { "x-forwarded-for": "198.51.100.1" };
      const wrong = await signIn(app, jar, "not the password at all", headers);
      expect(wrong.status).toBe(401);
      expect(jar.cookies.has("daybrief_desk")).toBe(false);
      const right = await signIn(app, jar, editorPassword, headers);
      expect(right.status).toBe(303);
      const cookie = right.headers.getSetCookie().find((c) => c.startsWith("daybrief_desk="));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect((await get(app, "/desk", jar)).status).toBe(200);
      // Only a hash of the session id is stored.
      const rows = await db.kysely.selectFrom("sessions").select("id_hash").execute();
      expect(rows.map((r) => r.id_hash)).not.toContain(jar.cookies.get("daybrief_desk"));
    });

    it("limits failed sign-ins per account, then per address", async (ctx) => {
      if (!store) return ctx.skip();
      const from = (ip: string) => ({ "x-forwarded-for": ip });
      for (let i = 0; i < 3; i += 1)
        expect((await signIn(app, new CookieJar(), "wrong password here", from(`203.0.113.${i}`))).status).toBe(401);
      // The account is locked for the window, even with its right password, from a fresh address.
      const locked = await signIn(app, new CookieJar(), editorPassword, from("203.0.113.99"));
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await locked.text()).toContain("E_RATE_LIMITED");

      // Per address: six failures against unknown accounts from one address lock that address out.
      const attempt = async (ip: string, email: string) => {
        const jar = new CookieJar();
        const token = await csrfIn(await get(app, "/desk/login", jar, from(ip)));
        return post(app, "/desk/login", jar, { _csrf: token, email, password: "whatever-whatever" }, from(ip));
      };
      for (let i = 0; i < 6; i += 1) expect((await attempt("192.0.2.7", `nobody${i}@example.com`)).status).toBe(401);
      expect((await attempt("192.0.2.7", "someone-else@example.com")).status).toBe(429);
      expect((await attempt("192.0.2.8", "someone-else@example.com")).status).toBe(401);
    });

    it("refuses a POST without the session's CSRF token, with a wrong one, or from another site", async (ctx) => {
      if (!store) return ctx.skip();
      const fresh = createApp(sendContext(db, overrides));
      const jar = new CookieJar();
      expect((await signIn(fresh, jar)).status).toBe(303);
      const issue = await storeIssue(db, { id: "is_csrf_test", status: "draft" });
      const token = await csrfIn(await get(fresh, `/desk/issues/${issue.id}`, jar));
      expect(token).not.toBe("");
      const approve = `/desk/issues/${issue.id}/approve`;
      expect((await post(fresh, approve, jar, {})).status).toBe(403);
      expect((await post(fresh, approve, jar, { _csrf: `${token.slice(1)}x` })).status).toBe(403);
      expect((await post(fresh, approve, jar, { _csrf: token }, { origin: "https://evil.example" })).status).toBe(403);
      expect((await post(fresh, approve, jar, { _csrf: token }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
      expect((await new IssuesRepo(db).get(issue.id))?.status).toBe("draft");
      expect((await post(fresh, approve, jar, { _csrf: token })).status).toBe(303);
      expect((await new IssuesRepo(db).get(issue.id))?.status).toBe("approved");
      // The sign-in form has its own token: a login POST without it is refused before any password is checked.
      const bare = await post(fresh, "/desk/login", new CookieJar(), { email: editorEmail, password: editorPassword });
      expect(bare.status).toBe(403);
    });

    it("gives a new session id at every sign-in, so a planted or earlier id never works after it", async (ctx) => {
      if (!store) return ctx.skip();
      const fresh = createApp(sendContext(db, overrides));
      const jar = new CookieJar();
      jar.cookies.set("daybrief_desk", "planted-by-an-attacker-0123456789");
      expect((await signIn(fresh, jar)).status).toBe(303);
      const first = jar.cookies.get("daybrief_desk") as string;
      expect(first).not.toBe("planted-by-an-attacker-0123456789");
      expect((await signIn(fresh, jar)).status).toBe(303);
      const second = jar.cookies.get("daybrief_desk") as string;
      expect(second).not.toBe(first);
      const old = new CookieJar();
      old.cookies.set("daybrief_desk", first);
      expect((await get(fresh, "/desk", old)).status).toBe(303);
      expect((await get(fresh, "/desk", jar)).status).toBe(200);
    });

    it("ends a session when it expires and when the editor signs out", async (ctx) => {
      if (!store) return ctx.skip();
      const fresh = createApp(sendContext(db, overrides));
      const jar = new CookieJar();
      expect((await signIn(fresh, jar)).status).toBe(303);
      expect((await get(fresh, "/desk", jar)).status).toBe(200);
      await db.kysely.updateTable("sessions").set({ expires_at: "2000-01-01T00:00:00.000Z" }).execute();
      const expired = await get(fresh, "/desk", jar);
      expect(expired.status).toBe(303);
      expect(expired.headers.get("location")).toBe("/desk/login");

      const again = new CookieJar();
      expect((await signIn(fresh, again)).status).toBe(303);
      const page = await get(fresh, "/desk", again);
      const token = await csrfIn(page);
      const id = again.cookies.get("daybrief_desk") as string;
      expect((await post(fresh, "/desk/logout", again, { _csrf: token })).status).toBe(303);
      const replay = new CookieJar();
      replay.cookies.set("daybrief_desk", id);
      expect((await get(fresh, "/desk", replay)).status).toBe(303);
    });

    it("escapes what it shows: an issue title with markup arrives as text", async (ctx) => {
      if (!store) return ctx.skip();
      const fresh = createApp(sendContext(db, overrides));
      const jar = new CookieJar();
      expect((await signIn(fresh, jar)).status).toBe(303);
      const issue = await storeIssue(db, { id: "is_xss_test", edition: "briefing", status: "draft" });
      await new IssuesRepo(db).saveDraft(
        { ...issue, title: `<img src=x onerror="alert(1)">` },
        new Date().toISOString(),
      );
      const html = await (await get(fresh, `/desk/issues/${issue.id}`, jar)).text();
      expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
      expect(html).not.toContain(`<img src=x`);
    });
  });
}
