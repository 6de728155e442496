import { describe, expect, it } from "vitest";
import { extractEntities } from "../text/entities/extract-entities.ts";
import { productMaker } from "../text/entities/product-makers.ts";
import { storySubject } from "./subject.ts";

/** The subject of a one-item story with this title (and text), as the stage reads it. */
function subjectOf(title: string, text = "", source?: string) {
  const entities = extractEntities(`${title}\n\n${text}`);
  return storySubject([{ title, text, entities, ...(source ? { source } : {}) }]);
}

describe("storySubject", () => {
  it("never takes a piece of a longer capitalised phrase for a name", () => {
    expect(
      subjectOf("1000 Layer Networks for Self-Supervised RL: Scaling Depth Can Enable New Goal-Reaching Capabilities"),
    ).toBeNull();
    expect(subjectOf("Less is More: Recursive Reasoning with Tiny Networks")).toBeNull();
    expect(
      subjectOf("SWE-Lancer: Can Frontier LLMs Earn $1 Million from Real-World Freelance Software Engineering?"),
    ).toBeNull();
    // A headline's own opening name stands, and so do names the tables know.
    expect(subjectOf("Arcee AI Launches Trinity, a Family of U.S.-Trained Open-Weight Models")?.name).toBe("Arcee AI");
  });

  it("files a person's story under the organisation they work for when the story names it", () => {
    expect(subjectOf("Lip-Bu Tan named Intel chief executive")?.name).toBe("Intel");
    expect(
      subjectOf(
        "Hock Tan says the AI chip backlog keeps growing",
        "Broadcom CEO Hock Tan told analysts the backlog had grown again.",
      )?.name,
    ).toBe("Broadcom");
    expect(
      subjectOf(
        "Hock Tan says the AI chip backlog keeps growing",
        "Hock Tan told analysts the backlog had grown again. Broadcom shares rose.",
      )?.name,
    ).toBe("Hock Tan");
    expect(
      subjectOf(
        "No teleoperation required: Sunday's Memo learns chores from people wearing gloves",
        "Sunday Robotics, which emerged from stealth in November, thinks it has found a cheaper way. Its co-founder Tony Zhao said it broke records. Zhao said the gloves cost little.",
      )?.name,
    ).toBe("Sunday Robotics");
    expect(
      subjectOf(
        "Mira Murati unveils Tinker, a fine-tuning API",
        "Mira Murati, who founded Thinking Machines Lab, said Tinker is in private beta. Murati said more would follow.",
      )?.name,
    ).toBe("Thinking Machines Lab");
  });
  it("names the company a headline leads with, with its ticker", () => {
    expect(subjectOf("Meta hires Apple design chief Alan Dye")).toEqual({ name: "Meta", ticker: "META" });
    expect(subjectOf("Meta poaches Apple's design chief")).toEqual({ name: "Meta", ticker: "META" });
  });

  it("never takes a headline word, an index or a licence for the subject", () => {
    expect(subjectOf("Why Big Tech keeps spending on Nvidia chips")?.name).toBe("Nvidia");
    expect(subjectOf("What Anthropic's new model means")?.name).toBe("Anthropic");
    expect(subjectOf("Dow Jones Industrial Average slips as Oracle falls")?.name).toBe("Oracle");
    expect(subjectOf("Mistral releases MIT-licensed Devstral 2")?.name).toBe("Mistral AI");
  });

  it("reads a product as its maker", () => {
    expect(subjectOf("AWS Lambda gets durable functions")?.name).toBe("Amazon");
    expect(subjectOf("Claude gets Projects for team knowledge")?.name).toBe("Anthropic");
    expect(subjectOf("Graviton5 arrives with 192 Arm cores")?.name).toBe("Amazon");
    expect(productMaker("Trainium3")).toBe("Amazon");
    expect(productMaker("Macro trends")).toBeNull();
  });

  it("reads a model's name as a model, never as an organisation", () => {
    expect(subjectOf("HunyuanVideo 1.5 puts open video generation on a gaming GPU")?.name).toBe("Tencent");
    expect(productMaker("DynamoDB")).toBeNull();
    expect(
      subjectOf(
        "Next.js middleware bypass (CVE-2025-29927)",
        "Researcher Rachid Allam found the flaw. Allam said more.",
      )?.name,
    ).toBe("Vercel");
    expect(
      subjectOf("Z-Image-Turbo tops the open image leaderboard", "The model comes from Alibaba's Tongyi lab.")?.name,
    ).toBe("Alibaba");
    expect(subjectOf("R1-0528 is out, and nobody has benchmarked it")).toBeNull();
  });

  it("takes a headline's opening name before a verb even when no table knows it", () => {
    expect(subjectOf("Microsoft-backed Builder.ai collapses into insolvency")?.name).toBe("Builder.ai");
    expect(subjectOf("Etched raises $120M to build Sohu", "Primary Venture Partners led the round.")?.name).toBe(
      "Etched",
    );
  });

  it("files a move under its destination and a lawsuit under its target", () => {
    expect(subjectOf("Linda Yaccarino steps down as CEO of X")?.name).toBe("X");
    expect(subjectOf("OpenAI co-founder John Schulman defects to Anthropic")?.name).toBe("Anthropic");
    expect(subjectOf("Reddit sues Anthropic over scraping")?.name).toBe("Anthropic");
  });

  it("reads a company's own post as about the company when its title names no one", () => {
    expect(subjectOf("Introducing structured outputs", "Developers can now ask for JSON.", "OpenAI Blog")?.name).toBe(
      "OpenAI",
    );
    expect(subjectOf("Introducing structured outputs", "Developers can now ask for JSON.")).toBeNull();
  });
});
