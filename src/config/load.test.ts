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
