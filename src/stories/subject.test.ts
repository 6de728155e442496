import { describe, expect, it } from "vitest";
import { extractEntities } from "../text/entities/extract-entities.ts";
import { productMaker } from "../text/entities/product-makers.ts";
import { storySubject } from "./subject.ts";

/** The subject of a one-item story with this title (and text), as the stage reads it. */
function subjectOf(title: string, text = "", source?: string) {
  const entities = extractEntities(`${title}\n\n${text}`);
  return storySubject([{ title, entities, ...(source ? { source } : {}) }]);
}

describe("storySubject", () => {
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

  it("takes a headline's opening name before a verb even when no table knows it", () => {
    expect(subjectOf("Etched raises $120M to build Sohu", "Primary Venture Partners led the round.")?.name).toBe(
      "Etched",
    );
  });

  it("files a move under its destination and a lawsuit under its target", () => {
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
