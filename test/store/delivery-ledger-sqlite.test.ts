import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../src/store/db.ts";
import { DeliveriesRepo, type LedgerOutcome, type SettleOptions } from "../../src/store/deliveries-repo.ts";
import { LeasesRepo } from "../../src/store/leases-repo.ts";
import { SubscribersRepo } from "../../src/store/subscribers-repo.ts";
import { SuppressionsRepo } from "../../src/store/suppressions-repo.ts";
import { seedSubscribers, storeIssue } from "../helpers/delivery.ts";

/**
 * SQLite settles a send over cached statements (src/store/deliveries-sqlite.ts); the Kysely queries that
 * PostgreSQL runs are its reference. Both run the same script of outcomes and claims on copies of one store and
 * must leave the same ledger, row for row.
 */
const start = Date.parse("2025-12-02T07:00:00.000Z");
const at = (step: number) => new Date(start + step * 1000).toISOString();

function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const dirs: string[] = [];
const opened: Db[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function seededStore(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "daybrief-ledger-"));
  dirs.push(dir);
  const path = join(dir, "seed.db");
  const db = await openDb(`sqlite:${path}`);
  await storeIssue(db);
  await seedSubscribers(db, 60);
  await new DeliveriesRepo(db).start("is_digest_test", "digest", at(0));
  await new LeasesRepo(db).acquire("is_digest_test", {
    holder: "h1",
    host: "a",
    pid: 1,
    ttlMs: 3_600_000,
    now: at(0),
    isAlive: () => true,
  });
  // Readers who leave, or are suppressed, after the send was queued: the claim must skip them.
  const subscribers = new SubscribersRepo(db);
  const gone = await subscribers.findByEmail("reader7@example.com");
  await subscribers.setStatus(gone?.id as string, "unsubscribed", at(0));
  await new SuppressionsRepo(db).suppress("reader11@example.com", "*", "complained", at(0));
  await new SuppressionsRepo(db).suppress("reader12@example.com", "digest", "bounced", at(0));
  await db.close();
  return path;
}

async function openCopy(seed: string, name: string): Promise<Db> {
  const path = join(seed, "..", `${name}.db`);
  copyFileSync(seed, path);
  const db = await openDb(`sqlite:${path}`);
  opened.push(db);
  return db;
}

function outcomeFor(subscriberId: string, roll: number, step: number): LedgerOutcome {
  if (roll < 0.55) return { subscriberId, kind: "sent" };
  if (roll < 0.65) return { subscriberId, kind: "failed", code: "E_SMTP_REJECTED", reason: `550 no ${step}` };
  if (roll < 0.8) return { subscriberId, kind: "retry", reason: "451 later", retryAt: at(step + 3) };
  if (roll < 0.9) return { subscriberId, kind: "uncertain", reason: "no reply", retryAt: at(step + 2) };
  return { subscriberId, kind: "unsent", reason: "connection refused" };
}

async function runScript(db: Db, compiledOnly: boolean, seed: number, policy: SettleOptions["policy"]) {
  const deliveries = new DeliveriesRepo(db, { compiledOnly });
  const roll = random(seed);
  const results: unknown[] = [];
  let inFlight: string[] = [];
  for (let step = 1; step <= 80; step++) {
    const outcomes = inFlight.map((id) => outcomeFor(id, roll(), step));
    const options: SettleOptions = {
      issueId: "is_digest_test",
      edition: "digest",
      holder: "h1",
      leaseMs: 30_000,
      policy,
      messageIdDomain: "brief.example.com",
      now: at(step),
    };
    const settled = await deliveries.settle(outcomes, 1 + Math.floor(roll() * 7), options);
    results.push(settled);
    inFlight = settled.claimed.map((r) => r.subscriberId);
  }
  const rows = await db.kysely.selectFrom("deliveries").selectAll().orderBy("subscriber_id").execute();
  const lease = await db.kysely.selectFrom("send_leases").selectAll().execute();
  return { results, rows, lease, counts: await deliveries.counts("is_digest_test") };
}

describe("the SQLite ledger's cached statements", () => {
  for (const [seed, policy] of [
    [1, "resend"],
    [2, "skip"],
    [3, "resend"],
  ] as const) {
    it(`write what the Kysely queries write (script ${seed}, uncertain policy ${policy})`, async () => {
      const path = await seededStore();
      const fast = await runScript(await openCopy(path, "fast"), false, seed, policy);
      const reference = await runScript(await openCopy(path, "reference"), true, seed, policy);
      expect(fast).toEqual(reference);
      // The script reached every state, so the comparison covered each statement.
      expect(reference.counts).toMatchObject({ skipped: 3 });
      for (const state of ["sent", "failed"] as const) expect(reference.counts[state]).toBeGreaterThan(0);
      expect(reference.counts.everUncertain).toBeGreaterThan(0);
    });
  }

  it("write nothing for a process that lost the lease", async () => {
    const db = await openCopy(await seededStore(), "fenced");
    const deliveries = new DeliveriesRepo(db);
    const options = {
      issueId: "is_digest_test",
      edition: "digest",
      holder: "h2",
      leaseMs: 30_000,
      policy: "resend" as const,
      messageIdDomain: "brief.example.com",
      now: at(1),
    };
    expect(await deliveries.settle([], 5, options)).toEqual({ claimed: [], skipped: 0, held: false });
    expect((await deliveries.counts("is_digest_test")).sending).toBe(0);
  });

  it("wait for a Kysely transaction open on the connection instead of writing inside it", async () => {
    const db = await openCopy(await seededStore(), "nested");
    const deliveries = new DeliveriesRepo(db);
    const options = {
      issueId: "is_digest_test",
      edition: "digest",
      holder: "h1",
      leaseMs: 30_000,
      policy: "resend" as const,
      messageIdDomain: "brief.example.com",
      now: at(1),
    };
    let settle: ReturnType<DeliveriesRepo["settle"]> | null = null;
    // A transaction elsewhere in the process (a bounce being recorded, say) that fails and rolls back while a
    // settle is asked for: the settle's claims must not be rolled back with it.
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable("issues")
          .set({ updated_at: at(1) })
          .execute();
        settle = deliveries.settle([], 4, options);
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const settled = await (settle as unknown as ReturnType<DeliveriesRepo["settle"]>);
    expect(settled.claimed).toHaveLength(4);
    expect((await deliveries.counts("is_digest_test")).sending).toBe(4);
  });
});
