import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import Parser from "rss-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signToken } from "../../src/deliver/index.ts";
import { publishIssue } from "../../src/pipeline/publish-issue.ts";
import { confirmationsSettled } from "../../src/pipeline/web-signup.ts";
import type { Db } from "../../src/store/db.ts";
import { SubscribersRepo } from "../../src/store/subscribers-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { seedSubscribers } from "../helpers/delivery.ts";
import { daysBefore, issueFor, storeIssues } from "../helpers/public-issues.ts";
import { sendConfigOverrides, sendContext, testSecret } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const siteUrl = "https://brief.example.com";

/** The hidden form token of a page's form. */
function formTokenOf(html: string): string {
  return /name="ft" value="([^"]+)"/.exec(html)?.[1] ?? "";
}

function form(fields: Array<[string, string]>): { body: string; headers: Record<string, string> } {
  return {
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  };
}

for (const kind of testStores()) {
  describe(`the public site on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    const app = (overrides: Record<string, unknown> = {}) =>
      createApp(sendContext(db, { secret: testSecret, siteUrl, logLevel: "silent", ...overrides }));

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
    });

    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    it("lists only published and sent issues, paged, filtered by edition and searched by text", async () => {
      const days = daysBefore(23);
      await storeIssues(
        db,
        days.map((d) => issueFor("digest", d)),
        { status: "approved", published: true },
      );
      await storeIssues(db, [issueFor("briefing", "2025-12-02")], { status: "sent", published: false });
      await storeIssues(db, [issueFor("briefing", "2025-12-01")], { status: "approved", published: false });
      await storeIssues(db, [issueFor("briefing", "2025-11-30", { title: "A draft <never> shown" })], {
        status: "draft",
        published: false,
      });
      const web = app();
      const first = await (await web.request("/")).text();
      const links = (html: string) => [...html.matchAll(/<h3 class="db-h3"><a href="([^"]+)"/g)].map((m) => m[1]);
      expect(links(first)).toHaveLength(20);
      expect(first).toContain("24 issues, newest first.");
      expect(links(first)[0]).toBe(`${siteUrl}/archive/briefing/2025-12-02.html`);
      expect(first).not.toContain("briefing/2025-12-01");
      expect(first).not.toContain("never");
      expect(first).toContain('<a rel="next" href="/?page=2">');
      const second = await (await web.request("/?page=2")).text();
      expect(links(second)).toHaveLength(4);
      expect((await web.request("/?page=3")).status).toBe(404);

      const briefings = await (await web.request("/?edition=briefing")).text();
      expect(links(briefings)).toEqual([`${siteUrl}/archive/briefing/2025-12-02.html`]);
      const found = await (await web.request(`/?q=${encodeURIComponent("(2025-11-20)")}`)).text();
      expect(links(found)).toEqual([`${siteUrl}/archive/digest/2025-11-20.html`]);
      // Words of the issue's text, not of its URLs or ids, are searched.
      expect(links(await (await web.request("/?q=markettape")).text())).toEqual([]);
      expect(links(await (await web.request("/?q=Synopsys+trainium3&edition=digest")).text())).toHaveLength(20);
      const hostile = await (await web.request(`/?q=${encodeURIComponent('<script>alert("x")</script>')}`)).text();
      expect(hostile).not.toContain("<script>");
      expect(hostile).toContain("&lt;script&gt;");
    });

    it("serves each public issue at its static path, and no other", async () => {
      await storeIssues(db, [issueFor("digest", "2025-12-01"), issueFor("digest", "2025-12-02")], {
        status: "approved",
        published: true,
      });
      await storeIssues(db, [issueFor("briefing", "2025-12-02")], { status: "draft", published: false });
      const web = app();
      const page = await web.request("/archive/digest/2025-12-02.html");
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("<main");
      expect(html).toContain(`<a rel="prev" href="${siteUrl}/archive/digest/2025-12-01.html">`);
      expect((await web.request("/archive/briefing/2025-12-02.html")).status).toBe(404);
      expect((await web.request("/archive/digest/2025-12-09.html")).status).toBe(404);
      expect((await web.request("/archive/digest/..%2F..%2Fetc.html")).status).toBe(404);
      // Any other address gets the site's own 404 page, with its security headers, not a bare text answer.
      for (const path of ["/no-such-page", "/archive/digest/2025-12-02.htm", "/wp-login.php"]) {
        const missing = await web.request(path);
        expect(missing.status, path).toBe(404);
        expect(missing.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
        expect(missing.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect(await missing.text(), path).toContain('<a href="/">archive</a>');
      }
      // On the desk, even a missing page asks for a sign-in first: it says nothing about what exists there.
      expect((await web.request("/desk/no-such-page")).status).toBe(303);
    });

    it("serves an issue page byte for byte as `issue publish` writes it", async () => {
      await storeIssues(db, [issueFor("digest", "2025-12-01")], { status: "sent", published: true });
      await storeIssues(db, [issueFor("digest", "2025-12-02")], { status: "approved", published: false });
      const ctx = sendContext(db, { secret: testSecret, siteUrl, logLevel: "silent" });
      const out = mkdtempSync(join(tmpdir(), "daybrief-same-"));
      await publishIssue(ctx, "is_digest_2025-12-02", { out });
      const web = createApp(ctx);
      for (const path of ["archive/digest/2025-12-01.html", "archive/digest/2025-12-02.html"]) {
        const served = await (await web.request(`/${path}`)).text();
        expect(served, path).toBe(readFileSync(join(out, path), "utf8"));
      }
      rmSync(out, { recursive: true, force: true });
    });

    it("answers with cache headers, an ETag and 304, and security headers without inline scripts", async () => {
      await storeIssues(db, [issueFor("digest", "2025-12-02")], { status: "approved", published: true });
      const web = app();
      for (const path of ["/", "/archive/digest/2025-12-02.html", "/feed.xml"]) {
        const response = await web.request(path);
        expect(response.status, path).toBe(200);
        const etag = response.headers.get("etag") ?? "";
        expect(etag, path).toMatch(/^"[\w-]+"$/);
        expect(response.headers.get("cache-control"), path).toMatch(/public, max-age=300/);
        expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
        const again = await web.request(path, { headers: { "if-none-match": etag } });
        expect(again.status, path).toBe(304);
        expect(await again.text(), path).toBe("");
      }
      const page = await web.request("/archive/digest/2025-12-02.html");
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      // Compressed for clients that accept it, the same document.
      const gz = await web.request("/archive/digest/2025-12-02.html", { headers: { "accept-encoding": "gzip, br" } });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8")).toBe(
        await (await web.request("/archive/digest/2025-12-02.html")).text(),
      );
      // A new publication changes the ETag: a cached copy is not served as current.
      const before = page.headers.get("etag");
      await storeIssues(db, [issueFor("digest", "2025-12-03")], { status: "approved", published: true });
      const after = await web.request("/archive/digest/2025-12-02.html", {
        headers: { "if-none-match": before ?? "" },
      });
      expect(after.status).toBe(200);
      expect(await after.text()).toContain('rel="next"');
      // Fixed redirect targets only.
      const redirect = await web.request("/archive");
      expect(redirect.headers.get("location")).toBe("/archive/");
    });

    it("serves RSS, Atom and JSON Feed with absolute links, even without siteUrl", async () => {
      await storeIssues(db, [issueFor("digest", "2025-12-02")], { status: "sent", published: true });
      const web = app({ siteUrl: null });
      const rss = await web.request("http://reader.example:8080/feed.xml");
      expect(rss.headers.get("content-type")).toMatch(/application\/rss\+xml/);
      const parsed = await new Parser().parseString(await rss.text());
      expect(parsed.items[0]?.link).toBe("http://reader.example:8080/archive/digest/2025-12-02.html");
      expect(parsed.items[0]?.isoDate).toBe("2025-12-02T07:00:00.000Z");
      const atom = await new Parser().parseString(
        await (await web.request("http://reader.example:8080/atom.xml")).text(),
      );
      expect(atom.items[0]?.link).toBe("http://reader.example:8080/archive/digest/2025-12-02.html");
      const json = (await (await web.request("/feed.json")).json()) as { items: Array<{ url: string }> };
      expect(json.items[0]?.url).toMatch(/^http:\/\/localhost\/archive\/digest\/2025-12-02\.html$/);
    });

    it("signs up by double opt-in with the same answer whether or not the address is known", async () => {
      await seedSubscribers(db, 1);
      const web = app({ "smtp.url": null });
      const page = await (await web.request("/subscribe")).text();
      expect(page).toMatch(/<label for="db-email">Email address<\/label>/);
      const token = formTokenOf(page);
      expect(token).not.toBe("");
      const post = (email: string, extra: Array<[string, string]> = [], headers: Record<string, string> = {}) => {
        const { body, headers: type } = form([["email", email], ["edition", "digest"], ["ft", token], ...extra]);
        return web.request("/subscribe", { method: "POST", body, headers: { ...type, ...headers } });
      };
      const fresh = await post("New.Reader@Example.com");
      const known = await post("reader0@example.com");
      expect(fresh.status).toBe(200);
      expect(known.status).toBe(200);
      const strip = (text: string) => text.replace(/new\.reader@example\.com|reader0@example\.com/gi, "ADDRESS");
      expect(strip(await known.text())).toBe(strip(await fresh.text()));
      const repo = new SubscribersRepo(db);
      const added = await repo.findByEmail("new.reader@example.com");
      expect(added).toMatchObject({ status: "pending", editions: ["digest"], origin: "web" });
      expect((await repo.findByEmail("reader0@example.com"))?.status).toBe("confirmed");

      // The honeypot: answered like a reader, and nothing stored.
      expect((await post("bot@example.com", [["website", "https://spam.example"]])).status).toBe(200);
      expect(await repo.findByEmail("bot@example.com")).toBeNull();
      // Another site's form, or no form token: refused.
      expect((await post("x@example.com", [], { origin: "https://evil.example" })).status).toBe(403);
      const { body, headers } = form([
        ["email", "y@example.com"],
        ["edition", "digest"],
      ]);
      expect((await web.request("/subscribe", { method: "POST", body, headers })).status).toBe(403);
      // A bad address is told so, with the field kept and escaped.
      const bad = await post('<b>"not-an-address');
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(badHtml).toContain('role="alert"');
      expect(badHtml).toContain("&lt;b&gt;&quot;not-an-address");
      expect(await repo.findByEmail("x@example.com")).toBeNull();
    });

    it("sends one confirmation per new address, however often the form is sent, and none to known ones", async () => {
      await seedSubscribers(db, 1);
      const sink = await new SmtpSink().start();
      try {
        const ctx = sendContext(
          db,
          sendConfigOverrides(sink.url, { "web.signupsPerHour": 100, "web.trustProxy": true }),
        );
        const web = createApp(ctx);
        const token = formTokenOf(await (await web.request("/subscribe")).text());
        const post = (email: string, i: number) => {
          const { body, headers } = form([
            ["email", email],
            ["edition", "briefing"],
            ["ft", token],
          ]);
          return web.request("/subscribe", {
            method: "POST",
            body,
            headers: { ...headers, "x-forwarded-for": `198.51.100.${i}` },
          });
        };
        const sent = await Promise.all([
          post("victim@example.com", 1),
          post("victim@example.com", 2),
          post("Victim@Example.com", 3),
          post("other@example.com", 4),
          post("reader0@example.com", 5),
        ]);
        expect(sent.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
        await confirmationsSettled(ctx);
        await post("victim@example.com", 6);
        await confirmationsSettled(ctx);
        expect(Object.fromEntries(sink.copies())).toEqual({ "victim@example.com": 1, "other@example.com": 1 });
        const mail = await sink.parse(sink.messages[0] as never);
        expect(mail.text).toMatch(/https:\/\/brief\.example\.com\/confirm\?t=/);
      } finally {
        await sink.stop();
      }
    });

    it("limits sign-ups per client address", async () => {
      const web = app({ "smtp.url": null, "web.signupsPerHour": 2, "web.trustProxy": true });
      const token = formTokenOf(await (await web.request("/subscribe")).text());
      const post = (i: number, ip: string) => {
        const { body, headers } = form([
          ["email", `r${i}@example.com`],
          ["edition", "digest"],
          ["ft", token],
        ]);
        return web.request("/subscribe", { method: "POST", body, headers: { ...headers, "x-forwarded-for": ip } });
      };
      expect((await post(1, "203.0.113.1")).status).toBe(200);
      expect((await post(2, "203.0.113.1")).status).toBe(200);
      const limited = await post(3, "203.0.113.1");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await post(4, "203.0.113.2")).status).toBe(200);
      expect(await new SubscribersRepo(db).findByEmail("r3@example.com")).toBeNull();
    });

    it("changes a reader's editions with their signed link, and unsubscribes when none is left", async () => {
      await seedSubscribers(db, 1, { editions: ["digest", "briefing"] });
      const [reader] = await new SubscribersRepo(db).list();
      const t = signToken(testSecret, { purpose: "unsubscribe", subject: reader?.id as string });
      const web = app();
      const page = await web.request(`/preferences?t=${encodeURIComponent(t)}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('value="briefing" checked');
      const ft = formTokenOf(html);
      const save = (editions: string[]) => {
        const { body, headers } = form([
          ["t", t],
          ["ft", ft],
          ...editions.map((e): [string, string] => ["edition", e]),
        ]);
        return web.request("/preferences", { method: "POST", body, headers });
      };
      expect((await save(["briefing"])).status).toBe(200);
      expect((await new SubscribersRepo(db).get(reader?.id as string))?.editions).toEqual(["briefing"]);
      expect((await new SubscribersRepo(db).get(reader?.id as string))?.confirmedAt).toBe(reader?.confirmedAt);
      await save([]);
      expect((await new SubscribersRepo(db).get(reader?.id as string))?.status).toBe("unsubscribed");
      const forged = signToken("another-secret-0123456789", { purpose: "unsubscribe", subject: reader?.id as string });
      expect((await web.request(`/preferences?t=${forged}`)).status).toBe(400);
    });
  });
}
