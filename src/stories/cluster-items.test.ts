import { describe, expect, it } from "vitest";
import type { Entity } from "../model/entity.ts";
import { commentary } from "../text/commentary.ts";
import { clusterItems, groupExactDuplicates } from "./cluster-items.ts";
import { defaultWeights } from "./similarity.ts";

const none = (): Entity[] => [];
const item = (id: string, title: string, text: string, extra: Record<string, string> = {}) => ({
  id,
  title,
  text,
  published: "2025-12-01T10:00:00Z",
  ...extra,
});

describe("clusterItems", () => {
  const wire =
    "Nvidia said on Monday it had bought two billion dollars of Synopsys stock and that the companies would work together on accelerated chip design and simulation software for several years.";

  it("treats the same URL, GUID or text in several feeds as one item", () => {
    const { representatives, duplicatesOf } = groupExactDuplicates([
      item("a", "T", "x", { url: "https://x.com/a?utm_source=rss" }),
      item("b", "Other title", "y", { url: "https://x.com/a" }),
      item("c", "T", "x"),
      item("d", "Fresh", "z"),
    ]);
    expect(representatives.map((r) => r.id)).toEqual(["a", "d"]);
    expect(duplicatesOf.get("a")).toEqual(["b", "c"]);
  });

  it("puts a syndicated copy with its original and keeps other news apart", () => {
    const stories = clusterItems(
      [
        item("wire", "Nvidia invests in Synopsys", wire),
        item("copy", "Nvidia takes Synopsys stake", `${wire} Shares of Synopsys rose in early trading.`, {
          published: "2025-12-01T11:00:00Z",
        }),
        item(
          "other",
          "Micron leaves consumer memory",
          "Micron will close its Crucial consumer business by February to focus its supply on data-centre customers.",
        ),
      ],
      { entities: none },
    );
    expect(stories.map((s) => s.itemIds.sort()).sort()).toEqual([["copy", "wire"], ["other"]]);
    expect(stories.find((s) => s.itemIds.includes("wire"))?.duplicateIds).toEqual(["copy"]);
  });

  it("obeys editors: cannot-link keeps copies apart, must-link joins different stories", () => {
    const items = [
      item("wire", "Nvidia invests in Synopsys", wire),
      item("copy", "Nvidia takes Synopsys stake", `${wire} Shares rose.`),
      item("other", "Micron leaves consumer memory", "Micron will close its Crucial consumer business by February."),
    ];
    const apart = clusterItems(items, { entities: none, cannotLink: [["wire", "copy"]] });
    expect(apart).toHaveLength(3);
    const together = clusterItems(items, { entities: none, mustLink: [["wire", "other"]] });
    expect(together.find((s) => s.itemIds.includes("other"))?.itemIds.sort()).toEqual(["copy", "other", "wire"]);
  });

  it("never joins items further apart than the time window", () => {
    const later = { published: "2025-12-20T10:00:00Z" };
    const stories = clusterItems(
      [item("a", "Nvidia invests in Synopsys", wire), item("b", "Nvidia invests in Synopsys", `${wire} Again.`, later)],
      {
        entities: none,
      },
    );
    expect(stories).toHaveLength(2);
  });

  it("does not let one item that matches two unrelated stories chain them together", () => {
    // A model that reads only the text cosine, and a low bar: the round-up matches each story on its own.
    const weights = Object.fromEntries(Object.keys(defaultWeights).map((k) => [k, 0])) as typeof defaultWeights;
    weights.bias = -10;
    weights.cosine = 20;
    const reactor = "Kairos reactor uranium licence Tennessee fusion steam turbine grid".split(" ");
    const chips = "Broadcom switch silicon Tomahawk optics ethernet fabric packets".split(" ");
    // Word by word, so that it is no near-copy of either.
    const both = reactor.flatMap((word, i) => [word, chips[i] ?? ""]).join(" ");
    const at = (hour: number) => ({ published: `2025-12-01T${String(hour).padStart(2, "0")}:00:00Z` });
    const items = [
      item("reactor", "Reactor licence", reactor.join(" "), at(8)),
      item("reactor-2", "Reactor licence", `${reactor.join(" ")} approved`, at(9)),
      item("chips", "Switch silicon", chips.join(" "), at(10)),
      item("round-up", "Reactor licence, switch silicon", both, at(11)),
    ];
    const stories = clusterItems(items, { entities: none, weights, threshold: 0.5 });
    const storyOf = (id: string) => stories.find((s) => s.itemIds.includes(id));
    expect(storyOf("reactor")?.itemIds).toContain("reactor-2");
    expect(storyOf("round-up")?.itemIds.length).toBeGreaterThan(1);
    expect(storyOf("reactor")).not.toBe(storyOf("chips"));
  });

  it("does not take a podcast episode that discusses two events as the evidence that they are one", () => {
    const weights = Object.fromEntries(Object.keys(defaultWeights).map((k) => [k, 0])) as typeof defaultWeights;
    weights.bias = -0.5;
    weights.cosine = 12;
    const shared = "Anthropic Claude enterprise".split(" ");
    const runtime = "runtime javascript bundler lockfile sumner compiler packages node".split(" ");
    const warehouse = "snowflake warehouse cortex multiyear customers governed tables ramaswamy".split(" ");
    const at = (hour: number) => ({ published: `2025-12-03T${String(hour).padStart(2, "0")}:00:00Z` });
    const items = [
      item("bun", "Anthropic buys a runtime", [...runtime, ...shared].join(" "), at(8)),
      item("snowflake", "Snowflake signs with Anthropic", [...warehouse, ...shared].join(" "), at(9)),
      // An episode on both, word by word (no near-copy of either): it matches each story on its own.
      item(
        "episode",
        "Ep. 216 — Anthropic, week in review",
        [...runtime.flatMap((word, i) => [word, warehouse[i] ?? ""]), ...shared].join(" "),
        at(10),
      ),
      // A second report of the deal matches its own story and, through the episode, the other one.
      item("snowflake-2", "Snowflake commits to Anthropic", [...shared, ...[...warehouse].reverse()].join(" "), at(11)),
    ];
    const stories = clusterItems(items, { entities: none, weights, threshold: 0.9 });
    const storyOf = (id: string) => stories.find((s) => s.itemIds.includes(id));
    expect(commentary(items[2]?.title ?? "")).toBe(true);
    expect(storyOf("snowflake-2")).toBe(storyOf("snowflake"));
    expect(storyOf("episode")?.itemIds.length).toBeGreaterThan(1);
    expect(storyOf("bun")).not.toBe(storyOf("snowflake"));
  });
});

describe("commentary", () => {
  it("knows explainers and episodes by their titles, news by its own", () => {
    for (const title of [
      "Explainer: why AI deals are now measured in gigawatts",
      "Licence-and-hire: how big tech learned to buy AI teams without buying companies",
      "Ep. 217 — The Chip Race, in Five Deals",
      "What does a '$1 billion run-rate' actually mean?",
    ])
      expect(commentary(title), title).toBe(true);
    for (const title of [
      "Nvidia buys $2 billion of Synopsys stock, widens chip-design software tie-up",
      "Marvell: record quarter and a $3.25 billion deal for Celestial AI",
      "Whatnot raises $225 million",
    ])
      expect(commentary(title), title).toBe(false);
  });
});
