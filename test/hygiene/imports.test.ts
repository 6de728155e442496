import { describe, expect, it } from "vitest";
import { checkSourceTree } from "../../scripts/check-imports.ts";
import { applyAllowList, checkEdges, importEdges, importSpecifiers } from "../../scripts/import-rules.ts";

const rulesOf = (files: Record<string, string>) =>
  checkEdges(importEdges(new Map(Object.entries(files)))).map((v) => `${v.rule} ${v.from} -> ${v.to}`);

describe("the import rules of DESIGN.md", () => {
  it("reads every kind of import: static, type-only, multi-line, re-export and dynamic", () => {
    const source = [
      'import { a } from "./a.ts";',
      'import type { B } from "../b.ts";',
      "import {\n  c,\n  type D,\n} from './c.ts';",
      'export { e } from "./e.ts";',
      'export * from "./f.ts";',
      'const g = await import("./g.ts");',
      'import "./side-effect.ts";',
      'import { z } from "zod";',
    ].join("\n");
    expect(importSpecifiers(source).sort()).toEqual(
      ["../b.ts", "./a.ts", "./c.ts", "./e.ts", "./f.ts", "./g.ts", "./side-effect.ts"].sort(),
    );
  });

  it("finds a stage importing the store, the CLI or the web app", () => {
    expect(
      rulesOf({
        "src/render/email.ts": 'import { IssuesRepo } from "../store/issues-repo.ts";',
        "src/ingest/feed/x.ts": 'import type { Context } from "../../cli/context.ts";',
        "src/deliver/send.ts": 'const web = await import("../web/app.ts");',
      }),
    ).toEqual([
      "stage-imports-outside src/render/email.ts -> src/store/issues-repo.ts",
      "stage-imports-outside src/ingest/feed/x.ts -> src/cli/context.ts",
      "stage-imports-outside src/deliver/send.ts -> src/web/app.ts",
    ]);
  });

  it("lets model/ import only model/", () => {
    expect(
      rulesOf({
        "src/model/issue.ts": 'import type { Story } from "./story.ts";\nimport { DaybriefError } from "../errors.ts";',
      }),
    ).toEqual(["model-imports src/model/issue.ts -> src/errors.ts"]);
  });

  it("enters a stage only through its index.ts, from other stages and from the pipeline alike", () => {
    expect(
      rulesOf({
        "src/editions/a.ts": 'import { rank } from "../stories/rank.ts";\nimport { x } from "../stories/index.ts";',
        "src/pipeline/p.ts": 'import { renderers } from "../render/index.ts";\nimport { a } from "../render/email.ts";',
        "src/stories/inner.ts": 'import { tokens } from "./tokens.ts";',
      }),
    ).toEqual([
      "stage-internals src/editions/a.ts -> src/stories/rank.ts",
      "stage-internals src/pipeline/p.ts -> src/render/email.ts",
    ]);
  });

  it("lets only pipeline/ wire a stage to the store", () => {
    const wiring =
      'import { clusterItems } from "../stories/index.ts";\nimport { StoriesRepo } from "../store/stories-repo.ts";';
    expect(rulesOf({ "src/pipeline/build.ts": wiring, "src/cli/build.ts": wiring })).toEqual([
      "wiring-outside-pipeline src/cli/build.ts -> src/stories/index.ts",
    ]);
    expect(rulesOf({ "src/store/repo.ts": 'import { identity } from "../ingest/index.ts";' })).toEqual([
      "wiring-outside-pipeline src/store/repo.ts -> src/ingest/index.ts",
    ]);
  });

  it("exempts tests, and splits allowed violations from new ones", () => {
    expect(rulesOf({ "src/render/email.test.ts": 'import { openDb } from "../store/db.ts";' })).toEqual([]);
    const violations = checkEdges(
      importEdges(new Map([["src/render/a.ts", 'import { openDb } from "../store/db.ts";']])),
    );
    const allowed = [
      { rule: "stage-imports-outside" as const, from: "src/render/a.ts", issue: 1 },
      { rule: "model-imports" as const, from: "src/model/gone.ts", issue: 1 },
    ];
    const split = applyAllowList(violations, allowed);
    expect(split.fresh).toEqual([]);
    expect(split.known).toHaveLength(1);
    expect(split.stale).toEqual([allowed[1]]);
  });

  it("holds in the source tree, apart from the allow-listed violations", () => {
    const { fresh } = checkSourceTree();
    expect(fresh.map((v) => `${v.from} -> ${v.to}: ${v.message}`)).toEqual([]);
  });
});
