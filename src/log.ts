import pino, { type Logger } from "pino";

export type { Logger };

/** Where `ingest` writes its logs while a progress bar holds the terminal and no logFile is configured. */
export const progressLogFile = "./data/daybrief.log";

/**
 * Structured logs with stable snake_case keys (source_id, item_id, …): on stderr, or appended to `file` (its folder
 * created) when one is given. stdout stays for results.
 */
export function createLogger(level: string, file?: string | null): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (file) return pino(options, pino.destination({ dest: file, sync: true, mkdir: true, append: true }));
  return pino(options, pino.destination({ dest: 2, sync: true }));
}

export const silentLogger: Logger = pino({ level: "silent" });
