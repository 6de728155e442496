import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEdition } from "../definition.ts";
import { bundledPromptsDir, PromptFiles, promptNames } from "./prompts.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("section prompts", () => {
  it.each(promptNames)("%s.md states the exact JSON shape and takes its sources", (name) => {
    const text = new PromptFiles().read(name) ?? "";
    const shape = text.split("\n").findLast((line) => line.startsWith('{"'));
    expect(shape, `${name}.md has a JSON shape line`).toBeDefined();
    expect(() => JSON.parse(shape ?? "")).not.toThrow();
    expect(text).toMatch(name === "quote" ? /\{\{candidates\}\}/ : /\{\{sources\}\}/);
    expect(text).not.toContain("<!--");
    expect(readFileSync(join(bundledPromptsDir(), `${name}.md`), "utf8")).toContain("<!--");
  });

  it("builds a system message in the edition's voice and fills the placeholders", () => {
    const [system, user] = new PromptFiles().messages("top-stories", loadEdition("briefing"), {
      count: "3",
      headlineWords: "22",
      sources: "[S1] …",
    });
    expect(system?.role).toBe("system");
    expect(system?.content).toContain("Daybrief Briefing");
    expect(system?.content).toContain("investor-minded");
    expect(user?.content).toContain("3 stories");
    expect(user?.content).toContain("at most 22 words");
    expect(user?.content).toContain("[S1] …");
    expect(user?.content).not.toMatch(/\{\{\w+\}\}/);
  });

  it("prefers the user's folder file by file, and appends sources a prompt does not place", () => {
    const dir = mkdtempSync(join(tmpdir(), "daybrief-prompts-"));
    dirs.push(dir);
    writeFileSync(join(dir, "market.md"), "Say something about {{ticker}}.");
    const prompts = new PromptFiles(dir);
    const [, user] = prompts.messages("market", loadEdition("briefing"), { ticker: "NVDA", sources: "[M1] source" });
    expect(user?.content).toBe("Say something about NVDA.\n\n[M1] source");
    expect(prompts.read("podcast")).toContain("Podcast of the Day");
  });
});
