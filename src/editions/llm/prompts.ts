import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DaybriefError } from "../../errors.ts";
import { packageRoot } from "../../paths.ts";
import type { EditionDefinition } from "../definition.ts";
import { fill } from "../writer.ts";
import type { ChatMessage } from "./chat-client.ts";

/** One prompt file per kind of content a model writes (editions/prompts/<name>.md). */
export const promptNames = [
  "top-stories",
  "headlines",
  "deep-dive",
  "rapid-fire",
  "research",
  "implications",
  "podcast",
  "market",
  "quote",
  "claim-check",
] as const;
export type PromptName = (typeof promptNames)[number];

/** The bundled prompts: editions/prompts/ of the package. */
export function bundledPromptsDir(): string {
  return join(packageRoot(), "editions", "prompts");
}

/**
 * Reads prompt files: from the user's folder when it has the file, else the bundled one. Comments (`<!-- … -->`)
 * are for the people editing the file and are not sent to the model.
 */
export class PromptFiles {
  readonly #dirs: string[];
  readonly #texts = new Map<string, string | null>();

  constructor(promptsDir?: string | null) {
    this.#dirs = [...(promptsDir ? [promptsDir] : []), bundledPromptsDir()];
  }

  /** The text of `<name>.md`, or null when no folder has it. */
  read(name: string): string | null {
    if (!this.#texts.has(name)) {
      const path = this.#dirs.map((dir) => join(dir, `${name}.md`)).find((p) => existsSync(p));
      const text = path
        ? readFileSync(path, "utf8")
            .replace(/<!--[\s\S]*?-->/g, "")
            .trim()
        : null;
      this.#texts.set(name, text);
    }
    return this.#texts.get(name) ?? null;
  }

  /**
   * The messages for one section: the shared system prompt (system.md, in the edition's voice from
   * tone-<edition>.md or its description) and the section's prompt with its placeholders filled. A prompt without
   * a {{sources}} placeholder gets the sources appended.
   */
  messages(name: PromptName, edition: EditionDefinition, vars: Record<string, string>): ChatMessage[] {
    const template = this.read(name);
    if (template === null) {
      throw new DaybriefError("E_FILE_READ", `No prompt file ${name}.md in ${this.#dirs.join(" or ")}.`);
    }
    const tone = this.read(`tone-${edition.id}`) ?? edition.description;
    const all = { ...vars, editionName: edition.name, editionDescription: edition.description, tone };
    const system = fill(
      this.read("system") ?? "Answer with one JSON object only. Use only facts from the sources.",
      all,
    );
    let user = fill(template, all);
    if (!/\{\{\s*sources\s*\}\}/.test(template) && vars.sources) user = `${user}\n\n${vars.sources}`;
    return [
      { role: "system", content: system },
      { role: "user", content: user },
    ];
  }
}
