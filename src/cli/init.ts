import { existsSync, writeFileSync } from "node:fs";
import { starterConfigYaml, starterSources } from "../config/starter.ts";
import { DaybriefError } from "../errors.ts";

/** `daybrief init [--path FILE] [--force]` */
export async function init(opts: { path: string; force?: boolean }): Promise<void> {
  if (existsSync(opts.path) && !opts.force) {
    throw new DaybriefError("E_CONFIG_EXISTS", `${opts.path} already exists (use --force to overwrite).`);
  }
  writeFileSync(opts.path, starterConfigYaml());
  process.stdout.write(
    `Wrote ${opts.path} with ${starterSources.length} starter sources.\nNext: edit it, then run \`daybrief ingest\` to fetch them.\n`,
  );
}
