import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { silentLogger } from "../../src/log.ts";
import type { SendContext } from "../../src/pipeline/send-issue.ts";
import type { Db } from "../../src/store/db.ts";

export const testSecret = "test-secret-0123456789abcdef";
export const siteUrl = "https://brief.example.com";
export const postalAddress = "Daybrief Ltd, 1 Example Street, 10115 Berlin";

/** The settings a send needs, for a sink at `smtpUrl`; `overrides` are dotted config keys. */
export function sendConfigOverrides(smtpUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    secret: testSecret,
    siteUrl,
    "smtp.url": smtpUrl,
    "smtp.from": "brief@news.example.com",
    "smtp.pool": 2,
    "smtp.pipelining": 2,
    "smtp.ratePerSecond": 0,
    "smtp.timeoutMs": 1000,
    "deliver.postalAddress": postalAddress,
    "deliver.retryBaseMs": 10,
    "deliver.retryMaxMs": 50,
    "deliver.pauseGiveUpMinutes": 0.5,
    logLevel: "silent",
    ...overrides,
  };
}

/** A context over `db` with the config a real file and these overrides give. */
export function sendContext(db: Db, overrides: Record<string, unknown>): SendContext {
  const dir = mkdtempSync(join(tmpdir(), "daybrief-send-"));
  const path = join(dir, "daybrief.config.yaml");
  writeFileSync(path, "# test\n");
  const { config } = loadConfig({ path, env: {}, overrides: { databaseUrl: "sqlite::memory:", ...overrides } });
  return { config, db, log: silentLogger };
}

/** The same settings as DAYBRIEF_* variables, for the real CLI in a child process. */
export function sendEnv(smtpUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DAYBRIEF_SECRET: testSecret,
    DAYBRIEF_SITE_URL: siteUrl,
    DAYBRIEF_SMTP_URL: smtpUrl,
    DAYBRIEF_SMTP_FROM: "brief@news.example.com",
    DAYBRIEF_SMTP_TIMEOUT_MS: "2000",
    DAYBRIEF_DELIVER_POSTAL_ADDRESS: postalAddress,
    DAYBRIEF_DELIVER_RETRY_BASE_MS: "10",
    DAYBRIEF_DELIVER_RETRY_MAX_MS: "50",
    ...extra,
  };
}
