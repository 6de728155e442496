import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMinHasher, estimateJaccard, LshIndex, splitWordHashes } from "./minhash.ts";

const words = (text: string) => text.toLowerCase().split(/\s+/);
const wire =
  "Nvidia said on Monday it had invested two billion dollars in Synopsys, buying common stock at a fixed price, and the two companies will work together on accelerated chip design software for the next several years";

describe("MinHash", () => {
  const hasher = createMinHasher(64);

  it("gives the same signature for the same text in every run", () => {
    expect([...hasher.signature(words(wire))]).toEqual([...createMinHasher(64).signature(words(wire))]);
  });

  it("estimates high similarity for a lightly edited copy and low for other text", () => {
    const edited = `${wire.replace("on Monday", "on Dec. 1")} according to a statement`;
    const other =
      "Micron will leave its Crucial consumer memory business by February to focus supply on artificial intelligence data centre customers";
    expect(estimateJaccard(hasher.signature(words(wire)), hasher.signature(words(edited)))).toBeGreaterThan(0.5);
    expect(estimateJaccard(hasher.signature(words(wire)), hasher.signature(words(other)))).toBeLessThan(0.1);
  });

  it("finds near-copies through LSH buckets and not unrelated text", () => {
    const index = new LshIndex<string>(16, 4);
    index.add(hasher.signature(words(wire)), "wire");
    expect(index.query(hasher.signature(words(`${wire} Shares of Synopsys rose.`)))).toContain("wire");
    expect(
      index.query(
        hasher.signature(words("a completely different story about courts and copyright law in Europe this week")),
      ),
    ).not.toContain("wire");
  });
});

describe("splitWordHashes", () => {
  it("hashes the words that split(/\\s+/) makes, edge white space included", () => {
    const hasher = createMinHasher();
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "Bc", " ", "\n", "\u00a0", "\u2003", "é", "É", "İ", "\t\t", "\ufeff", "x"), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.join("");
          const words = text.toLowerCase().split(/\s+/);
          expect([...(hasher.textSignature(text, 1000) ?? [])]).toEqual([...hasher.signature(words)]);
          const hashes = new Int32Array(words.length);
          expect(splitWordHashes(text, 1000, hashes)).toBe(words.length);
          expect(hasher.textSignature(text, 1000, words.length + 1)).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
