import { describe, expect, it } from "vitest";
import type { Section } from "../model/issue.ts";
import { extractEntities } from "../text/entities/extract-entities.ts";
import { type Claim, type ClaimChecker, checkSectionClaims, collectClaims, type Verdict } from "./claim-check.ts";
import type { DayItem } from "./day.ts";
import { loadEdition } from "./definition.ts";

function item(id: string, title: string, text: string): DayItem {
  return {
    id,
    title,
    url: `https://news.example/${id}`,
    text,
    sourceId: "s1",
    sourceName: "News",
    sourceKind: "news",
    sourceWeight: 1,
    publishedAt: "2025-12-02T10:00:00Z",
    entities: extractEntities(`${title}\n${text}`),
    sentiment: { label: "neutral", score: 0 },
    entitySentiments: [],
  };
}

const marvell = item(
  "mv",
  "Marvell to buy Celestial AI for $3.25 billion",
  "Marvell agreed to buy Celestial AI for about $3.25 billion upfront. Marvell shares rose in extended trading.",
);
const bun = item("bn", "Anthropic buys Bun", "Anthropic acquired Bun. Bun stays open source under the MIT licence.");
const edition = loadEdition("briefing");

/** A judge that refuses the sentences it is told to, and records what it was asked. */
function judge(refuse: string[]): ClaimChecker & { asked: Claim[][] } {
  const asked: Claim[][] = [];
  return {
    asked,
    async checkClaims(_id: string, claims: Claim[]): Promise<Verdict[]> {
      asked.push(claims);
      return claims.map((c) => ({
        id: c.id,
        supported: !refuse.some((r) => c.text.includes(r)),
        reason: refuse.some((r) => c.text.includes(r)) ? "the sources say otherwise." : null,
      }));
    },
  };
}

const stories: Section = {
  kind: "stories",
  id: "deep-dive",
  heading: "The Deep Dive",
  numbered: false,
  style: "full",
  stories: [
    {
      storyId: "st",
      headline: "Marvell sells its optics arm to Celestial AI",
      paragraphs: [
        "Marvell agreed to buy Celestial AI for about $3.25 billion upfront. Marvell shares fell in extended trading. The deal adds optical links.",
      ],
      notes: [{ label: "The Alpha", text: "Marvell is buying the links between accelerators." }],
      citations: [{ title: "Marvell to buy Celestial AI for $3.25 billion", url: marvell.url ?? "", outlet: "News" }],
    },
  ],
};

describe("the claim check", () => {
  it("asks about each sentence with the sources its block cites, but not about sentences copied from them", () => {
    const claims = collectClaims(stories, [marvell, bun]);
    expect(claims.map((c) => c.text)).toEqual([
      "Marvell sells its optics arm to Celestial AI",
      "Marvell shares fell in extended trading.",
      "The deal adds optical links.",
      "Marvell is buying the links between accelerators.",
    ]);
    for (const claim of claims) expect(claim.sources).toEqual([marvell]);
    expect(claims.map((c) => c.id)).toEqual(["C1", "C2", "C3", "C4"]);
  });

  it("drops what the judge refuses, puts the source's title in place of a refused headline, and says why", async () => {
    const checker = judge(["sells its optics arm", "shares fell"]);
    const { section, notes } = await checkSectionClaims(stories, [marvell], checker, edition);
    const block = section?.kind === "stories" ? section.stories[0] : undefined;
    expect(block?.headline).toBe("Marvell to buy Celestial AI for $3.25 billion");
    expect(block?.paragraphs).toEqual([
      "Marvell agreed to buy Celestial AI for about $3.25 billion upfront. The deal adds optical links.",
    ]);
    expect(block?.notes).toEqual(stories.kind === "stories" ? stories.stories[0]?.notes : []);
    expect(notes.map((n) => [n.code, n.section])).toEqual([
      ["claim-check", "deep-dive"],
      ["claim-check", "deep-dive"],
    ]);
    expect(notes[1]?.message).toContain('"Marvell shares fell in extended trading." — the claim check found it');
    expect(notes[1]?.message).toContain("(the sources say otherwise)");
  });

  it("drops a bullet whose lead fails, keeps the others, and leaves a section with nothing to ask unasked", async () => {
    const bullets: Section = {
      kind: "bullets",
      id: "implications",
      heading: "What It Means",
      lines: [
        { lead: "Runtimes change hands", text: "Anthropic acquired Bun." },
        { lead: "Bun goes closed source", text: "Plan a fork before the licence changes." },
      ],
      citations: [{ title: bun.title, url: bun.url ?? "", outlet: "News" }],
    };
    const checker = judge(["closed source"]);
    const { section, notes } = await checkSectionClaims(bullets, [bun], checker, edition);
    expect(section?.kind === "bullets" && section.lines).toEqual([bullets.lines[0]]);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toContain('Dropped the bullet "Bun goes closed source"');

    const copiedOnly: Section = { ...bullets, lines: [{ text: "Bun stays open source under the MIT licence." }] };
    const quiet = judge([]);
    expect((await checkSectionClaims(copiedOnly, [bun], quiet, edition)).section).toEqual(copiedOnly);
    expect(quiet.asked).toEqual([]);
  });
});
