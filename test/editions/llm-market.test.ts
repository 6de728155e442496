import { afterEach, describe, expect, it } from "vitest";
import type { DayItem, DayStory } from "../../src/editions/day.ts";
import { loadEdition } from "../../src/editions/definition.ts";
import { LlmWriter } from "../../src/editions/llm/llm-writer.ts";
import { OfflineWriter } from "../../src/editions/offline/offline-writer.ts";
import type { WriteRequest } from "../../src/editions/writer.ts";
import { newsItem } from "../helpers/day-items.ts";
import { type FakeLlm, startFakeLlm } from "../helpers/fake-llm.ts";
import { llmTestDay } from "./llm-day.ts";
import { kindOf } from "./llm-model-script.ts";

/**
 * Market Pulse after a section that told a story at length (an edition that places it below the Deep Dive): neither
 * writer retells that story. The offline read skips its items; the model is not shown them.
 */
const briefing = loadEdition("briefing");
const marketDefinition = briefing.sections.find((s) => s.kind === "market");
const demand = newsItem(
  "nv-demand",
  "Nvidia shares rise as cloud providers add orders for data-centre chips",
  "Nvidia shares rose 3% on Tuesday after two cloud providers said their orders for its data-centre chips would grow next year.",
  "marketwire",
);

function request(): WriteRequest {
  const base = llmTestDay();
  const extra = { ...(base.stories[0] as DayStory), id: "st_demand", items: [demand as DayItem], itemIds: [demand.id] };
  const day = {
    ...base,
    stories: [...base.stories, extra],
    tickers: base.tickers.map((t) => ({ ...t, itemIds: [...t.itemIds, demand.id] })),
  };
  if (!marketDefinition) throw new Error("the briefing has a market section");
  return {
    edition: briefing,
    definition: marketDefinition,
    day,
    selection: { stories: [], items: [], groups: [] },
    vars: {},
    told: ["st_nvidia"],
    toldAtLength: ["st_nvidia"],
  };
}

let llm: FakeLlm | undefined;
afterEach(async () => {
  await llm?.close();
  llm = undefined;
});

describe("Market Pulse skips stories told at length", () => {
  it("shows the model only items of stories not told at length, as the offline read uses", async () => {
    llm = await startFakeLlm(() => ({
      content: JSON.stringify({
        paragraph: "Nvidia shares rose 3% on Tuesday after two cloud providers said their orders would grow next year.",
      }),
    }));
    const writer = new LlmWriter({
      baseUrl: llm.baseUrl,
      model: "fake-model",
      apiKey: "k",
      timeoutMs: 5000,
      retries: 0,
      maxTokens: 400,
      temperature: 0,
      inputCostPerMillion: 0,
      outputCostPerMillion: 0,
      offline: new OfflineWriter(),
      retryDelayMs: 0,
    });
    const draft = await writer.writeSection(request());
    const prompts = llm.requests.filter((r) => kindOf(r) === "market").map((r) => r.prompt);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain(demand.url);
    for (const told of ["nv1", "nv2"]) expect(prompts[0]).not.toContain(`.example/${told}>`);
    expect(draft?.evidence.map((i) => i.id)).toEqual([demand.id]);

    const offline = await new OfflineWriter().writeSection(request());
    expect(offline?.evidence.map((i) => i.id)).toEqual([demand.id]);
  });
});
