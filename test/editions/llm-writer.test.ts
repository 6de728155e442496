import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeIssue } from "../../src/editions/build-issue.ts";
import { type EditionDefinition, loadEdition } from "../../src/editions/definition.ts";
import { type LlmCache, MemoryLlmCache } from "../../src/editions/llm/llm-cache.ts";
import { LlmWriter, type LlmWriterOptions } from "../../src/editions/llm/llm-writer.ts";
import { issueWriterInfo } from "../../src/editions/llm/usage.ts";
import { OfflineWriter } from "../../src/editions/offline/offline-writer.ts";
import type { Issue, Section } from "../../src/model/issue.ts";
import { LlmCacheRepo } from "../../src/store/llm-cache-repo.ts";
import { type FakeLlm, type FakeRequest, type FakeScript, fakeTokens, startFakeLlm } from "../helpers/fake-llm.ts";
import { testStores } from "../helpers/stores.ts";
import { llmTestDay } from "./llm-day.ts";
import { answer, invented, kindOf, subtleClaims, subtleLies } from "./llm-model-script.ts";

const digest = loadEdition("digest");
const briefing = loadEdition("briefing");
const day = llmTestDay();
const sourceUrls = new Set(day.stories.flatMap((s) => s.items.map((i) => i.url)));
/** The sections of each edition a model writes (the others need no writing). */
const written = {
  digest: ["top-stories", "implications"],
  briefing: ["theme", "market-pulse", "quote", "deep-dive", "rapid-fire", "research-corner", "podcast"],
};

const servers: FakeLlm[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
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
    apiKey: "test-key",
    timeoutMs: 5000,
    retries: 2,
    maxTokens: 800,
    temperature: 0.2,
    inputCostPerMillion: 2.5,
    outputCostPerMillion: 10,
    offline: new OfflineWriter(),
    retryDelayMs: 0,
    ...options,
  });
}

const offlineIssue = (edition: EditionDefinition) =>
  writeIssue(edition, day, { now: new Date("2025-12-02T06:00:00Z") });
const llmIssue = (edition: EditionDefinition, writer: LlmWriter) =>
  writeIssue(edition, day, { writer, now: new Date("2025-12-02T06:00:00Z") });

/** Everything a reader sees: the issue without the editor's notes. */
function published(issue: Issue): string {
  return JSON.stringify({ ...issue, notes: [] });
}

function section(issue: Issue, id: string): Section | undefined {
  return issue.sections.find((s) => s.id === id);
}

function citationUrls(issue: Issue): string[] {
  return issue.sections.flatMap((s) => {
    if (s.kind === "stories") return s.stories.flatMap((b) => b.citations.map((c) => c.url));
    if (s.kind === "groups") return s.groups.flatMap((g) => g.stories.flatMap((b) => b.citations.map((c) => c.url)));
    if (s.kind === "bullets" || s.kind === "market") return s.citations.map((c) => c.url);
    if (s.kind === "quote") return [s.citation.url];
    return [];
  });
}

