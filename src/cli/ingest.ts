import { createLogger, progressLogFile } from "../log.ts";
import { reextractAll, runIngest } from "../pipeline/run-ingest.ts";
import { withContext } from "./context.ts";
import { interruptedLine, printIngestSummary, progressView } from "./ingest-view.ts";
import { takeInterrupt } from "./interrupt.ts";
import { printJson } from "./output.ts";

/** `daybrief ingest [--source ID] [--all] [--reextract] [--json]` */
export async function ingest(opts: {
  source?: string;
  all?: boolean;
  reextract?: boolean;
  json?: boolean;
}): Promise<void> {
  await withContext({}, async (ctx) => {
    if (opts.reextract) {
      const result = await reextractAll(ctx, opts.source ? { sourceId: (await ctx.sources.get(opts.source)).id } : {});
      if (opts.json) printJson(result);
      else process.stdout.write(`Re-extracted ${result.ok} articles (${result.failed} failed, previous text kept).\n`);
      return;
    }
    const sourceId = opts.source ? (await ctx.sources.get(opts.source)).id : undefined;
    const view = progressView(!opts.json);
    // While the bar holds the terminal, logs go to a file rather than through it.
    const logFile = view.drawing && !ctx.config.logFile ? progressLogFile : null;
    const log = logFile ? createLogger(ctx.config.logLevel, logFile) : ctx.log;
    const stop = new AbortController();
    // The first Ctrl-C stops the run after what is in flight; a second one does not wait (interrupt.ts).
    const withdraw = takeInterrupt(() => {
      stop.abort();
      view.stopping();
    });
    let report: Awaited<ReturnType<typeof runIngest>>;
    try {
      report = await runIngest(
        { ...ctx, log, onEvent: view.onEvent },
        { ...(sourceId ? { sourceId } : {}), all: Boolean(opts.all), signal: stop.signal },
      );
    } finally {
      withdraw();
      view.stop();
    }
    if (opts.json) printJson(report);
    else printIngestSummary(report, logFile ? { logFile } : {});
    if (report.interrupted) {
      if (opts.json) process.stderr.write(`${interruptedLine(report)}\n`);
      process.exitCode = 130;
    } else if (report.sources.length && report.sources.every((s) => s.error)) process.exitCode = 69;
  });
}
