import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/feed/parse-feed.ts";
import { cliSandbox, runCli } from "../helpers/cli.ts";

/** One demo run shared by the tests below: the main job a new user runs first. */
const box = cliSandbox();
let demo: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  demo = await runCli(["demo", "--out", "out"], box);
}, 240_000);

// Each test runs the real command several times; on a loaded machine that takes well over the default 30 s.
describe("daybrief demo", { timeout: 180_000 }, () => {
  it("ingests the bundled sources and writes both editions for every demo day", () => {
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain("18 sources: 194 new items");
    for (const edition of ["digest", "briefing"]) {
      for (const day of ["01", "02", "03", "04"]) {
        for (const ext of ["html", "md", "txt"])
          expect(existsSync(join(box.cwd, "out", edition, `2025-12-${day}.${ext}`))).toBe(true);
        expect(existsSync(join(box.cwd, "out", "archive", edition, `2025-12-${day}.html`))).toBe(true);
      }
    }
    const feed = parseFeed(readFileSync(join(box.cwd, "out", "feed.xml")));
    expect(feed.feed.items).toHaveLength(8);
    const md = readFileSync(join(box.cwd, "out", "digest", "2025-12-02.md"), "utf8");
    expect(md).toContain("What It Means for Developers, Creators & Prompt-Based Platforms");
    expect(md).toContain("Prompt Tip of the Day");
    const briefing = readFileSync(join(box.cwd, "out", "briefing", "2025-12-02.md"), "utf8");
    expect(briefing).toContain("Hey friend. It's Tuesday, December 2, 2025");
    expect(briefing).toMatch(/Market Pulse: [A-Z]/);
    expect(briefing).toContain("Rapid Fire");
  });

  it("lists the issues it stored, shows one, and approves it", async () => {
    const list = await runCli(["issue", "list", "--json"], box);
    const issues = JSON.parse(list.stdout) as Array<{ id: string; edition: string; date: string }>;
    expect(issues).toHaveLength(8);
    const digest = issues.find((i) => i.edition === "digest" && i.date === "2025-12-03");
    const shown = await runCli(["issue", "show", digest?.id ?? "", "--format", "text"], box);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/December 3, 2025/);
    expect((await runCli(["issue", "approve", digest?.id ?? ""], box)).code).toBe(0);
    const rebuild = await runCli(["issue", "build", "--edition", "digest", "--date", "2025-12-03"], box);
    expect(rebuild.code).toBe(65);
    expect(rebuild.stderr).toContain("E_ISSUE_LOCKED");
    const missing = await runCli(["issue", "show", "is_nope"], box);
    expect(missing.stderr).toContain("E_ISSUE_NOT_FOUND");
  });

  it("shows the day's stories ranked with their factors, and records an editor's decisions", async () => {
    const ranked = await runCli(["stories", "--date", "2025-12-02", "--json"], box);
    const stories = JSON.parse(ranked.stdout) as Array<{
      id: string;
      score: number;
      factors: Array<{ name: string }>;
      itemIds: string[];
    }>;
    expect(stories.length).toBeGreaterThan(5);
    expect(stories[0]?.score).toBeGreaterThanOrEqual(stories[1]?.score ?? 0);
    expect(stories[0]?.factors.map((f) => f.name)).toEqual(expect.arrayContaining(["coverage", "recency"]));
    const table = await runCli(["stories", "--date", "2025-12-02"], box);
    expect(table.stdout).toMatch(/outlets/);

    const last = stories.at(-1)?.id ?? "";
    expect((await runCli(["stories", "pin", last], box)).code).toBe(0);
    const after = JSON.parse((await runCli(["stories", "--date", "2025-12-02", "--json"], box)).stdout) as Array<{
      id: string;
    }>;
    expect(after[0]?.id).toBe(last);
    expect((await runCli(["stories", "topic", last, "nonsense"], box)).stderr).toContain("Unknown topic");
  });
});

describe("daybrief stories cluster and analyze", () => {
  it("clusters JSON Lines from stdin without a store", async () => {
    const wire =
      "Nvidia said on Monday it had bought two billion dollars of Synopsys stock and that the two companies would work together on accelerated chip design software for several years.";
    const input = [
      {
        id: "a",
        title: "Nvidia invests $2 billion in Synopsys",
        text: wire,
        url: "https://a.example/1",
        source: "a",
        published: "2025-12-01T10:00:00Z",
      },
      {
        id: "b",
        title: "Nvidia takes a stake in Synopsys",
        text: `${wire} Shares of Synopsys rose.`,
        url: "https://b.example/1",
        source: "b",
        published: "2025-12-01T11:00:00Z",
      },
      {
        id: "c",
        title: "Micron exits consumer memory",
        text: "Micron will close its Crucial consumer business by February to focus on data centres.",
        url: "https://c.example/1",
        source: "c",
        published: "2025-12-03T10:00:00Z",
      },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");
    const result = await runCli(["stories", "cluster", "--jsonl"], { ...cliSandbox(), input });
    expect(result.code, result.stderr).toBe(0);
    const stories = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { storyId: string; title: string; itemIds: string[] });
    expect(stories.map((s) => s.itemIds.sort())).toEqual([["a", "b"], ["c"]]);
    expect(Object.keys(stories[0] ?? {})).toEqual(["storyId", "title", "itemIds", "subject", "topic", "sentiment"]);
  });

  it("analyzes texts line by line with the contract's keys", async () => {
    const input = [
      "Amazon will invest $11B in Indiana data centres drawing 2.2 gigawatts.",
      "Synopsys (SNPS) shares fell after the miss.",
    ].join("\n");
    const result = await runCli(["analyze", "--jsonl"], { ...cliSandbox(), input });
    const [first, second] = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(Object.keys(first)).toEqual(["text", "sentiment", "entities"]);
    expect(first.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "org", normalized: "Amazon", ticker: "AMZN" }),
        expect.objectContaining({ type: "money", value: 11e9 }),
        expect.objectContaining({ type: "quantity", value: 2.2, unit: "GW" }),
      ]),
    );
    expect(second.sentiment.label).toBe("negative");
  });
});
