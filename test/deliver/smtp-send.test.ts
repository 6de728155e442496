import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signToken, verifyToken } from "../../src/deliver/index.ts";
import { isDaybriefError } from "../../src/errors.ts";
import type { SendEvent } from "../../src/pipeline/send-issue.ts";
import { sendIssue } from "../../src/pipeline/send-issue.ts";
import type { Db } from "../../src/store/db.ts";
import { DeliveriesRepo } from "../../src/store/deliveries-repo.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { SubscribersRepo } from "../../src/store/subscribers-repo.ts";
import { SuppressionsRepo } from "../../src/store/suppressions-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { postalAddress, sendConfigOverrides, sendContext, siteUrl, testSecret } from "../helpers/send-context.ts";
import { freePort, SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const sqlite = testStores()[0] as ReturnType<typeof testStores>[number];

describe("sending an issue to a real SMTP server (SQLite ledger)", () => {
  let store: TestStore;
  let db: Db;
  let sink: SmtpSink;

  beforeEach(async () => {
    store = (await sqlite.create()) as TestStore;
    db = await store.open();
    sink = await new SmtpSink().start();
  });

  afterEach(async () => {
    await sink.stop();
    await db.close();
    await store.cleanup();
  });

  const send = (overrides: Record<string, unknown> = {}, events: SendEvent[] = []) =>
    sendIssue(sendContext(db, sendConfigOverrides(sink.url, overrides)), {
      issueId: "is_digest_test",
      policy: "resend",
      onEvent: (e) => events.push(e),
    });

  it("sends each reader one multipart message with their name, unsubscribe link, list headers and Message-ID", async () => {
    const issue = await storeIssue(db);
    await seedSubscribers(db, 4);
    const report = await send();
    expect(report).toMatchObject({ finished: true, totals: { sent: 4, failed: 0 } });
    expect(report.counts).toMatchObject({ sent: 4, total: 4, everUncertain: 0 });
    expect((await new IssuesRepo(db).get(issue.id))?.status).toBe("sent");
    expect([...sink.copies().values()]).toEqual([1, 1, 1, 1]);

    const subscribers = await new SubscribersRepo(db).list();
    const tokens = new Set<string>();
    for (const message of sink.messages) {
      const mail = await sink.parse(message);
      const reader = subscribers.find((s) => s.email === message.to);
      if (!reader) throw new Error(`mail to a stranger: ${message.to}`);
      expect(mail.subject).toBe(issue.title);
      expect(mail.to?.[0]).toMatchObject({ address: reader.email, name: reader.name ?? "" });
      expect(mail.from).toMatchObject({ address: "brief@news.example.com", name: "Daybrief" });
      expect(mail.messageId).toBe(`<${issue.id}.${reader.id}@news.example.com>`);
      const header = (key: string) => mail.headers.find((h) => h.key === key)?.value ?? "";
      expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      expect(header("list-id")).toContain("<digest.brief.example.com>");
      const unsubscribe = /^<(https:\/\/brief\.example\.com\/unsubscribe\?t=([^>]+))>$/.exec(
        header("list-unsubscribe"),
      );
      expect(unsubscribe).not.toBeNull();
      const token = (unsubscribe as RegExpExecArray)[2] as string;
      expect(verifyToken(testSecret, token, "unsubscribe")).toEqual({ ok: true, subject: reader.id });
      tokens.add(token);
      // Both parts carry the reader's own link, whom it was sent to, and the postal address.
      const shown = reader.name ? `${reader.name} (${reader.email})` : reader.email;
      for (const part of [mail.text ?? "", mail.html ?? ""]) {
        expect(part).toContain(postalAddress);
        expect(part.replace(/&amp;/g, "&")).toContain(`/unsubscribe?t=${token}`);
      }
      expect(mail.text).toContain(`This email was sent to ${shown}.`);
      expect(mail.html).toContain(`This email was sent to ${shown}.`);
      expect(mail.text).toContain(issue.title);
      expect(mail.html).toMatch(/<html/i);
    }
    expect(tokens.size).toBe(4);
  });

  it("unsubscribes with the one-click POST of the List-Unsubscribe header, never on GET, and at once mid-send", async () => {
    await storeIssue(db);
    await seedSubscribers(db, 6);
    const ctx = sendContext(db, sendConfigOverrides(sink.url, { "smtp.pool": 1, "smtp.pipelining": 1 }));
    // While the first message is on the wire, a reader not yet sent to clicks one-click unsubscribe.
    const subscribers = await new SubscribersRepo(db).list();
    let leaver = null as string | null;
    const pending: Promise<void>[] = [];
    sink.behaviour = {
      data: (to, index) => {
        if (index === 0) {
          const other = subscribers.find((s) => s.email !== to) as (typeof subscribers)[number];
          leaver = other.email;
          const token = signToken(testSecret, { purpose: "unsubscribe", subject: other.id });
          pending.push(postOneClick(ctx, `${siteUrl}/unsubscribe?t=${encodeURIComponent(token)}`));
        }
        return "accept";
      },
    };
    const report = await sendIssue(ctx, { issueId: "is_digest_test", policy: "resend" });
    await Promise.all(pending);
    expect(leaver).not.toBeNull();
    expect(sink.copies().has(leaver as string)).toBe(false);
    expect(report.counts).toMatchObject({ sent: 5, skipped: 1 });
    expect((await new SubscribersRepo(db).findByEmail(leaver as string))?.status).toBe("unsubscribed");

    // A GET of the same link (a link scanner) shows a page and changes nothing.
    const app = createApp(ctx);
    const kept = subscribers.find((s) => s.email !== leaver) as (typeof subscribers)[number];
    const getUrl = `/unsubscribe?t=${encodeURIComponent(signToken(testSecret, { purpose: "unsubscribe", subject: kept.id }))}`;
    const page = await app.request(getUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('method="post"');
    expect((await new SubscribersRepo(db).get(kept.id))?.status).toBe("confirmed");
    // A damaged token is refused and changes nothing.
    const bad = await app.request(`${getUrl.slice(0, -3)}xyz`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(bad.status).toBe(400);
    expect((await new SubscribersRepo(db).get(kept.id))?.status).toBe("confirmed");
  });

  it("retries a 4xx deferral until it is accepted, once", async () => {
    await storeIssue(db);
    await seedSubscribers(db, 5);
    sink.behaviour = {
      rcpt: (address, attempt) =>
        address === "reader1@example.com" && attempt <= 2
          ? { code: 451, message: "4.7.1 greylisted, try later" }
          : null,
    };
    const report = await send();
    expect(report).toMatchObject({ finished: true, totals: { sent: 5, retried: 2, failed: 0 } });
    expect(sink.copies().get("reader1@example.com")).toBe(1);
    const [row] = (await new DeliveriesRepo(db).rows("is_digest_test", ["sent"])).filter(
      (r) => r.email === "reader1@example.com",
    );
    expect(row?.attempts).toBe(3);
  });

  it("marks a 5xx refusal failed with the server's reply and suppresses a hard bounce at the threshold", async () => {
    await storeIssue(db);
    await seedSubscribers(db, 5);
    sink.behaviour = {
      rcpt: (address) =>
        address === "reader2@example.com" ? { code: 550, message: "5.1.1 <reader2@example.com>: user unknown" } : null,
    };
    const report = await send({ "deliver.bounceThreshold": 1 });
    expect(report).toMatchObject({ finished: true, totals: { sent: 4, failed: 1 } });
    expect(report.failures).toEqual([
      { email: "reader2@example.com", code: "E_SMTP_REJECTED", error: expect.stringContaining("user unknown") },
    ]);
    expect(sink.copies().has("reader2@example.com")).toBe(false);
    expect((await new SubscribersRepo(db).findByEmail("reader2@example.com"))?.status).toBe("bounced");
    expect(await new SuppressionsRepo(db).reasonFor("reader2@example.com", "digest")).toBe("bounced");
  });

  it("survives a connection drop mid-batch: everyone gets it, and copies beyond one are counted as uncertain", async () => {
    await storeIssue(db);
    await seedSubscribers(db, 30);
    sink.behaviour = { data: (_to, index) => (index === 7 || index === 19 ? "drop" : "accept") };
    const report = await send();
    expect(report.finished).toBe(true);
    await expectEveryoneOnceUpToUncertain(db, sink, 30);
    expect(report.counts.everUncertain).toBeGreaterThanOrEqual(1);
    expect(report.counts.everUncertain).toBeLessThanOrEqual(2 * report.inFlight);
  });

  it("gives up on a server that accepts the message and then hangs, and resends it as uncertain", async () => {
    await storeIssue(db);
    await seedSubscribers(db, 12);
    sink.behaviour = { data: (_to, index) => (index === 3 ? "hang" : "accept") };
    const report = await send({ "smtp.timeoutMs": 1000 });
    expect(report.finished).toBe(true);
    expect(report.counts.everUncertain).toBe(1);
    await expectEveryoneOnceUpToUncertain(db, sink, 12);
    const hung = sink.messages[3]?.to as string;
    expect(sink.copies().get(hung)).toBe(2);
  });

  it("pauses while the server is down and resumes when it is back", async () => {
    await storeIssue(db);
    await seedSubscribers(db, 8);
    await sink.stop();
    const port = await freePort();
    const events: SendEvent[] = [];
    const restart = setTimeout(() => void sink.start(port), 1500);
    const report = await sendIssue(sendContext(db, sendConfigOverrides(`smtp://127.0.0.1:${port}`)), {
      issueId: "is_digest_test",
      policy: "resend",
      onEvent: (e) => events.push(e),
    }).finally(() => clearTimeout(restart));
    expect(events.some((e) => e.type === "paused")).toBe(true);
    expect(events.some((e) => e.type === "resumed")).toBe(true);
    expect(report).toMatchObject({ finished: true, totals: { sent: 8 } });
    expect([...sink.copies().values()]).toEqual(Array(8).fill(1));
  });

  it("stops with E_SMTP_UNAVAILABLE when the server stays down, and a later send finishes it", async () => {
    await storeIssue(db);
    await seedSubscribers(db, 6);
    await sink.stop();
    const port = await freePort();
    const ctx = sendContext(
      db,
      sendConfigOverrides(`smtp://127.0.0.1:${port}`, { "deliver.pauseGiveUpMinutes": 0.05 }),
    );
    const error = await sendIssue(ctx, { issueId: "is_digest_test", policy: "resend" }).catch((e: unknown) => e);
    expect(isDaybriefError(error, "E_SMTP_UNAVAILABLE")).toBe(true);
    expect(await new DeliveriesRepo(db).counts("is_digest_test")).toMatchObject({ queued: 6, sent: 0 });
    await sink.start(port);
    const report = await sendIssue(ctx, { issueId: "is_digest_test", policy: "resend" });
    expect(report).toMatchObject({ status: "resumed", finished: true, totals: { sent: 6 } });
    expect([...sink.copies().values()]).toEqual(Array(6).fill(1));
  });
});

/** The RFC 8058 request a mail client sends: a POST of `List-Unsubscribe=One-Click` to the header's URL. */
async function postOneClick(ctx: Parameters<typeof createApp>[0], url: string): Promise<void> {
  const response = await createApp(ctx).request(url.replace(siteUrl, ""), {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  if (response.status !== 200) throw new Error(`one-click unsubscribe answered ${response.status}`);
}

/** Every reader has a copy; no one has more copies than 1 + the times their row was found in doubt. */
async function expectEveryoneOnceUpToUncertain(db: Db, sink: SmtpSink, readers: number): Promise<void> {
  const rows = await new DeliveriesRepo(db).rows("is_digest_test", [
    "sent",
    "failed",
    "uncertain",
    "queued",
    "skipped",
  ]);
  expect(rows).toHaveLength(readers);
  const copies = sink.copies();
  let extra = 0;
  let uncertain = 0;
  for (const row of rows) {
    expect(row.state).toBe("sent");
    const n = copies.get(row.email as string) ?? 0;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(1 + row.uncertain);
    extra += n - 1;
    uncertain += row.uncertain;
  }
  expect(extra).toBeLessThanOrEqual(uncertain);
}