describe("LLM writer against a scripted chat-completions server", () => {
  it("uses valid answers for every section a model writes, citing only the sources", async () => {
    const llm = await fakeModel((req) => answer(req));
    for (const edition of [digest, briefing]) {
      const before = llm.requests.length;
      const offline = await offlineIssue(edition);
      const issue = await llmIssue(edition, llmWriter(llm));
      expect(issue.sections.map((s) => s.id)).toEqual(offline.sections.map((s) => s.id));
      expect(issue.notes).toEqual([]);
      for (const id of written[edition.id as "digest" | "briefing"]) {
        expect(section(issue, id), `${edition.id}/${id}`).toBeDefined();
        expect(JSON.stringify(section(issue, id)), `${edition.id}/${id} is the model's`).not.toEqual(
          JSON.stringify(section(offline, id)),
        );
      }
      expect(llm.requests.length - before).toBe(written[edition.id as "digest" | "briefing"].length);
      for (const url of citationUrls(issue)) expect(sourceUrls.has(url)).toBe(true);
    }

    const digestIssue = await llmIssue(digest, llmWriter(llm));
    const top = section(digestIssue, "top-stories");
    expect(top?.kind === "stories" && top.stories.map((b) => b.headline)).toEqual([
      "Nvidia puts $2 billion into Synopsys to pull chip design onto its GPUs",
      "Black Forest Labs raises $300 million for its FLUX image models",
      "AWS puts 144 Trainium3 chips in every UltraServer",
    ]);
    expect(digestIssue.title.startsWith("Nvidia puts $2 billion into Synopsys")).toBe(true);
    const briefingIssue = await llmIssue(briefing, llmWriter(llm));
    expect(section(briefingIssue, "theme")?.heading).toBe("[CHIPS, CAPITAL AND CLOUDS]");
    const quote = section(briefingIssue, "quote");
    expect(quote?.kind === "quote" && quote.speaker).toBe("Robin Rombach");
    const rapid = section(briefingIssue, "rapid-fire");
    // The model's label where it gave one, the topic's otherwise; no story of the sections above returns.
    expect(rapid?.kind === "groups" && rapid.groups.map((g) => g.label)).toEqual(["Agents at Work", "Models"]);
    // Labelled with the company its line opens with ("Anthropic said on Monday that developers can…").
    expect(rapid?.kind === "groups" && rapid.groups[0]?.stories.map((b) => b.subject)).toEqual([
      "Anthropic",
      "Microsoft",
    ]);
    const deep = section(briefingIssue, "deep-dive");
    expect(deep?.kind === "stories" && deep.stories[0]?.headline).toBe(
      "Oracle locks in 1.2 GW of power for its Texas AI campus",
    );
    expect(deep?.kind === "stories" && deep.stories[0]?.notes.map((n) => n.label)).toEqual([
      "The Tactical Edge",
      "The Alpha",
    ]);

    const [first] = llm.requests;
    expect(first?.authorization).toBe("Bearer test-key");
    expect(first?.body).toMatchObject({
      model: "fake-model",
      temperature: 0.2,
      max_tokens: 800,
      response_format: { type: "json_object" },
    });
    expect(first?.system).toContain("Use only facts stated in the sources");
    expect(first?.prompt).toContain('{"stories": [{"id": "S1", "headline": "…", "paragraph": "…"}]}');
    expect(first?.prompt).toContain("<https://wirebeat.example/nv1>");
  });

  it("prints none of a subtle liar's changed figures or invented attributions, in either edition", async () => {
    const llm = await fakeModel((req) => answer(req, "subtle"));
    let lies = 0;
    for (const edition of [digest, briefing]) {
      const issue = await llmIssue(edition, llmWriter(llm));
      const text = published(issue);
      for (const claim of subtleClaims) expect(text, `${edition.id}: ${claim}`).not.toContain(claim);
      lies += issue.notes.filter((n) => n.code === "grounding").length;
      // Mostly true answers: the sections stay the model's, only the false sentences go.
      expect(issue.notes.filter((n) => n.code === "fallback")).toEqual([]);
    }
    // The liar's answers reached the issue builder and were caught there (not merely never asked for).
    expect(
      llm.requests.filter((r) => subtleLies.some(([, lie]) => answer(r, "subtle").includes(lie))).length,
    ).toBeGreaterThan(3);
    expect(lies).toBeGreaterThan(3);
  });

  it("catches every invented number, name, quote and percentage, and tells the editor", async () => {
    const llm = await fakeModel((req) => answer(req, "lying"));
    for (const edition of [digest, briefing]) {
      const issue = await llmIssue(edition, llmWriter(llm));
      const grounding = issue.notes.filter((n) => n.code === "grounding");
      for (const claim of invented[edition.id as "digest" | "briefing"]) {
        expect(published(issue), `${edition.id}: ${claim} is published`).not.toContain(claim);
        expect(
          grounding.some((n) => n.message.includes(claim)),
          `${edition.id}: ${claim} is reported`,
        ).toBe(true);
      }
      expect(issue.notes.filter((n) => n.code === "fallback")).toEqual([]);
    }
    const digestIssue = await llmIssue(digest, llmWriter(llm));
    // What the model got right stays: only the unsupported sentences go.
    expect(published(digestIssue)).toContain("Nvidia bought $2 billion of Synopsys stock at $414.79 a share.");
    expect(published(digestIssue)).toContain("Image models stay well funded");
    const top = section(digestIssue, "top-stories");
    expect(top?.kind === "stories" && top.stories[0]?.headline).toBe(
      "Nvidia buys $2 billion of Synopsys stock, widens chip-design software tie-up",
    );

    const briefingIssue = await llmIssue(briefing, llmWriter(llm));
    // Headings and quotes are not the model's to invent: an unsupported theme gives way to the topic, and the
    // quote is one found word for word in the sources.
    expect(published(briefingIssue)).not.toMatch(/zentrix/i);
    expect(section(briefingIssue, "theme")?.heading).toBe("[THE COMPUTE MOAT]");
    const rapid = section(briefingIssue, "rapid-fire");
    // The compute stories are told above (the themed header, the market read, the Deep Dive): one section each.
    expect(rapid?.kind === "groups" && rapid.groups.map((g) => g.label)).toEqual(["Agents at Work", "Models"]);
    expect(published(briefingIssue)).not.toContain("We will own every chip on Earth");
    const quote = section(briefingIssue, "quote");
    expect(quote?.kind).toBe("quote");
    if (quote?.kind === "quote") {
      const texts = day.stories.flatMap((s) => s.items.map((i) => i.text));
      expect(texts.some((t) => t.includes(quote.quote.replace(/\.$/, "")) && t.includes(quote.speaker))).toBe(true);
    }
  });

  it("asks again about a name the entity extractor does not know, and falls back if the model insists", async () => {
    const withUnknownName = (req: FakeRequest) => {
      const parsed = JSON.parse(answer(req)) as { bullets: Array<{ text: string }> };
      const [first] = parsed.bullets;
      if (first)
        first.text =
          "Nvidia partnered with Quillion on design tools, so hardware teams should plan for GPU-backed workflows.";
      return JSON.stringify(parsed);
    };
    const fixed = await fakeModel((req) =>
      kindOf(req) === "implications" && !req.retry ? withUnknownName(req) : answer(req),
    );
    const issue = await llmIssue(digest, llmWriter(fixed));
    expect(fixed.requests.find((r) => r.retry)?.last).toContain("capitalised words no source contains: Quillion");
    expect(published(issue)).not.toContain("Quillion");
    expect(issue.notes).toEqual([]);

    const insisting = await fakeModel((req) => (kindOf(req) === "implications" ? withUnknownName(req) : answer(req)));
    const fellBack = await llmIssue(digest, llmWriter(insisting));
    expect(published(fellBack)).not.toContain("Quillion");
    expect(fellBack.notes).toEqual([
      expect.objectContaining({
        code: "fallback",
        section: "implications",
        message: expect.stringContaining("Quillion"),
      }),
      // The offline writer has one bullet whose sources say why it matters, and says so rather than padding.
      expect.objectContaining({
        code: "thin-day",
        section: "implications",
        message: expect.stringContaining("3 of 4"),
      }),
    ]);
  });

  it("retries invalid JSON, saying what was wrong, then falls back to the offline writer for that section", async () => {
    const llm = await fakeModel((req) =>
      kindOf(req) === "top-stories" ? 'Sure! Here are the stories: {"stories": [oops' : answer(req),
    );
    const writer = llmWriter(llm);
    const issue = await llmIssue(digest, writer);
    const offline = await offlineIssue(digest);

    const tries = llm.requests.filter((r) => kindOf(r) === "top-stories");
    expect(tries).toHaveLength(3);
    expect(tries.map((r) => r.retry)).toEqual([false, true, true]);
    expect(tries[1]?.last).toContain("the answer is not a JSON object");
    expect(tries[2]?.body.messages.filter((m) => m.role === "assistant")).toHaveLength(2);

    expect(section(issue, "top-stories")).toEqual(section(offline, "top-stories"));
    const fallback = issue.notes.filter((n) => n.code === "fallback");
    expect(fallback).toHaveLength(1);
    expect(fallback[0]).toMatchObject({ level: "warning", section: "top-stories" });
    expect(fallback[0]?.message).toContain("not a JSON object");
    expect(fallback[0]?.message).toContain("no usable answer in 3 attempts");
    expect(writer.usage().failedSections).toEqual(["top-stories"]);
    const bullets = section(issue, "implications");
    expect(bullets?.kind === "bullets" && bullets.lines[0]?.lead).toBe("Design tools go GPU-first");
  });

  it("sends a wrongly shaped answer back with its problems and uses the corrected one", async () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");
    const llm = await fakeModel((req) => {
      if (kindOf(req) !== "top-stories" || req.retry) return answer(req);
      return JSON.stringify({
        stories: [
          { id: "S1", headline: long, paragraph: "Nvidia bought Synopsys stock." },
          { id: "S2", headline: "Black Forest Labs raises money", paragraph: "It did." },
        ],
      });
    });
    const writer = llmWriter(llm);
    const issue = await llmIssue(digest, writer);
    const retry = llm.requests.find((r) => r.retry);
    expect(retry?.last).toContain("stories.0.headline: 30 words, at most 24 allowed");
    expect(retry?.last).toContain("missing S3");
    expect(issue.notes).toEqual([]);
    const top = section(issue, "top-stories");
    expect(top?.kind === "stories" && top.stories[2]?.headline).toBe(
      "AWS puts 144 Trainium3 chips in every UltraServer",
    );
    expect(writer.usage()).toMatchObject({ calls: 3, failedSections: [] });
  });

  it("falls back section by section on a timeout and a 500, and the issue is still complete", async () => {
    const llm = await fakeModel((req) => {
      const kind = kindOf(req);
      if (kind === "market") return { delayMs: 1500, reply: answer(req) };
      if (kind === "deep-dive") return { status: 500 };
      return answer(req);
    });
    const writer = llmWriter(llm, { timeoutMs: 300, retries: 1 });
    const issue = await llmIssue(briefing, writer);
    const offline = await offlineIssue(briefing);

    expect(issue.sections.map((s) => s.id)).toEqual(offline.sections.map((s) => s.id));
    expect(section(issue, "market-pulse")).toEqual(section(offline, "market-pulse"));
    expect(section(issue, "deep-dive")).toEqual(section(offline, "deep-dive"));
    const fallback = issue.notes.filter((n) => n.code === "fallback");
    expect(fallback.map((n) => n.section).sort()).toEqual(["deep-dive", "market-pulse"]);
    expect(fallback.find((n) => n.section === "market-pulse")?.message).toContain("within 300 ms");
    expect(fallback.find((n) => n.section === "deep-dive")?.message).toContain("answered 500");
    expect(llm.requests.filter((r) => kindOf(r) === "market")).toHaveLength(2);
    expect(llm.requests.filter((r) => kindOf(r) === "deep-dive")).toHaveLength(2);
    expect(writer.usage().failedSections.sort()).toEqual(["deep-dive", "market-pulse"]);
    // The sections around them are still the model's.
    const rapid = section(issue, "rapid-fire");
    expect(rapid?.kind === "groups" && rapid.groups[0]?.label).toBe("Agents at Work");
  });

  it("retries a rate-limited request and uses the answer that follows", async () => {
    let limited = true;
    const llm = await fakeModel((req) => {
      if (limited) {
        limited = false;
        return { status: 429, body: JSON.stringify({ error: { message: "Rate limit reached" } }) };
      }
      return answer(req);
    });
    const writer = llmWriter(llm);
    const issue = await llmIssue(digest, writer);
    expect(issue.notes).toEqual([]);
    expect(llm.requests.map(kindOf)).toEqual(["top-stories", "top-stories", "implications"]);
    expect(writer.usage()).toMatchObject({ calls: 2, failedSections: [] });
  });

  it("stops asking after a rejected key: one request, every section falls back, the editor is told", async () => {
    const llm = await fakeModel(() => ({
      status: 401,
      body: JSON.stringify({ error: { message: "Incorrect API key provided" } }),
    }));
    const writer = llmWriter(llm);
    const issue = await llmIssue(briefing, writer);
    const offline = await offlineIssue(briefing);
    expect(llm.requests).toHaveLength(1);
    expect(issue.sections).toEqual(offline.sections);
    const fallback = issue.notes.filter((n) => n.code === "fallback");
    expect(fallback.map((n) => n.section)).toEqual(written.briefing);
    for (const note of fallback) expect(note.message).toContain("answered 401: Incorrect API key provided");
    expect(writer.usage()).toMatchObject({ calls: 0, prompt: 0, failedSections: written.briefing });
  });

  it("asks again without response_format when an endpoint rejects it", async () => {
    const llm = await fakeModel((req) =>
      req.body.response_format
        ? { status: 400, body: JSON.stringify({ error: { message: "Unknown parameter: 'response_format'." } }) }
        : answer(req),
    );
    const issue = await llmIssue(digest, llmWriter(llm));
    expect(issue.notes).toEqual([]);
    expect(llm.requests.map((r) => Boolean(r.body.response_format))).toEqual([true, false, false]);
  });

  it("adapts to endpoints that want max_completion_tokens and no temperature (OpenAI reasoning models)", async () => {
    const llm = await fakeModel((req) => {
      if ("max_tokens" in req.body) {
        return {
          status: 400,
          body: JSON.stringify({
            error: {
              message:
                "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
            },
          }),
        };
      }
      if ("temperature" in req.body) {
        return {
          status: 400,
          body: JSON.stringify({
            error: { message: "Unsupported value: 'temperature' does not support 0.2 with this model." },
          }),
        };
      }
      return answer(req);
    });
    const issue = await llmIssue(digest, llmWriter(llm));
    expect(issue.notes).toEqual([]);
    expect(llm.requests).toHaveLength(4);
    expect(llm.requests.at(-1)?.body).toMatchObject({ max_completion_tokens: 800 });
    expect(llm.requests.at(-1)?.body).not.toHaveProperty("temperature");
  });

  it("accepts answers wrapped in prose and a Markdown fence (endpoints that ignore response_format)", async () => {
    const llm = await fakeModel(
      (req) =>
        `Here is the JSON you asked for:\n\n\`\`\`json\n${answer(req)}\n\`\`\`\nLet me know if you need changes.`,
    );
    const issue = await llmIssue(briefing, llmWriter(llm));
    expect(issue.notes).toEqual([]);
    expect(section(issue, "theme")?.heading).toBe("[CHIPS, CAPITAL AND CLOUDS]");
  });

  it("reads prompts from promptsDir first, the bundled ones otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "daybrief-prompts-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      join(dir, "top-stories.md"),
      "<!-- a note for editors -->\nWrite today's top stories, {{count}} of them, our way.\n\n{{sources}}",
    );
    writeFileSync(join(dir, "tone-digest.md"), "Dry and precise.");
    const llm = await fakeModel((req) => answer(req));
    await llmIssue(digest, llmWriter(llm, { promptsDir: dir }));
    const [top, implications] = llm.requests;
    expect(top?.prompt.startsWith("Write today's top stories, 3 of them, our way.\n\n[S1]")).toBe(true);
    expect(top?.prompt).not.toContain("a note for editors");
    expect(top?.system).toContain("Voice: Dry and precise.");
    expect(implications?.prompt).toContain('{"bullets": [{"lead": "…", "text": "…", "stories": ["S1"]}]}');
  });
});

