import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendIssue } from "../../src/pipeline/send-issue.ts";
import { type Db, openDb } from "../../src/store/db.ts";
import { SubscribersRepo } from "../../src/store/subscribers-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { issueFor, storeIssues } from "../helpers/public-issues.ts";
import { sendConfigOverrides, sendContext } from "../helpers/send-context.ts";
import { freePort, SmtpSink } from "../helpers/smtp-sink.ts";
import { type A11yReport, a11yProbe } from "./a11y-probe.ts";

const executablePath = "/usr/bin/chromium";
const available = existsSync(executablePath);
const shots = join(import.meta.dirname, "..", "..", "test-results", "web");
const title = available
  ? "a reader on the public site, in headless Chromium"
  : `a reader on the public site — SKIPPED: ${executablePath} is missing (apt-get install -y chromium)`;

/** Waits (generously: the machine may be loaded) until `check` is true. */
async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!available)(title, () => {
  let browser: Browser;
  let server: ServerType;
  let db: Db;
  let dir: string;
  let origin: string;
  const sink = new SmtpSink();
  let ctx: ReturnType<typeof sendContext>;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), "daybrief-web-"));
    db = await openDb(`sqlite:${join(dir, "web.db")}`);
    await sink.start();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    ctx = sendContext(db, sendConfigOverrides(sink.url, { siteUrl: origin }));
    await storeIssues(db, [issueFor("digest", "2025-12-01"), issueFor("briefing", "2025-12-01")], {
      status: "sent",
      published: true,
    });
    await storeIssues(db, [issueFor("digest", "2025-12-02"), issueFor("briefing", "2025-12-02")], {
      status: "approved",
      published: true,
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: createApp(ctx).fetch, port, hostname: "127.0.0.1" }, () => resolve());
    });
    browser = await chromium.launch({
      executablePath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await sink.stop();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Landmarks, labels and contrast of the page as shown, in light and dark mode. */
  async function expectAccessible(page: Page, name: string): Promise<void> {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const report: A11yReport = await page.evaluate(a11yProbe);
      expect(report.landmarks, `${name} (${colorScheme}) landmarks`).toMatchObject({ main: 1, h1: 1 });
      expect(report.landmarks.banner, `${name} banner`).toBeGreaterThanOrEqual(1);
      expect(report.landmarks.contentinfo, `${name} footer`).toBeGreaterThanOrEqual(1);
      expect(report.unlabelled, `${name} unlabelled fields`).toEqual([]);
      expect(report.checkedTexts, `${name} texts checked`).toBeGreaterThan(3);
      expect(report.lowContrast, `${name} (${colorScheme}) text below 4.5:1`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });
  }

  it("subscribes with the keyboard, confirms from the email, reads the archive and an issue, unsubscribes in one click", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // The issues' lead pictures live on the fixture outlets' hosts, which do not resolve here; anything else counts.
    page.on("console", (m) =>
      m.type() === "error" && !m.text().includes("net::ERR_NAME_NOT_RESOLVED") ? errors.push(m.text()) : undefined,
    );
    page.on("response", (r) => (r.status() >= 400 ? errors.push(`${r.status()} ${r.url()}`) : undefined));

    await page.goto(`${origin}/subscribe`);
    await expectAccessible(page, "subscribe");
    await page.screenshot({ path: join(shots, "subscribe-390.png"), fullPage: true });
    // Keyboard only: Tab to the address field, type, Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.id === "db-email")) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("db-email");
    await page.keyboard.type("ada.reader@example.com");
    // The edition boxes are reachable too: Tab onto the first, Space unticks it.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("checkbox");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await page.waitForSelector("h1:has-text('Check your inbox')");
    await page.screenshot({ path: join(shots, "subscribe-sent-390.png"), fullPage: true });

    await until(() => sink.messages.some((m) => m.to === "ada.reader@example.com"), "the confirmation email");
    const mail = await sink.parse(sink.messages.find((m) => m.to === "ada.reader@example.com") as never);
    const confirmUrl = new RegExp(`${origin.replace(/[.:/]/g, "\\$&")}/confirm\\?t=[\\w.-]+`).exec(
      mail.text ?? "",
    )?.[0];
    expect(confirmUrl, "a confirm link in the email").toBeTruthy();
    await page.goto(confirmUrl as string);
    await expectAccessible(page, "confirm");
    const repo = new SubscribersRepo(db);
    expect((await repo.findByEmail("ada.reader@example.com"))?.status).toBe("pending");
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await page.waitForSelector("h1:has-text('You are subscribed')");
    await page.screenshot({ path: join(shots, "confirmed-390.png"), fullPage: true });
    expect((await repo.findByEmail("ada.reader@example.com"))?.status).toBe("confirmed");

    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${origin}/`);
    await expectAccessible(page, "archive");
    await page.screenshot({ path: join(shots, "archive-1000.png"), fullPage: true });
    const headings = await page.locator("h3.db-h3 a").allTextContents();
    expect(headings).toHaveLength(4);
    await page.getByRole("link", { name: headings[0] as string }).click();
    await page.waitForURL(/\/archive\/briefing\/2025-12-02\.html$/);
    expect(await page.locator("main article").count()).toBe(1);
    await expectAccessible(page, "issue page");
    await page.screenshot({ path: join(shots, "issue-1000.png"), fullPage: true });
    // The search form works without script.
    await page.goto(`${origin}/`);
    await page.getByLabel("Search the archive").fill("(2025-12-01)");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator("h3.db-h3 a").count()).toBe(2);

    // The next issue reaches the new reader, with an unsubscribe link that takes one click.
    const report = await sendIssue(ctx, { issueId: "is_digest_2025-12-02", policy: "resend" });
    expect(report.counts.sent).toBe(1);
    const issueMail = await sink.parse(sink.messages.filter((m) => m.to === "ada.reader@example.com").at(-1) as never);
    const header = issueMail.headers.find((x) => x.key === "list-unsubscribe")?.value ?? "";
    const unsubscribeUrl = /<(http[^>]+\/unsubscribe\?t=[^>]+)>/.exec(header)?.[1];
    expect(unsubscribeUrl).toBeTruthy();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(unsubscribeUrl as string);
    await expectAccessible(page, "unsubscribe");
    await page.screenshot({ path: join(shots, "unsubscribe-390.png"), fullPage: true });
    await page.getByRole("link", { name: "choose which editions you receive" }).click();
    await expectAccessible(page, "preferences");
    await page.screenshot({ path: join(shots, "preferences-390.png"), fullPage: true });
    await page.goBack();
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.waitForSelector("h1:has-text('You are unsubscribed')");
    await page.screenshot({ path: join(shots, "unsubscribed-390.png"), fullPage: true });
    expect((await repo.findByEmail("ada.reader@example.com"))?.status).toBe("unsubscribed");

    // The briefing's "Have a tip? Send it our way." page: the site's look, accessible, and it takes a tip.
    await page.goto(`${origin}/tips`);
    await expectAccessible(page, "tips");
    await page.getByLabel("What happened?").fill("Acme Labs opens its 3B model's weights.");
    await page.getByRole("button", { name: "Send the tip" }).click();
    await page.waitForSelector("[role=status]:has-text('your tip reached the editors')");
    await page.screenshot({ path: join(shots, "tips-390.png"), fullPage: true });
    expect(errors, "no console errors (a CSP violation is one)").toEqual([]);
    await page.close();
  }, 180_000);
});
