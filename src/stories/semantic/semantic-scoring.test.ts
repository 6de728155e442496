import { describe, expect, it } from "vitest";
import { extractEntities } from "../../text/entities/extract-entities.ts";
import { clusterItems } from "../cluster-items.ts";
import { backgroundOf, embeddingSignal, minBackgroundItems } from "./semantic-scoring.ts";

/** A deterministic unit vector per seed (xorshift): unrelated items get nearly orthogonal vectors. */
function vector(seed: number, dimensions = 64): Float32Array {
  let x = seed * 2654435761 + 1;
  const v = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    v[i] = ((x >>> 0) / 2 ** 32) * 2 - 1;
  }
  const norm = Math.sqrt(v.reduce((n, y) => n + y * y, 0));
  return v.map((y) => y / norm);
}

const at = (hour: number) => new Date(Date.UTC(2025, 11, 1, hour)).toISOString();
const filler = [
  ["Micron to exit consumer memory business", "The Crucial brand closes by February as supply shifts to data centres."],
  [
    "EU opens inquiry into cloud contracts",
    "Brussels regulators will examine licensing terms offered to public bodies.",
  ],
  ["OpenAI hires former Slack chief as revenue head", "Denise Dresser joins to lead sales and customer success."],
  ["Anthropic signs lease for London office", "The lab takes three floors near King's Cross for 300 staff."],
  ["Samsung posts record chip exports in November", "Korean customs data show memory shipments up by a third."],
  ["Google adds agents to its Workspace suite", "Gmail and Docs gain assistants that act on a user's behalf."],
  ["Mistral raises funding at higher valuation", "The Paris start-up closes a round led by a Dutch equipment maker."],
  ["Apple design chief leaves for Meta", "Alan Dye will run a new studio inside Reality Labs."],
  ["AWS launches Graviton5 processor", "The Arm-based server chip has 192 cores and a larger cache."],
  ["IBM buys data streaming company Confluent", "Big Blue pays $31 a share in cash for the Kafka specialist."],
  ["Nvidia shares fall after export rule", "The stock slid as Washington tightened licences for sales to China."],
  ["Nvidia opens research centre in Tokyo", "The lab will work on robotics with Japanese carmakers."],
  ["Nvidia results beat forecasts on data-centre demand", "Quarterly revenue rose 62% to $57 billion."],
].map(([title, text], i) => ({ id: `f${i}`, title: title as string, text: text as string, published: at(i) }));
// One event told in other words: the lexical model sees only the two names in common. (Candidates come from shared
// terms, so an item sharing no term at all with a story is not compared with it, embeddings or not.)
const original = {
  id: "a",
  title: "Nvidia licenses Groq's inference technology in $20 billion deal",
  text: "Nvidia agreed to license chip technology from startup Groq and hire its chief executive, a deal valued at about $20 billion.",
  published: at(12),
};
const retold = {
  id: "b",
  title: "Nvidia brings over a rival's leadership",
  text: "The graphics-processor maker will use the younger firm's low-latency designs and bring over its leadership team.",
  published: at(13),
};
const items = [...filler, original, retold];
const together = (stories: Array<{ itemIds: string[] }>) =>
  stories.some((s) => s.itemIds.includes("a") && s.itemIds.includes("b"));

describe("embedding similarity in the pair model", () => {
  it("measures the background on enough vectors only", () => {
    expect(backgroundOf(Array.from({ length: minBackgroundItems - 1 }, (_, i) => vector(i)))).toBeNull();
    const background = backgroundOf(Array.from({ length: 40 }, (_, i) => vector(i)));
    expect(background?.mean).toBeCloseTo(0, 1);
    expect(background?.spread).toBeGreaterThan(0.05);
    expect(embeddingSignal(1, { mean: 0.5, spread: 0.01 })).toBe(12);
    expect(embeddingSignal(0.6, { mean: 0.5, spread: 0.1 })).toBeCloseTo(1);
  });

  it("joins a retelling the embeddings recognise, and only then", () => {
    const lexical = clusterItems(items, { entities: extractEntities });
    expect(together(lexical)).toBe(false);
    const vectors = new Map(items.map((item, i) => [item.id, vector(i + 1)]));
    vectors.set("b", vectors.get("a") as Float32Array);
    expect(together(clusterItems(items, { entities: extractEntities, embeddings: vectors }))).toBe(true);
    // Vectors that say "unrelated" keep them apart; so does a missing vector (that pair is scored lexically).
    const apart = new Map(items.map((item, i) => [item.id, vector(i + 1)]));
    expect(together(clusterItems(items, { entities: extractEntities, embeddings: apart }))).toBe(false);
    vectors.delete("b");
    expect(together(clusterItems(items, { entities: extractEntities, embeddings: vectors }))).toBe(false);
  });

  it("is exactly the lexical model without usable vectors", () => {
    const ids = (stories: Array<{ itemIds: string[] }>) => stories.map((s) => s.itemIds);
    const lexical = ids(clusterItems(items, { entities: extractEntities }));
    expect(ids(clusterItems(items, { entities: extractEntities, embeddings: new Map() }))).toEqual(lexical);
    const few = new Map(items.slice(0, 3).map((item, i) => [item.id, vector(i + 1)]));
    expect(ids(clusterItems(items, { entities: extractEntities, embeddings: few }))).toEqual(lexical);
  });
});
