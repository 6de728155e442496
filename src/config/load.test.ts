import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadConfig } from "./load.ts";
import { starterConfigYaml, starterSources } from "./starter.ts";

const tempFile = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "daybrief-config-")), "daybrief.config.yaml");
  writeFileSync(path, text);
  return path;
};

describe("loadConfig", () => {
  it("gives defaults without a file", () => {
    const { config, path } = loadConfig({ env: {}, path: undefined });
    expect(path === null || path.endsWith("daybrief.config.yaml")).toBe(true);
    expect(config.fetch.timeoutMs).toBe(20_000);
    expect(config.allowPrivateNetworks).toBe(false);
  });

  it("lets DAYBRIEF_* variables override the file and freezes the result", () => {
    const path = tempFile("fetch:\n  timeoutMs: 5000\nallowPrivateNetworks: false\n");
    const { config } = loadConfig({
      path,
      env: { DAYBRIEF_FETCH_TIMEOUT_MS: "7000", DAYBRIEF_ALLOW_PRIVATE_NETWORKS: "true" },
    });
    expect(config.fetch.timeoutMs).toBe(7000);
    expect(config.allowPrivateNetworks).toBe(true);
    expect(Object.isFrozen(config.fetch)).toBe(true);
  });

  it("names the key and its variable when a value is invalid", () => {
    const path = tempFile("fetch:\n  timeoutMs: 10\n");
    expect(() => loadConfig({ path, env: {} })).toThrowError(/fetch\.timeoutMs.*DAYBRIEF_FETCH_TIMEOUT_MS/s);
    expect(() => loadConfig({ path: tempFile("sources: [{url: 'ftp://x'}]"), env: {} })).toThrowError(/sources/);
  });

  it("refuses unknown keys and suggests the nearest known one", () => {
    const message = (text: string, env: NodeJS.ProcessEnv = {}) => {
      try {
        loadConfig({ path: tempFile(text), env });
      } catch (error) {
        expect(error).toMatchObject({ code: "E_CONFIG_INVALID" });
        return (error as Error).message;
      }
      throw new Error("the configuration was accepted");
    };
    expect(message("fetch:\n  timeoutMS: 100\n")).toContain(
      "fetch.timeoutMS: unknown key; did you mean fetch.timeoutMs?",
    );
    expect(message("foo: bar\n")).toMatch(/foo: unknown key; docs\/config\.md lists every key/);
    expect(message("foo:\n")).toContain("foo: unknown key");
    expect(message("timeoutMs: 100\n")).toContain(
      "did you mean fetch.timeoutMs or llm.timeoutMs or embeddings.timeoutMs or smtp.timeoutMs?",
    );
    expect(message("fetch:\n  model: gpt\n")).toContain(
      "fetch.model: unknown key; did you mean llm.model or embeddings.model?",
    );
    expect(message("logLevle: info\n")).toContain("did you mean logLevel?");
    expect(message("sources:\n  - url: https://example.com/feed\n    wieght: 2\n")).toContain(
      "sources[0].wieght: unknown key; did you mean sources[0].weight?",
    );
    expect(message("topics:\n  - {id: chips, label: Chips, keywords: [gpu], kewords: [x]}\n")).toContain(
      "topics[0].kewords: unknown key; did you mean topics[0].keywords?",
    );
    // Every problem is listed at once, values and keys alike.
    const both = message("fetch:\n  timeoutMs: 10\n  retrys: 1\n");
    expect(both).toContain("fetch.retrys: unknown key; did you mean fetch.retries?");
    expect(both).toMatch(/fetch\.timeoutMs: .*DAYBRIEF_FETCH_TIMEOUT_MS/);
  });

  it("refuses unknown DAYBRIEF_* variables and suggests the nearest one", () => {
    expect(() => loadConfig({ env: { DAYBRIEF_FETCH_TIMEOUT: "5000" } })).toThrowError(
      /DAYBRIEF_FETCH_TIMEOUT: not a Daybrief variable; did you mean DAYBRIEF_FETCH_TIMEOUT_MS \(fetch\.timeoutMs\)\?/,
    );
    expect(() => loadConfig({ env: { DAYBRIEF_DATABASE: "sqlite:x.db" } })).toThrowError(/DAYBRIEF_DATABASE_URL/);
    expect(() => loadConfig({ env: { DAYBRIEF_WHATEVER: "1" } })).toThrowError(
      expect.objectContaining({ code: "E_CONFIG_INVALID" }),
    );
    // Variables that are not keys but are Daybrief's own pass.
    const { config } = loadConfig({
      env: { DAYBRIEF_TEST_POSTGRES_URL: "postgres://x", DAYBRIEF_BENCH_STORE_CAP_S: "5", HOME: "/tmp" },
    });
    expect(config.logLevel).toBe("warn");
  });

  it("takes an IANA time zone and refuses anything else", () => {
    expect(loadConfig({ env: { DAYBRIEF_TIMEZONE: "Asia/Tokyo" } }).config.timezone).toBe("Asia/Tokyo");
    expect(loadConfig({ env: {} }).config.timezone).toBeNull();
    expect(() => loadConfig({ path: tempFile("timezone: Mars/Olympus\n"), env: {} })).toThrowError(
      /timezone: not a time zone.*DAYBRIEF_TIMEZONE/s,
    );
    expect(() => loadConfig({ env: { DAYBRIEF_TIMEZONE: "+02:00" } })).toThrowError(/timezone: not a time zone/);
  });

  it("reports a missing file named by DAYBRIEF_CONFIG", () => {
    expect(() => loadConfig({ env: { DAYBRIEF_CONFIG: "/nonexistent/daybrief.yaml" } })).toThrowError(
      expect.objectContaining({ code: "E_CONFIG_NOT_FOUND" }),
    );
  });

  it("reads the starter file `daybrief init` writes, with every starter source", () => {
    const text = starterConfigYaml();
    const { config } = loadConfig({ path: tempFile(text), env: {} });
    expect(config.sources.map((s) => s.url)).toEqual(starterSources.map((s) => s.url));
    // Every key is shown, commented out, with its variable.
    expect(text).toContain("# timeoutMs: 20000");
    expect(text).toContain("DAYBRIEF_DATABASE_URL");
    expect(parseYaml(text)).toHaveProperty("sources");
  });
});
