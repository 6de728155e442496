import pino, { type Logger } from "pino";

export type { Logger };

/** Structured logs on stderr with stable snake_case keys (source_id, item_id, …); stdout stays for results. */
export function createLogger(level: string): Logger {
  return pino(
    { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 2, sync: true }),
  );
}

export const silentLogger: Logger = pino({ level: "silent" });
