import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configTable, errorTable, spliceTable } from "../../scripts/docs-tables.ts";
import { configSchema, keyTable } from "../../src/config/schema.ts";
import { errorCatalog } from "../../src/errors.ts";

const root = join(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(join(root, file), "utf8");

/** Every leaf key of the schema, by dotted path. */
function leafKeys(shape: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const inner = unwrap(schema);
    const nested = (inner as { shape?: Record<string, unknown> }).shape;
    return nested && key !== "sources" ? leafKeys(nested, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { innerType?: unknown } };
  while (current?.def?.innerType) current = current.def.innerType as typeof current;
  return current;
}

describe("documentation", () => {
  it("documents every configuration key, and only those, in docs/config.md", () => {
    expect(Object.keys(keyTable).sort()).toEqual(leafKeys(configSchema.shape).sort());
    const doc = read("docs/config.md");
    expect(spliceTable(doc, "keys", configTable())).toBe(doc);
  });

  it("documents every error code with its hint in docs/errors.md", () => {
    const doc = read("docs/errors.md");
    expect(spliceTable(doc, "codes", errorTable())).toBe(doc);
    const documented = [...doc.matchAll(/\| `(E_[A-Z_]+)` \|/g)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(errorCatalog).sort());
  });

  it("uses only catalogued codes in the source", () => {
    const used = execFileSync("grep", ["-rhoE", '"E_[A-Z_]+"', join(root, "src")], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map((s) => s.replace(/"/g, ""));
    for (const code of new Set(used)) expect(Object.keys(errorCatalog), code).toContain(code);
  });
});
