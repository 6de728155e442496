import { existsSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { defaultConfigPath } from "../config/load.ts";
import { starterConfigYaml, starterSources } from "../config/starter.ts";
import { DaybriefError } from "../errors.ts";

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("write a commented daybrief.config.yaml with a starter list of real AI sources")
    .option("--path <file>", "where to write it", process.env.DAYBRIEF_CONFIG ?? defaultConfigPath)
    .option("--force", "overwrite an existing file")
    .action((opts: { path: string; force?: boolean }) => {
      if (existsSync(opts.path) && !opts.force) {
        throw new DaybriefError("E_CONFIG_EXISTS", `${opts.path} already exists (use --force to overwrite).`);
      }
      writeFileSync(opts.path, starterConfigYaml());
      process.stdout.write(
        `Wrote ${opts.path} with ${starterSources.length} starter sources.\nNext: edit it, then run \`daybrief ingest\` to fetch them.\n`,
      );
    });
}
