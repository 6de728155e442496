import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoSources, startDemoSite } from "../../src/cli/demo-site.ts";
import { configSchema } from "../../src/config/schema.ts";
import { loadEdition } from "../../src/editions/definition.ts";
import { LlmWriter } from "../../src/editions/llm/llm-writer.ts";
import { OfflineWriter } from "../../src/editions/offline/offline-writer.ts";
import { silentLogger } from "../../src/log.ts";
import type { Issue } from "../../src/model/issue.ts";
import { buildIssue } from "../../src/pipeline/build-issue.ts";
import { runIngest } from "../../src/pipeline/run-ingest.ts";
import { type Db, openDb } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { SourcesRepo } from "../../src/store/sources-repo.ts";
import { StoriesRepo } from "../../src/store/stories-repo.ts";
import { type FakeLlm, startFakeLlm } from "../helpers/fake-llm.ts";
import { testFetcher } from "../helpers/fetcher.ts";
import { kindOf } from "./llm-model-script.ts";
import { loadRecorded, recordedAnswer } from "./recorded-model.ts";

/**
 * The LLM writer on the demo corpus, answered by a stand-in that replays answers recorded in the house voice for two
 * demo days (test/editions/recorded/). Measures what the issue #10 bar asks: the share of the sections a model
 * writes that it fills without falling back, and the tokens and cost per issue (at example prices of $0.40 and
 * $1.60 per million prompt and completion tokens; the stand-in counts a token per four characters). Each day is
 * built as if it were the first issue of its edition: the later day first, since an earlier issue changes what the
 * next one selects.
 */

/** Per day and edition: the sections a model is asked for, and pieces of the recorded answers that must be printed. */
const days: Record<string, Record<"digest" | "briefing", { asked: number; printed: string[] }>> = {
  "2025-12-03": {
    digest: {
      asked: 2,
      printed: [
        "Anthropic buys Bun, the JavaScript runtime Claude Code ships on, and keeps it open source under the MIT licence",
        "Anthropic hires Wilson Sonsini to prepare a possible IPO as early as 2026",
        "Coding agents are big business",
        "Plan hardware buys early",
      ],
    },
    briefing: {
      asked: 7,
      printed: [
        "[OPEN MODELS AND PUBLIC MONEY]",
        "Third-quarter revenue grew 9% to $10.26 billion, and the shares rose in extended trading after the results.",
        "Anthropic buys Bun and says Claude Code passed a $1 billion run-rate",
        "Debt, not just cash flow, now pays for the data-centre build-out.",
        "Teams with puzzle-like tasks and little data can try a tiny recursive model before reaching for a large language model.",
        "Tobias worries Bun will be tuned for agent workloads first; Leona answers that the MIT licence lets the community fork it if that happens.",
      ],
    },
  },
  "2025-12-02": {
    digest: {
      asked: 2,
      printed: [
        "AWS makes Trainium3 UltraServers generally available and says Trainium4 will plug into Nvidia's NVLink Fusion",
        "Mistral releases the Mistral 3 open-weight family, from phone-sized models to a 675B mixture of experts",
        "Price training on two suppliers",
        "One licence from phone to server",
      ],
    },
    briefing: {
      asked: 6,
      printed: [
        "[SILICON AND OPEN WEIGHTS]",
        "Released V3.2 and V3.2-Speciale with open MIT-licensed weights built on DeepSeek Sparse Attention.",
        "Released Gen-4.5, which tops the Artificial Analysis text-to-video leaderboard with 1,247 points, ahead of Google and OpenAI.",
        "Sparse attention cuts compute and memory traffic on long contexts, which let DeepSeek lower its API prices.",
        "Teams that need reasoning on small hardware can start from the six distilled models, from 1.5B to 70B parameters, built on Qwen and Llama.",
        "The hosts explain why Trainium4 will support Nvidia's NVLink Fusion, letting Trainium sit in rack designs alongside Nvidia GPUs.",
      ],
    },
  },
};
const config = configSchema.parse({
  allowPrivateNetworks: true,
  fetch: { politenessDelayMs: 0, perHostConcurrency: 8 },
});
let dir: string;
let db: Db;
let deps: Parameters<typeof buildIssue>[0];
let llm: FakeLlm;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "daybrief-recorded-"));
  db = await openDb(`sqlite:${join(dir, "db.sqlite")}`);
  const site = await startDemoSite();
  const sources = new SourcesRepo(db);
  const items = new ItemsRepo(db);
  await addDemoSources(sources, site);
  const fetcher = testFetcher({ perHostConcurrency: 8 });
  await runIngest({ sources, items, fetcher, config, log: silentLogger }, { all: true });
  await fetcher.close();
  await site.close();
  deps = { items, sources, stories: new StoriesRepo(db), issues: new IssuesRepo(db), config, log: silentLogger };
  // Each request is answered from the recordings of the day its prompt is for.
  const recordings = new Map(Object.keys(days).map((d) => [d, loadRecorded(d)]));
  llm = await startFakeLlm((req) => {
    // The day the prompt names, else (a podcast or a claim check names none) the day whose recordings have its story.
    const day =
      Object.keys(days).find((d) => req.prompt.includes(longDate(d))) ??
      [...recordings.keys()].find((d) => JSON.stringify(recordings.get(d)).includes(`"${pathOf(req.prompt)}"`)) ??
      (kindOf(req) === "claim-check" ? Object.keys(days)[0] : "");
    const recorded = recordings.get(day ?? "");
    if (!recorded) throw new Error(`No recordings for the prompt: ${req.prompt.slice(0, 120)}`);
    return recordedAnswer(recorded, req);
  });
}, 180_000);

