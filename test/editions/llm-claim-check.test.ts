import { afterEach, describe, expect, it } from "vitest";
import { writeIssue } from "../../src/editions/build-issue.ts";
import { type EditionDefinition, loadEdition } from "../../src/editions/definition.ts";
import { LlmWriter, type LlmWriterOptions } from "../../src/editions/llm/llm-writer.ts";
import { OfflineWriter } from "../../src/editions/offline/offline-writer.ts";
import type { Issue } from "../../src/model/issue.ts";
import { type FakeLlm, type FakeScript, startFakeLlm } from "../helpers/fake-llm.ts";
import { llmTestDay } from "./llm-day.ts";
import { answer, claimsOf, cunningClaims, kindOf, subtleClaims } from "./llm-model-script.ts";

const editions = [loadEdition("digest"), loadEdition("briefing")];
const day = llmTestDay();

const servers: FakeLlm[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fakeModel(script: FakeScript): Promise<FakeLlm> {
  const llm = await startFakeLlm(script);
  servers.push(llm);
  return llm;
}

function llmWriter(llm: FakeLlm, options: Partial<LlmWriterOptions> = {}): LlmWriter {
  return new LlmWriter({
    baseUrl: llm.baseUrl,
    model: "fake-model",
    apiKey: null,
    timeoutMs: 10_000,
    retries: 1,
    maxTokens: 800,
    temperature: 0.2,
    inputCostPerMillion: 2.5,
    outputCostPerMillion: 10,
    offline: new OfflineWriter(),
    retryDelayMs: 0,
    ...options,
  });
}

const build = (edition: EditionDefinition, writer: LlmWriter) =>
  writeIssue(edition, day, { writer, now: new Date("2025-12-02T06:00:00Z") });

/** What a reader sees: the issue without the editor's notes. */
const published = (issue: Issue) => JSON.stringify({ ...issue, notes: [] });

describe("the optional claim check (llm.claimCheck)", () => {
  it("is what stops a cunning liar: grounding alone prints some of its falsehoods, the claim check none", async () => {
    const llm = await fakeModel((req) => answer(req, "cunning"));
    const unchecked: string[] = [];
    for (const edition of editions) {
      const text = published(await build(edition, llmWriter(llm)));
      unchecked.push(...cunningClaims.filter((c) => text.includes(c)));
    }
    // Off by default: no claim-check request was made, and every lie uses only the sources' own numbers and names.
    expect(llm.requests.filter((r) => kindOf(r) === "claim-check")).toEqual([]);
    expect(unchecked).toEqual(cunningClaims);

    for (const edition of editions) {
      const before = llm.requests.length;
      const writer = llmWriter(llm, { claimCheck: true });
      const issue = await build(edition, writer);
      const text = published(issue);
      for (const claim of cunningClaims) expect(text, `${edition.id}: ${claim}`).not.toContain(claim);
      const caught = issue.notes.filter((n) => n.code === "claim-check");
      for (const note of caught) expect(note.message).toMatch(/the claim check found it unsupported.*the sources say/);
      // Mostly true answers: the sections stay the model's; only the false sentences go.
      expect(issue.notes.filter((n) => n.code === "fallback")).toEqual([]);
      expect(text).toContain(edition.id === "digest" ? "Black Forest Labs raises $300 million" : "Oracle locks in");

      const asked = llm.requests.slice(before);
      const checks = asked.filter((r) => kindOf(r) === "claim-check");
      // One check per section the model wrote (the quote is only picked, and checked word for word).
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.length).toBeLessThanOrEqual(asked.length - checks.length);
      for (const check of checks) {
        // Each claim is shown with the sources it cites, and each cited source is in the prompt with its link.
        for (const claim of claimsOf(check.prompt)) {
          for (const id of claim.sources) expect(check.prompt).toMatch(new RegExp(`^\\[${id}\\] .*<https://`, "m"));
        }
      }
      // The checks are inside the account: every request is counted and priced.
      const usage = writer.usage();
      expect(usage.calls).toBe(asked.length);
      expect(usage.costUsd).toBeGreaterThan(0);
      expect(caught.length).toBeGreaterThan(0);
    }
  });

  it("catches the subtle liar's changed figures twice over: grounding first, the claim check for what is left", async () => {
    const llm = await fakeModel((req) => answer(req, "subtle"));
    for (const edition of editions) {
      const issue = await build(edition, llmWriter(llm, { claimCheck: true }));
      for (const claim of subtleClaims) expect(published(issue), `${edition.id}: ${claim}`).not.toContain(claim);
      expect(issue.notes.filter((n) => n.code === "fallback")).toEqual([]);
    }
  });

  it("leaves a true sentence alone: an honest model's issue loses nothing to the check", async () => {
    const llm = await fakeModel((req) => answer(req));
    for (const edition of editions) {
      const plain = await build(edition, llmWriter(llm));
      const checked = await build(edition, llmWriter(llm, { claimCheck: true }));
      expect(checked.sections).toEqual(plain.sections);
      expect(checked.notes.filter((n) => n.code === "claim-check")).toEqual([]);
    }
  });

  it("has the offline writer write a section whose check gets no valid answer, rather than print it unchecked", async () => {
    const llm = await fakeModel((req) =>
      kindOf(req) === "claim-check" ? '{"claims": "all fine"}' : answer(req, "cunning"),
    );
    const issue = await build(editions[0] as EditionDefinition, llmWriter(llm, { claimCheck: true }));
    const offline = await writeIssue(editions[0] as EditionDefinition, day, { now: new Date("2025-12-02T06:00:00Z") });
    const fallback = issue.notes.filter((n) => n.code === "fallback");
    expect(fallback.map((n) => n.section)).toEqual(["top-stories", "implications"]);
    expect(fallback[0]?.message).toContain("claims: Invalid input");
    expect(issue.sections).toEqual(offline.sections);
    for (const claim of cunningClaims) expect(published(issue)).not.toContain(claim);
  });

  it("stops asking once the issue reaches llm.maxCostPerIssueUsd; the rest is written offline", async () => {
    const llm = await fakeModel((req) => ({ content: answer(req), promptTokens: 10_000, completionTokens: 1000 }));
    // Each request costs $0.035 at these prices: the cap allows two.
    const writer = llmWriter(llm, { maxCostPerIssueUsd: 0.06 });
    const issue = await build(editions[1] as EditionDefinition, writer);
    expect(llm.requests).toHaveLength(2);
    const fallback = issue.notes.filter((n) => n.code === "fallback");
    expect(fallback.length).toBeGreaterThan(2);
    for (const note of fallback) expect(note.message).toContain("llm.maxCostPerIssueUsd");
    expect(writer.usage().costUsd).toBe(0.07);
  });
});
