import { describe, expect, it } from "vitest";
import { defaultInterruptMessage, interruptMessage, onInterrupt } from "./interrupt.ts";

describe("what Ctrl-C says", () => {
  it("says the latest message still registered, read when it is said", () => {
    expect(interruptMessage()).toBe(defaultInterruptMessage);
    let done = 0;
    const outer = onInterrupt("outer step");
    const inner = onInterrupt(() => `${done} of 3 done`);
    done = 2;
    expect(interruptMessage()).toBe("2 of 3 done");
    inner();
    expect(interruptMessage()).toBe("outer step");
    inner();
    expect(interruptMessage()).toBe("outer step");
    outer();
    expect(interruptMessage()).toBe(defaultInterruptMessage);
  });

  it("falls back to the plain message when a message cannot be made", () => {
    const withdraw = onInterrupt(() => {
      throw new Error("no state yet");
    });
    expect(interruptMessage()).toBe(defaultInterruptMessage);
    withdraw();
  });
});
