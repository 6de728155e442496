/**
 * The servers the web benchmark loads, in a process of their own (so the load generator is not on their event loop):
 * the Daybrief web app over a SQLite store of published issues, and the baseline — a bare Hono route on the same
 * @hono/node-server returning a static string. Sends {app, baseline} (ports) to its parent, and exits on "stop".
 *
 *   fork("bench/web-server-process.ts", [String(issueCount)])
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { loadConfig } from "../src/config/load.ts";
import { silentLogger } from "../src/log.ts";
import { openDb } from "../src/store/db.ts";
import { createApp } from "../src/web/app.ts";
import { daysBefore, issueFor, storeIssues } from "../test/helpers/public-issues.ts";

const count = Number(process.argv[2] ?? 60);
const dir = mkdtempSync(join(tmpdir(), "daybrief-bench-web-"));
const configPath = join(dir, "bench.config.yaml");
writeFileSync(configPath, "# benchmark\n");
const { config } = loadConfig({
  path: configPath,
  env: {},
  overrides: { siteUrl: "https://brief.example.com", secret: "bench-secret-0123456789abcdef", logLevel: "silent" },
});
const db = await openDb(`sqlite:${join(dir, "web.db")}`);
const days = daysBefore(Math.ceil(count / 2));
await storeIssues(db, days.flatMap((d) => [issueFor("digest", d), issueFor("briefing", d)]).slice(0, count), {
  status: "sent",
  published: true,
});

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve({ server, port: info.port }));
  });
const baselineApp = new Hono();
baselineApp.get("/", (c) => c.text("ok"));
const app = await listen(createApp({ config, db, log: silentLogger }).fetch);
const baseline = await listen(baselineApp.fetch);
process.send?.({ app: app.port, baseline: baseline.port, newest: days[0] });
process.on("message", async (message) => {
  if (message !== "stop") return;
  await Promise.all([app, baseline].map((s) => new Promise((resolve) => s.server.close(resolve))));
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
