import type { Command } from "commander";
import { reextractAll, runIngest } from "../pipeline/run-ingest.ts";
import { withContext } from "./context.ts";
import { printIngestSummary, progressView } from "./ingest-view.ts";
import { printJson } from "./output.ts";

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("fetch the sources that are due, store new items and extract their articles")
    .option("--source <id>", "fetch only this source (by id or URL), due or not")
    .option("--all", "fetch every enabled source now, due or not")
    .option("--reextract", "re-run article extraction on every stored page instead of fetching")
    .option("--json", "print the report as JSON")
    .action(async (opts: { source?: string; all?: boolean; reextract?: boolean; json?: boolean }) => {
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
    });
}
