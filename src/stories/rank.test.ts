import { describe, expect, it } from "vitest";
import type { Entity } from "../model/entity.ts";
import { formatUsd } from "../text/money.ts";
import { rankStory } from "./rank.ts";

const now = Date.parse("2025-12-02T12:00:00Z");
const money = (value: number): Entity => ({ type: "money", text: "", normalized: "", value, start: 0, end: 0 });
const org = (name: string): Entity => ({ type: "org", text: name, normalized: name, start: 0, end: 0 });
const item = (sourceId: string, hoursAgo: number, entities: Entity[] = [], sourceWeight = 1) => ({
  sourceId,
  sourceName: sourceId,
  sourceWeight,
  time: now - hoursAgo * 3_600_000,
  entities,
});
const prominence = (name: string) => (name === "Nvidia" ? 1 : 0.3);

describe("rankStory", () => {
  it("ranks reporting above commentary on the same coverage, and says why", () => {
    const news = rankStory({
      items: [{ ...item("a", 2), title: "Marvell to buy Celestial AI for $3.25 billion" }, item("b", 3)],
      pinned: false,
      novelty: 1,
      prominence,
      now,
    });
    const explainer = rankStory({
      items: [
        { ...item("a", 2), title: "What does a '$1 billion run-rate' actually mean?" },
        { ...item("b", 3), title: "Ep. 217 — The Chip Race, in Five Deals" },
      ],
      pinned: false,
      novelty: 1,
      prominence,
      now,
    });
    expect(news.score - explainer.score).toBeCloseTo(1.5);
    expect(news.factors.find((f) => f.name === "reporting")?.detail).toBe("reports news");
    expect(explainer.factors.find((f) => f.name === "reporting")?.detail).toBe("commentary only");
  });

  it("ranks wide, recent, big-money coverage of a prominent company above a single old item", () => {
    const big = rankStory({
      items: [item("a", 2, [org("Nvidia"), money(2e9)]), item("b", 3), item("c", 5)],
      pinned: false,
      novelty: 1,
      prominence,
      now,
    });
    const small = rankStory({ items: [item("a", 40)], pinned: false, novelty: 1, prominence, now });
    expect(big.score).toBeGreaterThan(small.score);
    expect(big.factors.map((f) => f.name)).toContain("money");
    expect(big.factors.find((f) => f.name === "coverage")?.detail).toBe("3 outlets");
    expect(big.factors.find((f) => f.name === "money")?.detail).toBe("$2B");
  });

  it("explains every point of the score", () => {
    const { score, factors } = rankStory({
      items: [item("a", 1), item("a", 2)],
      pinned: true,
      novelty: 0.2,
      prominence,
      now,
    });
    expect(factors.reduce((sum, f) => sum + f.contribution, 0)).toBeCloseTo(score, 2);
    expect(factors[0]?.name).toBe("editor");
    expect(factors.find((f) => f.name === "coverage")?.detail).toBe("1 outlet");
  });

  it("counts an outlet once however many items it ran", () => {
    const many = rankStory({
      items: [item("a", 1), item("a", 1), item("a", 1)],
      pinned: false,
      novelty: 1,
      prominence,
      now,
    });
    const one = rankStory({ items: [item("a", 1)], pinned: false, novelty: 1, prominence, now });
    expect(many.score).toBeCloseTo(one.score, 5);
  });

  it("formats dollar amounts for people", () => {
    expect([formatUsd(11e9), formatUsd(4.75e9), formatUsd(300e6), formatUsd(1.2e12)]).toEqual([
      "$11B",
      "$4.75B",
      "$300M",
      "$1.2T",
    ]);
  });
});
