import cliProgress from "cli-progress";
import type { IngestEvent, IngestReport } from "../pipeline/run-ingest.ts";
import { color, printTable, relativeTime } from "./output.ts";

/** Shows ingest progress: a bar on a terminal, nothing otherwise (the summary table follows either way). */
export function progressView(enabled: boolean): { onEvent: (event: IngestEvent) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { onEvent: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: " {phase} |{bar}| {value}/{total} {detail}",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onEvent(event) {
      if (event.type === "plan") {
        bar.start(event.sources, 0, { phase: "feeds   ", detail: "" });
        started = true;
      } else if (event.type === "source") {
        bar.increment(1, { detail: event.report.name });
      } else if (event.type === "articles") {
        if (started) bar.stop();
        bar.start(event.total, 0, { phase: "articles", detail: "" });
        started = true;
      } else if (event.type === "article") {
        bar.increment(1, { detail: "" });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** The per-source summary: items new/updated, articles extracted, errors with what to do. */
export function printIngestSummary(report: IngestReport): void {
  if (!report.sources.length) {
    process.stdout.write("No source is due. Use --all to fetch every source now, or --source ID for one.\n");
    return;
  }
  printTable(
    ["source", "result", "new", "updated", "articles", "next fetch"],
    report.sources.map((s) => [
      s.name,
      s.outcome === "ok"
        ? color.green("ok")
        : s.outcome === "not_modified"
          ? color.dim("not modified")
          : color.red(s.error?.code ?? s.outcome),
      s.itemsNew,
      s.itemsUpdated,
      s.articlesFailed ? `${s.articlesOk} (${s.articlesFailed} failed)` : s.articlesOk,
      relativeTime(s.nextFetchAt),
    ]),
  );
  const totals = report.sources.reduce(
    (t, s) => ({ n: t.n + s.itemsNew, u: t.u + s.itemsUpdated, a: t.a + s.articlesOk, e: t.e + (s.error ? 1 : 0) }),
    { n: 0, u: 0, a: 0, e: 0 },
  );
  process.stdout.write(
    `\n${report.sources.length} sources: ${totals.n} new items, ${totals.u} updated, ${totals.a} articles extracted, ${totals.e} sources failed.\n`,
  );
  for (const s of report.sources) {
    for (const warning of s.warnings) process.stdout.write(`${color.yellow("warning")} ${s.name}: ${warning}\n`);
    if (s.error)
      process.stdout.write(`${color.red("error")} ${s.name}: ${s.error.message}\n  ${color.dim(s.error.hint)}\n`);
  }
}