describe("LLM writer's cache and account", () => {
  const caches: Array<{ name: string; create: () => Promise<LlmCache | null> }> = [
    { name: "memory", create: async () => new MemoryLlmCache() },
    ...testStores().map((kind) => ({
      name: kind.name,
      create: async () => {
        const store = await kind.create();
        if (!store) return null;
        const db = await store.open();
        cleanups.push(async () => {
          await db.close();
          await store.cleanup();
        });
        return new LlmCacheRepo(db);
      },
    })),
  ];

  for (const kind of caches) {
    it(`answers a rebuild with the same inputs from the cache (${kind.name}): no requests, tokens counted as cached`, async (ctx) => {
      const cache = await kind.create();
      if (!cache) return ctx.skip();
      const llm = await fakeModel((req) => answer(req));
      const first = llmWriter(llm, { cache });
      const built = await llmIssue(briefing, first);
      const paid = first.usage();
      expect(paid.calls).toBe(written.briefing.length);
      expect(paid.cacheHits).toBe(0);

      const second = llmWriter(llm, { cache });
      const rebuilt = await llmIssue(briefing, second);
      expect(llm.requests).toHaveLength(paid.calls);
      expect(rebuilt.sections).toEqual(built.sections);
      expect(second.usage()).toEqual({
        model: "fake-model",
        prompt: 0,
        completion: 0,
        costUsd: 0,
        cached: paid.prompt + paid.completion,
        cacheHits: paid.calls,
        calls: 0,
        failedSections: [],
      });

      // Another model is another key: it is asked.
      await llmIssue(briefing, llmWriter(llm, { cache, model: "other-model" }));
      expect(llm.requests).toHaveLength(2 * paid.calls);
    });
  }

  it("adds up tokens and cost per issue, retries included, and reports them for Issue.writer", async () => {
    let invalidOnce = true;
    const llm = await fakeModel((req) => {
      if (kindOf(req) === "implications" && invalidOnce) {
        invalidOnce = false;
        return { content: "{}", promptTokens: 1000, completionTokens: 100 };
      }
      return { content: answer(req), promptTokens: 1000, completionTokens: 100 };
    });
    const writer = llmWriter(llm);
    await llmIssue(digest, writer);
    expect(writer.usage()).toEqual({
      model: "fake-model",
      prompt: 3000,
      completion: 300,
      costUsd: 0.0105,
      cached: 0,
      cacheHits: 0,
      calls: 3,
      failedSections: [],
    });
    expect(issueWriterInfo(writer)).toEqual({
      name: "llm",
      model: "fake-model",
      tokens: { prompt: 3000, completion: 300 },
      costUsd: 0.0105,
    });
    expect(issueWriterInfo(new OfflineWriter())).toEqual({
      name: "offline",
      model: null,
      tokens: { prompt: 0, completion: 0 },
      costUsd: null,
    });

    // A new issue starts a new account; the server's own usage figures add up to it; no prices, no cost.
    const counted = await fakeModel((req) => answer(req));
    const unpriced = llmWriter(counted, { inputCostPerMillion: null, outputCostPerMillion: null });
    await llmIssue(briefing, unpriced);
    const usage = unpriced.usage();
    const prompt = counted.requests.reduce((n, r) => n + fakeTokens(r.body.messages.map((m) => m.content).join("")), 0);
    const completion = counted.requests.reduce((n, r) => n + fakeTokens(answer(r)), 0);
    expect(usage).toMatchObject({ prompt, completion, costUsd: null, calls: counted.requests.length });
    unpriced.resetUsage();
    expect(unpriced.usage()).toMatchObject({ prompt: 0, completion: 0, calls: 0 });
  });
});
