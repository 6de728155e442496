import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { offerTop } from "./top.ts";

describe("offerTop", () => {
  it("keeps what a stable sort by descending score and a slice would keep", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 8 }),
        (scores, limit) => {
          const top = new Int32Array(limit);
          let size = 0;
          for (let i = 0; i < scores.length; i += 1) size = offerTop(top, size, i, scores);
          const expected = scores
            .map((_, i) => i)
            .sort((a, b) => (scores[b] as number) - (scores[a] as number))
            .slice(0, limit);
          expect(Array.from(top.subarray(0, size))).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
