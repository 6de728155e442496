import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { addEditor, CookieJar, csrfIn, deskGet, deskPost, signIn } from "../helpers/desk.ts";
import { issueFor, storeIssues } from "../helpers/public-issues.ts";
import { sendContext } from "../helpers/send-context.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const flashOf = (page: string) => /<p class="flash" role="status">([^<]*)<\/p>/.exec(page)?.[1] ?? "";

for (const kind of testStores()) {
  describe(`approving on the desk publishes as \`issue approve\` does (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;

    beforeAll(async () => {
      store = await kind.create();
      if (!store) return;
      db = await store.open();
      await addEditor(db);
    }, 60_000);

    afterAll(async () => {
      await db?.close();
      await store?.cleanup();
    });

    /** Signs in to a fresh app with these settings and approves the draft of `date`; returns the page after it. */
    async function approve(date: string, overrides: Record<string, unknown>) {
      const [issue] = await storeIssues(db, [issueFor("digest", date)], { status: "draft", published: false });
      const app = createApp(sendContext(db, { "desk.secureCookies": "never", logLevel: "silent", ...overrides }));
      const jar = new CookieJar();
      expect((await signIn(app, jar)).status).toBe(303);
      const id = issue?.id as string;
      const token = await csrfIn(await deskGet(app, `/desk/issues/${id}`, jar));
      const posted = await deskPost(app, `/desk/issues/${id}/approve`, jar, { _csrf: token });
      expect(posted.status).toBe(303);
      const page = await (await deskGet(app, posted.headers.get("location") as string, jar)).text();
      return { app, id, jar, flash: flashOf(page) };
    }

    it("with publish.onApprove, writes the archive, makes the issue public and says so, warning without siteUrl", async (c) => {
      if (!store) return c.skip();
      const dir = mkdtempSync(join(tmpdir(), "daybrief-desk-publish-"));
      const { app, id, jar, flash } = await approve("2025-12-02", { "publish.onApprove": true, "publish.dir": dir });
      expect((await new IssuesRepo(db).get(id))?.status).toBe("approved");
      expect((await new IssuesRepo(db).get(id))?.publishedAt).toBeTruthy();
      expect(existsSync(join(dir, "archive", "digest", "2025-12-02.html"))).toBe(true);
      expect(readFileSync(join(dir, "feed.xml"), "utf8")).toContain("2025-12-02");
      expect(flash).toContain(`Published to ${dir}: archive/digest/2025-12-02.html`);
      expect(flash).toContain("siteUrl (DAYBRIEF_SITE_URL) is not set");
      // The served site shows it too: it is public now.
      expect((await app.request("http://desk.test/archive/digest/2025-12-02.html")).status).toBe(200);

      // Sent back to draft, it leaves the served site at once, and the editor is told the folder still has it.
      const token = await csrfIn(await deskGet(app, `/desk/issues/${id}`, jar));
      expect((await deskPost(app, `/desk/issues/${id}/unapprove`, jar, { _csrf: token })).status).toBe(303);
      const back = flashOf(await (await deskGet(app, `/desk/issues/${id}`, jar)).text());
      expect(back).toContain("Back to draft. It had been published: the served site no longer shows it");
      expect((await app.request("http://desk.test/archive/digest/2025-12-02.html")).status).toBe(404);
    });

    it("without publish.onApprove, approves only and says it did not publish", async (c) => {
      if (!store) return c.skip();
      const dir = mkdtempSync(join(tmpdir(), "daybrief-desk-publish-"));
      const { id, flash } = await approve("2025-12-03", { "publish.dir": dir, siteUrl: "https://brief.example.com" });
      expect((await new IssuesRepo(db).get(id))?.status).toBe("approved");
      expect((await new IssuesRepo(db).get(id))?.publishedAt ?? null).toBeNull();
      expect(existsSync(join(dir, "feed.xml"))).toBe(false);
      expect(flash).toContain("Not published (publish.onApprove is off)");
    });

    it("publishes an approved issue from its page, then shows when and links to its public page", async (c) => {
      if (!store) return c.skip();
      const dir = mkdtempSync(join(tmpdir(), "daybrief-desk-publish-"));
      const { app, id, jar } = await approve("2025-12-05", {
        "publish.dir": dir,
        siteUrl: "https://brief.example.com",
      });
      const before = await (await deskGet(app, `/desk/issues/${id}`, jar)).text();
      expect(before).toContain("not published");
      expect(before).toContain(`action="/desk/issues/${id}/publish"`);
      const posted = await deskPost(app, `/desk/issues/${id}/publish`, jar, {
        _csrf: await csrfIn(await deskGet(app, `/desk/issues/${id}`, jar)),
      });
      expect(posted.status).toBe(303);
      const after = await (await deskGet(app, `/desk/issues/${id}`, jar)).text();
      expect(flashOf(after)).toMatch(
        /^Published to .+: archive\/digest\/2025-12-05\.html, the archive index and the feeds \(\d+ files\)\.$/,
      );
      expect(existsSync(join(dir, "archive", "digest", "2025-12-05.html"))).toBe(true);
      expect(after).toContain('<a href="/archive/digest/2025-12-05.html">its public page</a>');
      expect(after).toContain("Publish again");
      expect((await app.request("http://desk.test/archive/digest/2025-12-05.html")).status).toBe(200);
    });

    it("keeps the approval when the folder cannot be written, and tells the editor why it was not published", async (c) => {
      if (!store) return c.skip();
      const blocker = join(mkdtempSync(join(tmpdir(), "daybrief-desk-publish-")), "a-file");
      writeFileSync(blocker, "not a folder");
      const { id, flash } = await approve("2025-12-04", { "publish.onApprove": true, "publish.dir": blocker });
      expect((await new IssuesRepo(db).get(id))?.status).toBe("approved");
      expect((await new IssuesRepo(db).get(id))?.publishedAt ?? null).toBeNull();
      expect(flash).toContain("NOT published: E_PUBLISH_WRITE");
    });
  });
}
