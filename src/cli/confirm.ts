import { createInterface } from "node:readline/promises";
import { DaybriefError } from "../errors.ts";

/**
 * Asks a yes/no question on the terminal before something that cannot be undone. Without a terminal to ask on,
 * the command is refused unless `--yes` was given, so a script never destroys data by accident.
 */
export async function confirm(question: string, opts: { yes?: boolean }): Promise<boolean> {
  if (opts.yes) return true;
  if (!process.stdin.isTTY) {
    throw new DaybriefError("E_USAGE", `${question} Refusing without a terminal to ask on: pass --yes to confirm.`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
