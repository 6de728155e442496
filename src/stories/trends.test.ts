import { describe, expect, it } from "vitest";
import { computeTrends } from "./trends.ts";

describe("computeTrends", () => {
  it("compares a day's distinct stories with the seven days before", () => {
    const mentions = [
      { key: "org:amazon", day: "2025-12-04", storyId: "s1" },
      { key: "org:amazon", day: "2025-12-04", storyId: "s1" },
      { key: "org:amazon", day: "2025-12-04", storyId: "s2" },
      { key: "org:amazon", day: "2025-12-01", storyId: "s0" },
      { key: "org:amazon", day: "2025-11-20", storyId: "old" },
      { key: "org:intel", day: "2025-12-03", storyId: "s3" },
    ];
    const [amazon, intel] = computeTrends(mentions, "2025-12-04");
    expect(amazon).toMatchObject({ key: "org:amazon", today: 2, week: 3 });
    expect(amazon?.baseline).toBeCloseTo(1 / 7);
    expect(amazon?.ratio).toBeCloseTo(14);
    expect(intel).toMatchObject({ today: 0, week: 1 });
  });
});
