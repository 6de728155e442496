import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DaybriefError } from "../../src/errors.ts";
import { publishIssue } from "../../src/pipeline/publish-issue.ts";
import type { Db } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { issueFor, storeIssues } from "../helpers/public-issues.ts";
import { sendContext } from "../helpers/send-context.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const siteUrl = "https://brief.example.com";

for (const kind of testStores()) {
  describe(`issue publish on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    let out: string;

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
      out = mkdtempSync(join(tmpdir(), "daybrief-publish-"));
    });

    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    it("writes the page, the archive and three feeds with absolute links, dated by publication", async () => {
      const [older] = await storeIssues(db, [issueFor("digest", "2025-12-01")], { status: "sent", published: true });
      await storeIssues(db, [issueFor("digest", "2025-12-02"), issueFor("briefing", "2025-12-02")], {
        status: "approved",
        published: false,
      });
      const ctx = sendContext(db, { siteUrl, logLevel: "silent" });
      const before = Date.now();
      const report = await publishIssue(ctx, "is_digest_2025-12-02", { out });
      expect(report.warnings).toEqual([]);
      // The approved briefing was never published: it is not in the archive.
      expect(report.archived).toBe(2);
      expect(report.files.sort()).toEqual(
        [
          "archive/digest/2025-12-01.html",
          "archive/digest/2025-12-02.html",
          "archive/index.html",
          "atom.xml",
          "feed.json",
          "feed.xml",
        ].sort(),
      );
      const publishedAt = Date.parse(report.publishedAt);
      expect(publishedAt).toBeGreaterThanOrEqual(before - 1000);
      expect((await new IssuesRepo(db).get("is_digest_2025-12-02"))?.publishedAt).toBe(report.publishedAt);

      const rss = await new Parser().parseString(readFileSync(join(out, "feed.xml"), "utf8"));
      expect(rss.items.map((i) => i.link)).toEqual([
        `${siteUrl}/archive/digest/2025-12-02.html`,
        `${siteUrl}/archive/digest/2025-12-01.html`,
      ]);
      expect(rss.items.map((i) => Date.parse(i.isoDate ?? ""))).toEqual([
        Math.floor(publishedAt / 1000) * 1000,
        Date.parse("2025-12-01T07:00:00.000Z"),
      ]);
      const atom = await new Parser().parseString(readFileSync(join(out, "atom.xml"), "utf8"));
      expect(atom.items.map((i) => i.link)).toEqual(rss.items.map((i) => i.link));
      expect(atom.items[1]?.isoDate).toBe("2025-12-01T07:00:00.000Z");
      const json = JSON.parse(readFileSync(join(out, "feed.json"), "utf8")) as {
        feed_url: string;
        items: Array<{ url: string; date_published: string }>;
      };
      expect(json.feed_url).toBe(`${siteUrl}/feed.json`);
      expect(json.items[1]).toMatchObject({
        url: `${siteUrl}/archive/digest/2025-12-01.html`,
        date_published: "2025-12-01T07:00:00.000Z",
      });

      const page = readFileSync(join(out, "archive/digest/2025-12-02.html"), "utf8");
      expect(page).toContain(`<a rel="prev" href="${siteUrl}/archive/digest/2025-12-01.html">`);
      const index = readFileSync(join(out, "archive/index.html"), "utf8");
      expect(index).toContain(`${siteUrl}/archive/digest/2025-12-01.html`);
      expect(index).not.toContain("briefing/2025-12-02");
      expect(older?.id).toBe("is_digest_2025-12-01");

      // Publishing again keeps the first publication time.
      const again = await publishIssue(ctx, "is_digest_2025-12-02", { out });
      expect(again.publishedAt).toBe(report.publishedAt);
    });

    it("refuses a draft with a coded error and writes nothing", async () => {
      await storeIssues(db, [issueFor("digest", "2025-12-02")], { status: "draft", published: false });
      const ctx = sendContext(db, { siteUrl, logLevel: "silent" });
      const error = await publishIssue(ctx, "is_digest_2025-12-02", { out }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DaybriefError);
      expect((error as DaybriefError).code).toBe("E_PUBLISH_NOT_APPROVED");
      expect(existsSync(join(out, "feed.xml"))).toBe(false);
      expect((await new IssuesRepo(db).get("is_digest_2025-12-02"))?.publishedAt).toBeUndefined();
      const missing = await publishIssue(ctx, "is_nope", { out }).catch((e: unknown) => e);
      expect((missing as DaybriefError).code).toBe("E_ISSUE_NOT_FOUND");
    });

    it("says so, naming the key, when siteUrl is unset", async () => {
      await storeIssues(db, [issueFor("digest", "2025-12-02")], { status: "approved", published: false });
      const ctx = sendContext(db, { siteUrl: null, logLevel: "silent" });
      const report = await publishIssue(ctx, "is_digest_2025-12-02", { out });
      expect(report.warnings.join(" ")).toMatch(/siteUrl \(DAYBRIEF_SITE_URL\) is not set/);
      // The pages still work from disk: links between them are relative.
      const index = readFileSync(join(out, "archive/index.html"), "utf8");
      expect(index).toContain('href="digest/2025-12-02.html"');
    });

    it("leaves the issue unpublished when the folder cannot be written", async () => {
      await storeIssues(db, [issueFor("digest", "2025-12-02")], { status: "approved", published: false });
      const ctx = sendContext(db, { siteUrl, logLevel: "silent" });
      const blocked = join(out, "file");
      await import("node:fs").then((fs) => fs.writeFileSync(blocked, "not a folder"));
      const error = await publishIssue(ctx, "is_digest_2025-12-02", { out: blocked }).catch((e: unknown) => e);
      expect((error as DaybriefError).code).toBe("E_PUBLISH_WRITE");
      expect((await new IssuesRepo(db).get("is_digest_2025-12-02"))?.publishedAt).toBeUndefined();
    });
  });
}
