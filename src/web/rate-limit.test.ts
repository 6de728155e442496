import { describe, expect, it } from "vitest";
import { WindowLimiter } from "./rate-limit.ts";

const minute = 60_000;

describe("WindowLimiter", () => {
  it("allows at most `limit` actions in any window, also across where a fixed window would restart", () => {
    const limiter = new WindowLimiter({ limit: 2, windowMs: 60 * minute });
    expect(limiter.take("a", 0)).toBe(true);
    expect(limiter.take("a", 59 * minute)).toBe(true);
    expect(limiter.take("a", 59 * minute + 1)).toBe(false);
    // An hour after the first action one more is allowed, not a fresh two: 59 min and 61 min are 2 min apart.
    expect(limiter.take("a", 61 * minute)).toBe(true);
    expect(limiter.take("a", 61 * minute + 1)).toBe(false);
    expect(limiter.take("b", 61 * minute)).toBe(true);
  });

  it("says when the key may act again, and counts nothing it refused", () => {
    const limiter = new WindowLimiter({ limit: 2, windowMs: 10 * minute });
    expect(limiter.retryAfterSeconds("a", 0)).toBe(0);
    limiter.take("a", 0);
    limiter.take("a", 4 * minute);
    for (let i = 0; i < 50; i += 1) expect(limiter.take("a", 5 * minute)).toBe(false);
    expect(limiter.retryAfterSeconds("a", 5 * minute)).toBe(5 * 60);
    expect(limiter.take("a", 10 * minute + 1)).toBe(true);
    expect(limiter.retryAfterSeconds("a", 10 * minute + 1)).toBe(4 * 60);
  });

  it("records failures separately from checks, and clears a key", () => {
    const limiter = new WindowLimiter({ limit: 3, windowMs: minute });
    for (let i = 0; i < 3; i += 1) limiter.record("account:ada", i);
    expect(limiter.blocked("account:ada", 10)).toBe(true);
    limiter.clear("account:ada");
    expect(limiter.blocked("account:ada", 10)).toBe(false);
  });

  it("keeps memory bounded: idle keys go first, then the longest idle", () => {
    const limiter = new WindowLimiter({ limit: 1, windowMs: minute, maxKeys: 3 });
    limiter.take("old", 0);
    limiter.take("k1", 2 * minute);
    limiter.take("k2", 2 * minute);
    limiter.take("k3", 2 * minute);
    // "old" had expired and is dropped; the three recent keys are still limited.
    expect(["k1", "k2", "k3"].map((k) => limiter.blocked(k, 2 * minute))).toEqual([true, true, true]);
    limiter.take("k4", 2 * minute);
    // Past the bound with none expired, the longest idle (k1) goes.
    expect(["k1", "k2", "k3", "k4"].map((k) => limiter.blocked(k, 2 * minute))).toEqual([false, true, true, true]);
  });
});
