import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type Outcome,
  RateLimiter,
  type RunTotals,
  runSend,
  type SendLedger,
  SmtpMailer,
} from "../../src/deliver/index.ts";
import type { Db } from "../../src/store/db.ts";
import { DeliveriesRepo } from "../../src/store/deliveries-repo.ts";
import { LeasesRepo } from "../../src/store/leases-repo.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const sqlite = testStores()[0] as ReturnType<typeof testStores>[number];
const readers = 120;
const pool = 2;
const pipelining = 4;

/**
 * The engine over the real SQLite ledger and a real SMTP server: how often it writes to the ledger, and what its
 * progress reports count. `delayMs` makes every settle slower, as a store across a network is.
 */
describe("the send engine's ledger transactions", () => {
  let store: TestStore;
  let db: Db;
  let sink: SmtpSink;
  let mailer: SmtpMailer;

  beforeEach(async () => {
    store = (await sqlite.create()) as TestStore;
    db = await store.open();
    sink = await new SmtpSink().start();
    mailer = new SmtpMailer({ url: sink.url, pool, timeoutMs: 5000 });
    await storeIssue(db);
    await seedSubscribers(db, readers);
    await new DeliveriesRepo(db).start("is_digest_test", "digest", new Date().toISOString());
    await new LeasesRepo(db).acquire("is_digest_test", {
      holder: "h1",
      host: "a",
      pid: 1,
      ttlMs: 60_000,
      now: new Date().toISOString(),
      isAlive: () => true,
    });
  });

  afterEach(async () => {
    await mailer.close();
    await sink.stop();
    await db.close();
    await store.cleanup();
  });

  function ledger(delayMs: number, settles: Outcome[][]): SendLedger {
    const deliveries = new DeliveriesRepo(db);
    return {
      async settle(outcomes, claim) {
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        settles.push(outcomes);
        const now = new Date().toISOString();
        const options = {
          issueId: "is_digest_test",
          edition: "digest",
          holder: "h1",
          leaseMs: 60_000,
          policy: "resend" as const,
          messageIdDomain: "news.example.com",
          now,
        };
        const result = await deliveries.settle(outcomes, claim, options);
        return { ...result, claimed: result.claimed.map((r) => ({ ...r, tracking: false })) };
      },
      nextDue: () => deliveries.nextDue("is_digest_test"),
      renew: async () => true,
    };
  }

  const send = (delayMs: number, settles: Outcome[][], onProgress: (totals: RunTotals) => void) =>
    runSend({
      ledger: ledger(delayMs, settles),
      mailer,
      compose: (r) => ({
        from: "brief@news.example.com",
        to: r.email,
        raw: Buffer.from(`From: brief@news.example.com\r\nTo: ${r.email}\r\nSubject: x\r\n\r\nhello\r\n`),
        messageId: `${r.subscriberId}@news.example.com`,
      }),
      inFlight: pool * pipelining,
      limiter: new RateLimiter({ perSecond: 0, perHour: 0 }),
      maxAttempts: 3,
      retry: { baseMs: 10, maxMs: 50 },
      pause: { firstMs: 100, maxMs: 100, giveUpMs: 5000 },
      leaseRenewMs: 10_000,
      onEvent: (event) => {
        if (event.type === "progress") onProgress(event.totals);
      },
    });

  it("records results and claims in batches, not a transaction per message", async () => {
    const settles: Outcome[][] = [];
    const result = await send(0, settles, () => {});
    expect(result.totals.sent).toBe(readers);
    expect(sink.messages).toHaveLength(readers);
    // Half the in-flight window per transaction when the server keeps up; one per message used to hold the
    // event loop (and the connections) for longer than the messages took.
    const recorded = settles.filter((outcomes) => outcomes.length > 0);
    expect(recorded.length).toBeLessThanOrEqual(readers / 2);
  });

  it("never reports a message sent before the ledger has recorded it", async () => {
    const raw = db.sqlite;
    if (!raw) throw new Error("a SQLite store");
    const durable = raw.prepare("select count(*) from deliveries where state = 'sent'").pluck();
    const ahead: number[] = [];
    const result = await send(5, [], (totals) => {
      const recorded = durable.get() as number;
      if (totals.sent > recorded) ahead.push(totals.sent - recorded);
    });
    expect(result.totals.sent).toBe(readers);
    expect(ahead).toEqual([]);
  });
});
