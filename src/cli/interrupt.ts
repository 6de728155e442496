/**
 * Ctrl-C (SIGINT) and SIGTERM end a command with status 130 (143 for SIGTERM) and one line saying what was saved and
 * how to carry on — never silently. A command registers what to say for the step it is in with `onInterrupt`; the
 * latest registration still in force is the one printed. A second Ctrl-C ends the process at once.
 *
 * @example
 * const done = onInterrupt("No issue was saved; run `daybrief issue build` again.");
 * try { await build(); } finally { done(); }
 */

type Notice = { message: () => string };

const notices: Notice[] = [];
/** Commands that stop by themselves on Ctrl-C (finishing what is in flight) register here; the latest one wins. */
const stoppers: Array<{ stop: () => void; onTerm: boolean }> = [];
let installed = false;
let stopping = false;

/** What is said when no command registered anything: the command had not started, or stores nothing. */
export const defaultInterruptMessage = "Stopped before the command finished; run it again to finish.";

/**
 * Registers what to tell the user if the command is interrupted now (a text, or a function read at that moment);
 * returns the function that withdraws it.
 */
export function onInterrupt(message: string | (() => string)): () => void {
  const notice: Notice = { message: typeof message === "string" ? () => message : message };
  notices.push(notice);
  return () => {
    const at = notices.indexOf(notice);
    if (at !== -1) notices.splice(at, 1);
  };
}

/**
 * Lets a command stop by itself on the first Ctrl-C (it aborts its work, saves, prints its own summary and sets the
 * exit status) instead of the process ending at once; a second Ctrl-C still ends it. With `onTerm`, SIGTERM too (a
 * server stopped by its service manager shuts down the same way). Returns the withdrawal.
 */
export function takeInterrupt(stop: () => void, options: { onTerm?: boolean } = {}): () => void {
  const entry = { stop, onTerm: options.onTerm ?? false };
  stoppers.push(entry);
  return () => {
    const at = stoppers.indexOf(entry);
    if (at !== -1) stoppers.splice(at, 1);
  };
}

/** The line printed on interruption now. */
export function interruptMessage(): string {
  const latest = notices.at(-1);
  try {
    return latest ? latest.message() : defaultInterruptMessage;
  } catch {
    return defaultInterruptMessage;
  }
}

/** Installs the handlers once, for the whole CLI (main.ts). */
export function installInterruptHandler(stream: NodeJS.WritableStream = process.stderr): void {
  if (installed) return;
  installed = true;
  const stop = (signal: "SIGINT" | "SIGTERM") => {
    const status = signal === "SIGINT" ? 130 : 143;
    if (stopping) process.exit(status);
    stopping = true;
    const own = stoppers.at(-1);
    if (own && (signal === "SIGINT" || own.onTerm)) {
      own.stop();
      return;
    }
    // A progress bar may own the line: start a fresh one.
    stream.write(`\ninterrupted: ${interruptMessage()}\n`);
    process.exit(status);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
