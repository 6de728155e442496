import { Command, CommanderError, Option } from "commander";
import { DaybriefError } from "../errors.ts";
import { type CommandSpec, commands, environmentHelp, groups } from "./commands.ts";
import { installInterruptHandler } from "./interrupt.ts";
import { reportError } from "./output.ts";

/** Finds or creates the command for each word of a path, so "sources add" hangs under "sources". */
function commandAt(program: Command, words: string[]): Command {
  let parent = program;
  for (const word of words) {
    const existing = parent.commands.find((c) => c.name() === word);
    parent = existing ?? parent.command(word).description(groups[word] ?? "");
  }
  return parent;
}

function addCommand(program: Command, spec: CommandSpec): void {
  const words = spec.path.split(" ");
  const command = commandAt(program, words).description(spec.description);
  for (const arg of spec.args ?? []) command.argument(arg.name, arg.description);
  for (const o of spec.options ?? []) {
    const option = new Option(o.flags, o.description);
    if (o.default !== undefined) option.default(o.default);
    if (o.required) option.makeOptionMandatory();
    const parse = o.parse;
    if (parse) option.argParser((value: string) => parse(value, option.long ?? o.flags));
    command.addOption(option);
  }
  const extra = [
    spec.help,
    spec.examples?.length ? `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join("\n")}` : "",
  ];
  if (extra.some(Boolean)) command.addHelpText("after", `${extra.filter(Boolean).join("\n")}\n`);
  command.action(async (...args: unknown[]) => {
    const action = (await spec.load()) as (...a: unknown[]) => Promise<void>;
    // Commander passes the arguments, the options, then the command itself: the action takes the first two.
    await action(...args.slice(0, -1));
  });
}

/** Every command, its arguments and options, from the table in commands.ts. */
export function buildProgram(): Command {
  const program = new Command("daybrief")
    .description("Daybrief: a self-hosted daily AI-industry briefing")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      // Commander's own complaints (unknown option, missing argument) carry our usage code like every other error.
      outputError: (text, write) => write(text.replace(/^error: /, "error E_USAGE: ")),
    })
    .addHelpText("after", environmentHelp);
  for (const spec of commands) addCommand(program, spec);
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

// `daybrief … | head` closes stdout early: that is the reader being done, not a failure worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw new DaybriefError("E_INTERNAL", `Writing the output failed: ${error.message}`, { cause: error });
});

installInterruptHandler();
process.exitCode = await main(process.argv);
