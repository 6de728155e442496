import { describe, expect, it } from "vitest";
import { classifyTopic } from "./topics.ts";

const one = (title: string, text = "", kind = "news") => [{ title, text, sourceKinds: [kind] }];

describe("classifyTopic", () => {
  it.each([
    ["Amazon pours $11B into Indiana data centres for 2.2 gigawatts of power", "compute"],
    ["Anthropic opens a standard for agent skills", "agents"],
    ["Xiaomi releases a 309B-parameter open-weights reasoning model", "models"],
    ["Black Forest Labs raises $300 million at a $3.25 billion valuation", "money"],
    ["Senate drops state AI law pre-emption from the defence bill", "policy"],
    ["Meta hires Apple's interface design chief Alan Dye", "people"],
    ["React2Shell: patch React Server Components now (CVE-2025-55182)", "software"],
    ["TypeScript compiler is being rewritten in Go for a 10x speedup", "software"],
    ["US unveils new curbs on China's chip industry", "policy"],
  ])("files %s under %s", (title, topic) => {
    expect(classifyTopic(one(title)).topic).toBe(topic);
  });

  it("files arXiv papers under Research", () => {
    expect(
      classifyTopic(one("Gated attention for large language models", "We study gating in attention layers.", "arxiv"))
        .topic,
    ).toBe("research");
  });
});
