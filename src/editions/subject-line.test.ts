import { describe, expect, it } from "vitest";
import { llmTestDay } from "../../test/editions/llm-day.ts";
import { writeIssue } from "./build-issue.ts";
import { loadEdition } from "./definition.ts";

describe("the subject line", () => {
  it("cuts a headline where a clause ends, never after a verb that has lost its complement", async () => {
    const issue = await writeIssue(loadEdition("digest"), llmTestDay(), { now: new Date("2025-12-02T06:00:00Z") });
    const parts = issue.title.split(" · ");
    expect(parts.length).toBeGreaterThan(1);
    const bfl = parts.find((p) => p.includes("Black Forest Labs"));
    expect(bfl).toBe("FLUX maker Black Forest Labs valued at $3.25 billion");
    for (const part of parts) expect(part, part).not.toMatch(/\b(?:valued|to|of|at|in|for|and)$/);
  });
});
