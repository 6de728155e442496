import { Command, CommanderError } from "commander";
import { DaybriefError } from "../errors.ts";
import { registerArticle } from "./article.ts";
import { registerDemo } from "./demo.ts";
import { registerFeed } from "./feed.ts";
import { registerIngest } from "./ingest.ts";
import { registerInit } from "./init.ts";
import { registerMigrate } from "./migrate.ts";
import { reportError } from "./output.ts";
import { registerSources } from "./sources.ts";

/** The `daybrief` command: one file per command, each registering itself here. */
export function buildProgram(): Command {
  const program = new Command("daybrief")
    .description("Daybrief: a self-hosted daily AI-industry briefing")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  for (const register of [registerDemo, registerInit, registerSources, registerIngest, registerFeed, registerArticle, registerMigrate]) {
    register(program);
  }
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 64;
    return reportError(error, argv.includes("--json") || argv.includes("--jsonl"));
  }
}

process.exitCode = await main(process.argv);
export { DaybriefError };
