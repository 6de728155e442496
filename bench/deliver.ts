import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../src/config/load.ts";
import { type Recipient, SmtpMailer } from "../src/deliver/index.ts";
import { silentLogger } from "../src/log.ts";
import { composeIssue, sendIssue } from "../src/pipeline/send-issue.ts";
import { sendSettings } from "../src/pipeline/send-settings.ts";
import { type Db, openDb } from "../src/store/db.ts";
import { IssuesRepo } from "../src/store/issues-repo.ts";
import { seedSubscribers, storeIssue } from "../test/helpers/delivery.ts";
import { ms, rate, ratio } from "./lib/format.ts";
import type { BenchModule, BenchOptions, BenchResult } from "./lib/types.ts";

const postgresUrl = process.env.DAYBRIEF_BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";
const pool = 4;
const pipelining = 4;

type Sink = { port: number; count(): Promise<number>; stop(): Promise<void> };

/** The SMTP sink in its own process (bench/smtp-sink-process.ts). */
function startSink(): Promise<Sink> {
  const child = fork(join(import.meta.dirname, "smtp-sink-process.ts"), [], {
    execArgv: ["--import", import.meta.resolve("tsx")],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () =>
    new Promise<Record<string, number>>((resolve) =>
      child.once("message", (m) => resolve(m as Record<string, number>)),
    );
  return next().then(({ port }) => ({
    port: port as number,
    async count() {
      const reply = next();
      child.send("count");
      return (await reply).count as number;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  }));
}

function benchConfig(smtpUrl: string, dir: string) {
  const path = join(dir, "bench.config.yaml");
  writeFileSync(path, "# benchmark\n");
  const overrides = {
    secret: "bench-secret-0123456789abcdef",
    siteUrl: "https://brief.example.com",
    logLevel: "silent",
    "smtp.url": smtpUrl,
    "smtp.from": "brief@news.example.com",
    "smtp.pool": pool,
    "smtp.pipelining": pipelining,
    "smtp.ratePerSecond": 0,
    "deliver.postalAddress": "Daybrief Ltd, 1 Example Street, 10115 Berlin",
  };
  return loadConfig({ path, env: {}, overrides }).config;
}

/** One send of an issue to `readers` subscribers through the ledger on `db`; the wall time of `sendIssue`. */
async function ledgerSend(db: Db, config: ReturnType<typeof benchConfig>, readers: number): Promise<number> {
  await storeIssue(db);
  await seedSubscribers(db, readers, { editions: ["digest"] });
  const started = performance.now();
  const report = await sendIssue({ config, db, log: silentLogger }, { issueId: "is_digest_test", policy: "resend" });
  const wall = performance.now() - started;
  if (report.totals.sent !== readers) throw new Error(`sent ${report.totals.sent} of ${readers}`);
  return wall;
}

/**
 * The baseline: the same messages (composed the same way) handed to the same nodemailer pool, `pool × pipelining`
 * at a time, with no ledger, no store and no engine.
 */
async function bareSend(db: Db, config: ReturnType<typeof benchConfig>, readers: number): Promise<number> {
  await storeIssue(db);
  const settings = sendSettings(config);
  const issue = await new IssuesRepo(db).get("is_digest_test");
  if (!issue) throw new Error("no issue");
  const started = performance.now();
  const email = await composeIssue(config, settings, issue);
  const mailer = new SmtpMailer({ url: settings.smtp.url, pool, timeoutMs: 60_000 });
  let next = 0;
  const worker = async () => {
    while (next < readers) {
      const i = next++;
      const recipient: Recipient = {
        subscriberId: `sub_${i.toString(16).padStart(20, "0")}`,
        email: `reader${i}@example.com`,
        name: i % 3 === 0 ? null : `Reader ${i}`,
        attempts: 0,
        tracking: false,
      };
      await mailer.send(email.compose(recipient));
    }
  };
  await Promise.all(Array.from({ length: pool * pipelining }, worker));
  const wall = performance.now() - started;
  await mailer.close();
  return wall;
}

async function withPostgres<T>(body: (url: string) => Promise<T>): Promise<T | string> {
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL skipped: ${postgresUrl} is unreachable (${(error as Error).message}).`;
  }
  try {
    return await body(`${postgresUrl}?schema=${schema}`);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

async function inStore<T>(url: string, body: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(url);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}

export const deliverBench: BenchModule = {
  name: "deliver",
  title: "Sending: issue send through the ledger to a local SMTP sink, against nodemailer with no ledger",
  async run(options: BenchOptions): Promise<BenchResult> {
    const result: BenchResult = { name: this.name, title: this.title, tables: [], checks: [], notes: [], metrics: {} };
    const readers = options.quick ? 2000 : 10_000;
    const dir = mkdtempSync(join(tmpdir(), "daybrief-bench-deliver-"));
    const sink = await startSink();
    try {
      const config = benchConfig(`smtp://127.0.0.1:${sink.port}`, dir);
      // A warm-up send, so neither column pays for the JIT and the first connections.
      await inStore(`sqlite:${join(dir, "warm.db")}`, (db) => ledgerSend(db, config, Math.min(1000, readers)));
      const bare = await inStore(`sqlite:${join(dir, "bare.db")}`, (db) => bareSend(db, config, readers));
      const sqlite = await inStore(`sqlite:${join(dir, "ledger.db")}`, (db) => ledgerSend(db, config, readers));
      const postgres = await withPostgres((url) => inStore(url, (db) => ledgerSend(db, config, readers)));
      const runs: Array<[string, number]> = [
        ["nodemailer, no ledger (baseline)", bare],
        ["issue send, ledger on SQLite", sqlite],
      ];
      if (typeof postgres === "string") result.notes.push(postgres);
      else runs.push(["issue send, ledger on PostgreSQL", postgres]);
      const received = await sink.count();
      result.tables.push({
        title: `${readers} recipients, smtp.pool ${pool} × smtp.pipelining ${pipelining}, no rate limit, sink in its own process on 127.0.0.1`,
        baseline:
          "the same messages composed the same way and handed to the same nodemailer pool, with no ledger or store",
        columns: ["run", "wall (ms)", "msg/s", "÷ baseline"],
        rows: runs.map(([name, wall]) => [name, ms(wall), rate(readers / (wall / 1000)), ratio(wall / bare)]),
      });
      const perSecond = readers / (sqlite / 1000);
      result.checks.push(
        {
          id: "deliver.sqlite.msg_per_s",
          label: "issue send on SQLite: messages per second",
          value: perSecond,
          unit: " msg/s",
          target: "≥ 1000",
          pass: perSecond >= 1000,
        },
        {
          id: "deliver.sqlite.overhead",
          label: "ledger overhead on SQLite (÷ nodemailer alone)",
          value: sqlite / bare,
          unit: "×",
          target: "< 1.5",
          pass: sqlite / bare < 1.5,
        },
      );
      if (typeof postgres !== "string") {
        result.checks.push({
          id: "deliver.postgres.overhead",
          label: "ledger overhead on PostgreSQL (÷ nodemailer alone)",
          value: postgres / bare,
          unit: "×",
          target: "none published",
          pass: null,
        });
      }
      result.metrics = {
        readers,
        bareMs: bare,
        sqliteMs: sqlite,
        postgresMs: typeof postgres === "string" ? null : postgres,
        received,
      };
      result.notes.push(`The sink received ${received} messages over the warm-up and the measured runs.`);
    } finally {
      await sink.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return result;
  },
};