afterAll(async () => {
  await llm?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function writer(claimCheck = false): LlmWriter {
  return new LlmWriter({
    baseUrl: llm.baseUrl,
    model: "recorded",
    apiKey: null,
    timeoutMs: 20_000,
    retries: 2,
    maxTokens: 1500,
    temperature: 0.3,
    inputCostPerMillion: 0.4,
    outputCostPerMillion: 1.6,
    offline: new OfflineWriter(),
    retryDelayMs: 0,
    claimCheck,
  });
}

const published = (issue: Issue) => JSON.stringify({ ...issue, notes: [] });

/** The URL path of the first source a prompt shows. */
function pathOf(prompt: string): string {
  const url = /<(https?:\/\/[^>]+)>/.exec(prompt)?.[1];
  return url ? new URL(url).pathname : "";
}

/** "December 2, 2025": how prompts name the day. */
function longDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", {
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}

describe("the LLM writer on the demo corpus, with recorded answers", () => {
  for (const [date, editions] of Object.entries(days))
    for (const edition of ["digest", "briefing"] as const) {
      it(`${date}: fills every section of the ${edition} a model writes, in its own words, and accounts for it`, async () => {
        const before = llm.requests.length;
        const w = writer();
        const issue = await buildIssue(deps, { edition: loadEdition(edition), date, writer: w });
        const asked = llm.requests.slice(before).filter((r) => !r.retry && kindOf(r) !== "claim-check");
        const failed = w.usage().failedSections;
        const share = (asked.length - failed.length) / asked.length;
        const usage = w.usage();

        const checked = writer(true);
        const start = llm.requests.length;
        const withCheck = await buildIssue(deps, { edition: loadEdition(edition), date, writer: checked });
        const checks = llm.requests.slice(start).filter((r) => kindOf(r) === "claim-check").length;
        console.log(
          JSON.stringify({
            edition,
            date,
            sectionsAsked: asked.length,
            filled: asked.length - failed.length,
            share,
            retries: llm.requests.slice(before, start).filter((r) => r.retry).length,
            promptTokens: usage.prompt,
            completionTokens: usage.completion,
            costUsd: usage.costUsd,
            withClaimCheck: { checks, ...checked.usage(), failedSections: undefined },
          }),
        );

        console.log(
          "KINDS",
          asked.map(kindOf).join(","),
          "\nNOTES",
          issue.notes.map((n) => `${n.code}: ${n.section} ${n.message}`).join("\nNOTES "),
        );
        expect(asked.length).toBe(editions[edition].asked);
        expect(failed).toEqual([]);
        expect(share).toBe(1);
        expect(issue.notes.filter((n) => n.code === "fallback")).toEqual([]);
        // Faithful answers: the grounding check and the claim check drop nothing of them.
        expect(issue.notes.filter((n) => n.code === "grounding")).toEqual([]);
        expect(withCheck.notes.filter((n) => n.code === "claim-check" || n.code === "fallback")).toEqual([]);
        expect(withCheck.sections).toEqual(issue.sections);
        // The model's words are what is printed.
        const text = published(issue);
        // Pieces of the recorded answers for the stories this day's selection gives each section.
        const expected = editions[edition].printed;
        for (const piece of expected) expect(text, piece).toContain(JSON.stringify(piece).slice(1, -1));
        expect(usage.costUsd).toBeGreaterThan(0);
        expect(usage.calls).toBe(asked.length);
        expect(checks).toBeGreaterThan(0);
      }, 120_000);
    }
});
