import { fork } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";
import { ms, rate, ratio } from "./lib/format.ts";
import type { BenchModule, BenchOptions, BenchResult } from "./lib/types.ts";

/** Requests per second offered to each target, as the issue's bar asks. */
const offered = 500;
const p99TargetMs = 25;
const issueCount = 60;

type Ports = { app: number; baseline: number; newest: string };

function startServers(): Promise<{ ports: Ports; stop: () => Promise<void> }> {
  const child = fork(join(import.meta.dirname, "web-server-process.ts"), [String(issueCount)], {
    execArgv: ["--import", import.meta.resolve("tsx")],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message) =>
      resolve({
        ports: message as Ports,
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.send("stop");
          }),
      }),
    );
  });
}

type Load = { name: string; url: string };
type Measured = { name: string; rps: number; p50: number; p99: number; max: number; non2xx: number; errors: number };

async function load(target: Load, seconds: number): Promise<Measured> {
  const result = await autocannon({
    url: target.url,
    connections: 10,
    overallRate: offered,
    duration: seconds,
  });
  return {
    name: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * The public site under load on loopback: autocannon offers 500 requests/s to the issue page and the archive index,
 * and to a bare Hono route returning a static string (the baseline: the server and framework alone), one after
 * another, each after a warm-up. Reports throughput and p50/p99 latency, and the ratio to the baseline's p99.
 */
export const webBench: BenchModule = {
  name: "web",
  title: "Public site: issue page and archive index at 500 requests/s (autocannon, loopback)",
  async run(options: BenchOptions): Promise<BenchResult> {
    const seconds = options.quick ? 3 : 10;
    const { ports, stop } = await startServers();
    const base = `http://127.0.0.1:${ports.app}`;
    const targets: Load[] = [
      { name: "baseline: bare Hono route", url: `http://127.0.0.1:${ports.baseline}/` },
      { name: "issue page", url: `${base}/archive/digest/${ports.newest}.html` },
      { name: "archive index", url: `${base}/` },
      { name: "archive search", url: `${base}/?q=synopsys+trainium3` },
      { name: "feed.xml", url: `${base}/feed.xml` },
    ];
    const measured: Measured[] = [];
    try {
      for (const target of targets) {
        await load(target, 1);
        measured.push(await load(target, seconds));
      }
    } finally {
      await stop();
    }
    const baseline = measured[0] as Measured;
    const rows = measured.map((m) => [
      m.name,
      rate(m.rps),
      ms(m.p50),
      ms(m.p99),
      ms(m.max),
      ratio(m.p99 / Math.max(baseline.p99, 1)),
      String(m.non2xx + m.errors),
    ]);
    const check = (name: string) => {
      const m = measured.find((x) => x.name === name) as Measured;
      return {
        id: `web-${name.replace(/\s+/g, "-")}-p99`,
        label: `${name}: p99 at ${offered} req/s`,
        value: m.p99,
        unit: " ms",
        target: `< ${p99TargetMs} ms, no errors`,
        pass: m.p99 < p99TargetMs && m.non2xx + m.errors === 0,
      };
    };
    return {
      name: this.name,
      title: this.title,
      tables: [
        {
          title: `${offered} requests/s offered for ${seconds} s each, 10 connections; ${issueCount} published issues in SQLite`,
          baseline: "baseline: bare Hono route (a static string on the same server)",
          columns: ["target", "req/s", "p50 ms", "p99 ms", "max ms", "p99 vs baseline", "errors"],
          rows,
        },
      ],
      checks: [check("issue page"), check("archive index")],
      notes: [
        "Latency is per request as autocannon measures it (1 ms resolution). Responses are rendered once per site version and then served from memory; every request still asks the store whether anything public changed.",
      ],
      metrics: Object.fromEntries(
        measured.map((m) => [m.name, { rps: m.rps, p50: m.p50, p99: m.p99, max: m.max, errors: m.non2xx + m.errors }]),
      ),
    };
  },
};
