import { reextractAll, runIngest } from "../pipeline/run-ingest.ts";
import { withContext } from "./context.ts";
import { printIngestSummary, progressView } from "./ingest-view.ts";
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
    const view = progressView(!opts.json);
    const report = await runIngest(
      { ...ctx, onEvent: view.onEvent },
      { ...(opts.source ? { sourceId: (await ctx.sources.get(opts.source)).id } : {}), all: Boolean(opts.all) },
    );
    view.stop();
    if (opts.json) printJson(report);
    else printIngestSummary(report);
    if (report.sources.length && report.sources.every((s) => s.error)) process.exitCode = 69;
  });
}
