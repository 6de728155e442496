import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { DaybriefError } from "../errors.ts";
import { type Config, configSchema, keyTable } from "./schema.ts";
import { describeUnknownKey, formatPath, keysAt, unknownVariables } from "./unknown-keys.ts";

export const defaultConfigPath = "daybrief.config.yaml";

export type LoadConfigOptions = {
  /** Path of the YAML file; defaults to DAYBRIEF_CONFIG, then ./daybrief.config.yaml when it exists. */
  path?: string;
  env?: NodeJS.ProcessEnv;
  /** Values applied over the file and the environment (used by `daybrief demo` and tests). */
  overrides?: Record<string, unknown>;
};

export type LoadedConfig = { config: Readonly<Config>; path: string | null };

/**
 * Loads the configuration once: file, then DAYBRIEF_* variables, then overrides; validated and frozen. Unknown
 * keys and unknown DAYBRIEF_* variables are refused like invalid values, with the nearest known name suggested.
 *
 * @example
 * const { config } = loadConfig({ env: { DAYBRIEF_DATABASE_URL: "sqlite:/tmp/x.db" } });
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const explicit = options.path ?? env.DAYBRIEF_CONFIG;
  const path = explicit ?? (existsSync(defaultConfigPath) ? defaultConfigPath : null);
  const raw: Record<string, unknown> = path ? withoutNulls(readYaml(path, explicit !== undefined)) : {};
  for (const [key, info] of Object.entries(keyTable)) {
    const value = env[info.env];
    if (value !== undefined && value !== "") setPath(raw, key, coerceEnv(value, key, info.env));
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) setPath(raw, key, value);
  const parsed = configSchema.safeParse(raw);
  const lines = unknownVariables(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) lines.push(describeUnknownKey(issue.path, key));
        continue;
      }
      const key = formatPath(issue.path);
      const dotted = issue.path.filter((p) => typeof p !== "number").join(".");
      const envName = keyTable[dotted]?.env ?? keyTable[String(issue.path[0])]?.env;
      lines.push(`${key || "(root)"}: ${issue.message}${envName ? ` (file key ${key}, or ${envName})` : ""}`);
    }
  }
  if (lines.length || !parsed.success) {
    throw new DaybriefError(
      "E_CONFIG_INVALID",
      `Invalid configuration${path ? ` in ${path}` : ""}:\n  ${lines.join("\n  ")}`,
    );
  }
  return { config: deepFreeze(parsed.data), path: path ? resolve(path) : null };
}

function readYaml(path: string, required: boolean): Record<string, unknown> {
  if (!existsSync(path)) {
    if (required) throw new DaybriefError("E_CONFIG_NOT_FOUND", `Config file ${path} does not exist.`);
    return {};
  }
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DaybriefError("E_CONFIG_INVALID", `${path} is not valid YAML: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new DaybriefError("E_CONFIG_INVALID", `${path} must hold a mapping of keys, not ${typeof doc}.`);
  }
  return doc as Record<string, unknown>;
}

/**
 * A known key written with no value (a section whose keys are all commented out) means "use the default". An
 * unknown key stays, so that it is refused even without a value.
 */
function withoutNulls(node: Record<string, unknown>, path: string[] = []): Record<string, unknown> {
  const known = keysAt(path);
  for (const [key, value] of Object.entries(node)) {
    if (!known.includes(key)) continue;
    if (value === null) delete node[key];
    else if (typeof value === "object" && !Array.isArray(value))
      withoutNulls(value as Record<string, unknown>, [...path, key]);
  }
  return node;
}

function coerceEnv(value: string, key: string, envName: string): unknown {
  const trimmed = value.trim();
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(trimmed) && !keyTable[key]?.secret) return Number(trimmed);
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    try {
      return JSON.parse(trimmed);
    } catch {
      throw new DaybriefError("E_CONFIG_INVALID", `${envName} is not valid JSON.`);
    }
  }
  return value;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
