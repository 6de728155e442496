import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Issue } from "../../src/model/issue.ts";
import { type Db, openDb } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { seedSubscribers } from "../helpers/delivery.ts";
import { addEditor, editorEmail, editorPassword, seedDemoDraft, startWeb } from "../helpers/desk.ts";
import { sendConfigOverrides, sendContext } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";

const executablePath = "/usr/bin/chromium";
const available = existsSync(executablePath);
const shots = join(import.meta.dirname, "..", "..", "test-results", "desk");
const title = available
  ? "the editor's desk in headless Chromium"
  : `the editor's desk in headless Chromium — SKIPPED: ${executablePath} is missing (apt-get install -y chromium)`;

describe.skipIf(!available)(title, () => {
  let browser: Browser;
  let dir: string;
  let db: Db;
  let sink: SmtpSink;
  let web: { url: string; close: () => Promise<void> };
  let draft: Issue;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), "daybrief-desk-"));
    db = await openDb(`sqlite:${join(dir, "desk.db")}`);
    sink = await new SmtpSink().start();
    const ctx = sendContext(
      db,
      sendConfigOverrides(sink.url, {
        allowPrivateNetworks: true,
        "fetch.politenessDelayMs": 0,
        "desk.secureCookies": "never",
      }),
    );
    draft = await seedDemoDraft(ctx);
    await addEditor(db);
    await seedSubscribers(db, 3, { editions: ["digest"] });
    web = await startWeb(ctx);
    browser = await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-sync",
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await sink?.stop();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("an editor signs in, reorders and edits the draft, approves it and sends it; the email arrives", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on("dialog", (dialog) => void dialog.accept());
    try {
      await page.goto(`${web.url}/desk`);
      expect(new URL(page.url()).pathname).toBe("/desk/login");
      await page.getByLabel("Email").fill(editorEmail);
      await page.getByLabel("Password").fill(editorPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${web.url}/desk`);
      await page.screenshot({ path: join(shots, "01-today.png"), fullPage: true });

      await page.goto(`${web.url}/desk?date=2025-12-02`);
      await page.getByRole("link", { name: draft.title }).first().click();
      await page.waitForURL(`${web.url}/desk/issues/${draft.id}`);
      const top = draft.sections.findIndex((s) => s.id === "top-stories");
      const before = draft.sections[top];
      if (before?.kind !== "stories") throw new Error("the digest has no top stories");
      const [first, second] = before.stories;
      if (!first || !second) throw new Error("fewer than two top stories");
      await page.screenshot({ path: join(shots, "02-draft.png"), fullPage: true });

      // Reorder: the first story goes down one place.
      await page.locator(`[id="s${top}.b0"]`).getByRole("button", { name: "↓ Down" }).click();
      await expect.poll(() => page.locator(`[id="s${top}.b0"] h3`).textContent()).toBe(second.headline);
      await expect.poll(() => page.locator(`[id="s${top}.b1"] h3`).textContent()).toBe(first.headline);

      // An edit that claims what no source says is refused, and what the editor typed stays in the form.
      const block = page.locator(`[id="s${top}.b0"]`);
      await block.locator("summary", { hasText: "Edit text" }).click();
      const paragraph = block.getByLabel("Paragraph 1");
      const original = second.paragraphs[0] ?? "";
      const invented = `${original} The company also raised $9.7 billion from Zorblax Capital.`;
      await paragraph.fill(invented);
      await block.getByRole("button", { name: "Save edits" }).click();
      await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/Nothing was saved/);
      expect(await page.locator(`[id="s${top}.b0"]`).getByLabel("Paragraph 1").inputValue()).toBe(invented);
      await page.screenshot({ path: join(shots, "03-edit-refused.png"), fullPage: true });

      // A grounded edit (the paragraph cut to its first sentence) is kept.
      const shortened = (original.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? original).trim();
      await page.locator(`[id="s${top}.b0"]`).getByLabel("Paragraph 1").fill(shortened);
      await page.locator(`[id="s${top}.b0"]`).getByRole("button", { name: "Save edits" }).click();
      await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Saved 1 edit/);
      const stored = await new IssuesRepo(db).get(draft.id);
      const storedTop = stored?.sections[top];
      expect(storedTop?.kind === "stories" ? storedTop.stories[0]?.paragraphs[0] : null).toBe(shortened);
      expect(storedTop?.kind === "stories" ? storedTop.stories[0]?.headline : null).toBe(second.headline);

      await page.getByRole("button", { name: "Approve" }).click();
      await expect.poll(() => page.locator(".status").first().textContent()).toBe("approved");
      await page.getByRole("button", { name: "Send now" }).click();
      await expect.poll(() => sink.messages.length, { timeout: 60_000 }).toBe(3);
      await expect.poll(async () => (await new IssuesRepo(db).get(draft.id))?.status, { timeout: 30_000 }).toBe("sent");
      await page.reload();
      await expect.poll(() => page.getByText(/Deliveries: sent 3 of 3/).count()).toBe(1);
      await page.screenshot({ path: join(shots, "04-sent.png"), fullPage: true });

      const email = await sink.parse(sink.messages[0] as (typeof sink.messages)[number]);
      expect(email.subject).toBe(draft.title);
      const text = (email.text ?? "").replace(/\s+/g, " ");
      expect(text.indexOf(second.headline)).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(second.headline)).toBeLessThan(text.indexOf(first.headline));
      expect(text).toContain(shortened.replace(/\s+/g, " "));
      expect(text).not.toContain("Zorblax");
      expect([...sink.copies().keys()].sort()).toEqual([
        "reader0@example.com",
        "reader1@example.com",
        "reader2@example.com",
      ]);
    } finally {
      await page.close();
    }
  }, 240_000);

  it("shows Stories, Sources, Subscribers, Tips and Trends with their charts, under the desk's content policy", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on("dialog", (dialog) => void dialog.accept());
    try {
      await page.goto(`${web.url}/desk/login`);
      await page.getByLabel("Email").fill(editorEmail);
      await page.getByLabel("Password").fill(editorPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${web.url}/desk`);

      await page.goto(`${web.url}/desk/stories?until=2025-12-02&days=3`);
      const stories = page.locator("section.card[id^='st_']");
      expect(await stories.count()).toBeGreaterThan(3);
      const firstId = (await stories.first().getAttribute("id")) as string;
      const topic = page.locator(`[id="topic-${firstId}"]`);
      const choices = await topic.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const current = await topic.inputValue();
      const other = choices.find((v) => v !== current) as string;
      await topic.selectOption(other);
      await page.locator(`[id="${firstId}"]`).getByRole("button", { name: "Re-label" }).click();
      await expect.poll(() => page.getByRole("status").first().textContent()).toContain(`Filed under ${other}`);
      expect(await page.locator(`[id="topic-${firstId}"]`).inputValue()).toBe(other);
      await page.screenshot({ path: join(shots, "05-stories.png"), fullPage: true });

      await page.goto(`${web.url}/desk/sources?until=2025-12-02`);
      expect(await page.locator("svg.spark").count()).toBeGreaterThan(3);
      expect(await page.locator("svg.spark rect[fill='#1d4ed8']").count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(shots, "06-sources.png"), fullPage: true });

      await page.goto(`${web.url}/desk/subscribers?until=2025-12-02`);
      expect(await page.locator("svg.chart").count()).toBe(2);
      await page.getByLabel("Address or name contains").fill("reader1");
      await page.getByRole("button", { name: "Search" }).click();
      await expect.poll(() => page.locator("h2", { hasText: "Readers matching" }).textContent()).toContain(": 1");
      await page.screenshot({ path: join(shots, "07-subscribers.png"), fullPage: true });

      await page.goto(`${web.url}/tips`);
      await page.getByLabel("What happened?").fill("Zephyr Labs opened its 7B model's weights today.");
      await page.getByRole("button", { name: "Send the tip" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("reached the editors");
      await page.goto(`${web.url}/desk/tips`);
      await page.getByRole("button", { name: "Accept as a candidate item" }).click();
      await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Accepted: item it_/);
      await page.screenshot({ path: join(shots, "08-tips.png"), fullPage: true });

      await page.goto(`${web.url}/desk/trends?until=2025-12-02&days=7`);
      expect(await page.locator("svg.chart").count()).toBe(3);
      expect(await page.locator("svg.chart polyline").count()).toBeGreaterThan(3);
      await page.screenshot({ path: join(shots, "09-trends.png"), fullPage: true });
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});
