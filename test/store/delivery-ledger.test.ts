import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { DeliveriesRepo, type SettleOptions } from "../../src/store/deliveries-repo.ts";
import { LeasesRepo } from "../../src/store/leases-repo.ts";
import { migrateToLatest } from "../../src/store/migrations/index.ts";
import { SubscribersRepo } from "../../src/store/subscribers-repo.ts";
import { SuppressionsRepo } from "../../src/store/suppressions-repo.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const now = "2025-12-02T07:00:00.000Z";
const later = (ms: number) => new Date(Date.parse(now) + ms).toISOString();

for (const kind of testStores()) {
  describe(`the sending ledger on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    let deliveries: DeliveriesRepo;
    let leases: LeasesRepo;
    const options = (extra: Partial<SettleOptions> = {}): SettleOptions => ({
      issueId: "is_digest_test",
      edition: "digest",
      holder: "h1",
      leaseMs: 30_000,
      policy: "resend",
      messageIdDomain: "brief.example.com",
      now,
      ...extra,
    });

    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
      deliveries = new DeliveriesRepo(db);
      leases = new LeasesRepo(db);
    });

    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    it("re-runs its migration without harm", async () => {
      await expect(migrateToLatest(db)).resolves.toMatchObject({ applied: [] });
    });

    it("queues confirmed, unsuppressed readers of the edition once, and claims no more than asked", async () => {
      await storeIssue(db);
      await seedSubscribers(db, 6);
      await seedSubscribers(db, 2, { domain: "briefing.test", editions: ["briefing"] });
      await seedSubscribers(db, 2, { domain: "pending.test", status: "pending" });
      await new SuppressionsRepo(db).suppress("reader5@example.com", "digest", "unsubscribed", now);

      expect(await deliveries.start("is_digest_test", "digest", now)).toEqual({ status: "started", queued: 5 });
      expect(await deliveries.start("is_digest_test", "digest", now)).toEqual({ status: "resumed", queued: 5 });
      await leases.acquire("is_digest_test", {
        holder: "h1",
        host: "a",
        pid: 1,
        ttlMs: 30_000,
        now,
        isAlive: () => true,
      });

      const first = await deliveries.settle([], 3, options());
      expect(first.claimed).toHaveLength(3);
      expect((await deliveries.counts("is_digest_test")).sending).toBe(3);
      const [a, b, c] = first.claimed.map((r) => r.subscriberId) as [string, string, string];
      const second = await deliveries.settle(
        [
          { subscriberId: a, kind: "sent" },
          { subscriberId: b, kind: "failed", code: "E_SMTP_REJECTED", reason: "550 5.1.1 unknown" },
          { subscriberId: c, kind: "retry", reason: "451 try later", retryAt: later(60_000) },
        ],
        10,
        options(),
      );
      expect(second.claimed).toHaveLength(2);
      expect(await deliveries.counts("is_digest_test")).toMatchObject({ sent: 1, failed: 1, queued: 1, sending: 2 });
      expect(await deliveries.nextDue("is_digest_test")).toBe(later(60_000));
      const sent = await deliveries.rows("is_digest_test", ["sent"]);
      expect(sent[0]?.messageId).toBe(`is_digest_test.${a}@brief.example.com`);
      expect(await deliveries.sentSince(later(-1000))).toBe(1);
      expect(await deliveries.finish("is_digest_test", now)).toBe(false);
    });

    it("turns rows a dead process left sending into uncertain ones, resent or kept by the policy", async () => {
      await storeIssue(db);
      await seedSubscribers(db, 4);
      await deliveries.start("is_digest_test", "digest", now);
      await leases.acquire("is_digest_test", {
        holder: "h1",
        host: "a",
        pid: 1,
        ttlMs: 30_000,
        now,
        isAlive: () => true,
      });
      await deliveries.settle([], 3, options());
      expect(await deliveries.recover("is_digest_test", "skip", now)).toBe(3);
      expect(await deliveries.counts("is_digest_test")).toMatchObject({ uncertain: 3, queued: 1, everUncertain: 3 });

      await deliveries.settle([], 1, options());
      expect(await deliveries.recover("is_digest_test", "resend", now)).toBe(1);
      expect(await deliveries.counts("is_digest_test")).toMatchObject({ uncertain: 3, queued: 1, everUncertain: 4 });
    });

    it("skips readers who left or were suppressed after the send was queued", async () => {
      await storeIssue(db);
      await seedSubscribers(db, 3);
      await deliveries.start("is_digest_test", "digest", now);
      const subscribers = new SubscribersRepo(db);
      const gone = await subscribers.findByEmail("reader1@example.com");
      await subscribers.setStatus(gone?.id as string, "unsubscribed", now);
      await new SuppressionsRepo(db).suppress("reader2@example.com", "*", "complained", now);
      await leases.acquire("is_digest_test", {
        holder: "h1",
        host: "a",
        pid: 1,
        ttlMs: 30_000,
        now,
        isAlive: () => true,
      });
      const settled = await deliveries.settle([], 3, options());
      expect(settled.claimed.map((r) => r.email)).toEqual(["reader0@example.com"]);
      expect(settled.skipped).toBe(2);
    });

    it("lets one process hold an issue's lease; a dead or expired holder is replaced; a fenced-off one writes nothing", async () => {
      await storeIssue(db);
      await seedSubscribers(db, 2);
      await deliveries.start("is_digest_test", "digest", now);
      const base = { host: "a", ttlMs: 30_000, now };
      expect(await leases.acquire("is_digest_test", { ...base, holder: "h1", pid: 10, isAlive: () => true })).toEqual({
        ok: true,
      });
      const refused = await leases.acquire("is_digest_test", { ...base, holder: "h2", pid: 11, isAlive: () => true });
      expect(refused).toMatchObject({ ok: false, lease: { holder: "h1", pid: 10 } });
      expect(
        await leases.acquire("is_digest_test", { ...base, holder: "h2", pid: 11, isAlive: (pid) => pid !== 10 }),
      ).toEqual({
        ok: true,
      });
      const fenced = await deliveries.settle([], 2, options({ holder: "h1" }));
      expect(fenced).toEqual({ claimed: [], skipped: 0, held: false });
      expect(await leases.renew("is_digest_test", "h1", 30_000, now)).toBe(false);
      const elsewhere = { holder: "h3", host: "b", pid: 12, ttlMs: 30_000, isAlive: () => true };
      expect((await leases.acquire("is_digest_test", { ...elsewhere, now })).ok).toBe(false);
      expect((await leases.acquire("is_digest_test", { ...elsewhere, now: later(31_000) })).ok).toBe(true);
    });

    it("suppresses an address at the bounce threshold and at once on a complaint", async () => {
      await seedSubscribers(db, 2);
      const suppressions = new SuppressionsRepo(db);
      const bounce = {
        email: "reader0@example.com",
        kind: "hard" as const,
        source: "smtp" as const,
        detail: "550",
        issueId: null,
      };
      expect(await suppressions.record(bounce, 2, now)).toBe(false);
      expect(await suppressions.record({ ...bounce, kind: "soft" }, 2, now)).toBe(false);
      expect(await suppressions.record(bounce, 2, now)).toBe(true);
      expect(await suppressions.reasonFor("reader0@example.com", "digest")).toBe("bounced");
      expect((await new SubscribersRepo(db).findByEmail("reader0@example.com"))?.status).toBe("bounced");
      const complaint = {
        ...bounce,
        email: "reader1@example.com",
        kind: "complaint" as const,
        source: "webhook" as const,
      };
      expect(await suppressions.record(complaint, 2, now)).toBe(true);
      expect((await new SubscribersRepo(db).findByEmail("reader1@example.com"))?.status).toBe("complained");
    });
  });
}
