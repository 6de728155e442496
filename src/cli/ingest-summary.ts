import type { IngestReport, SourceReport } from "../pipeline/run-ingest.ts";
import { terminalText } from "../text/controls.ts";
import { color, plural, printTable, relativeTime } from "./output.ts";

const count = plural;

const results: Record<SourceReport["outcome"], (s: SourceReport) => string> = {
  ok: () => color.green("ok"),
  not_modified: () => color.dim("not modified"),
  error: () => color.red("failed"),
  gone: () => color.red("gone"),
  deferred: () => color.yellow("deferred"),
  interrupted: () => color.dim("not fetched"),
};

/** What Ctrl-C left: what was saved and how to finish. */
export function interruptedLine(report: IngestReport): string {
  const fetched = report.sources.filter((s) => s.outcome !== "interrupted" && s.outcome !== "deferred").length;
  const { ok, claimed } = report.articles;
  const articles = claimed ? `; ${ok} of ${count(claimed, "article")} extracted` : "";
  return `Interrupted: ${fetched} of ${count(report.sources.length, "source")} fetched and saved${articles}. Run \`daybrief ingest\` to finish.`;
}

/**
 * The run for a person: one table row per source, totals, what an earlier run left and this one finished, hosts the
 * breaker gave up on, then each failure once with its code and hint.
 */
export function printIngestSummary(report: IngestReport, options: { logFile?: string } = {}): void {
  // Source names and server messages are stored text: only our own colours may reach the terminal.
  const out = (line: string) => process.stdout.write(`${terminalText(line, { keepStyle: true })}\n`);
  const { articles } = report;
  const leftover = articles.leftover;
  if (!report.sources.length) {
    if (!articles.claimed) {
      out("No source is due. Use --all to fetch every source now, or --source ID for one.");
    } else {
      const rest = [
        leftover.failed ? `${leftover.failed} failed` : "",
        leftover.deferred ? `${leftover.deferred} deferred` : "",
      ].filter(Boolean);
      out(
        `No source is due; finished ${count(leftover.ok, "article")} left by an earlier run${rest.length ? ` (${rest.join(", ")})` : ""}.`,
      );
    }
  } else {
    printTable(
      ["source", "result", "new", "updated", "articles", "next fetch"],
      report.sources.map((s) => [
        s.name,
        results[s.outcome](s),
        s.itemsNew,
        s.itemsUpdated,
        s.articlesFailed ? `${s.articlesOk} (${s.articlesFailed} failed)` : s.articlesOk,
        relativeTime(s.nextFetchAt),
      ]),
    );
    out("");
    out(totalsLine(report));
    if (leftover.ok || leftover.failed) {
      const failed = leftover.failed ? ` (${leftover.failed} failed)` : "";
      out(`Also finished ${count(leftover.ok, "article")} left by an earlier run${failed}.`);
    }
  }
  for (const host of report.deferredHosts) {
    out(
      color.yellow(
        `Stopped asking ${host.host} after ${count(host.failures, "failure")} in a row (${host.code}); ${count(host.deferred, "URL")} left for the next run.`,
      ),
    );
  }
  if (articles.claimedElsewhere) {
    const verb = articles.claimedElsewhere === 1 ? "is" : "are";
    out(`${count(articles.claimedElsewhere, "pending article")} ${verb} being fetched by another run; left to it.`);
  }
  printFailures(report, out);
  if (report.interrupted) out(interruptedLine(report));
  const failed = report.sources.some((s) => s.error) || articles.failed;
  if (failed && options.logFile) out(color.dim(`Details are logged in ${options.logFile}.`));
}

function totalsLine(report: IngestReport): string {
  const sum = (key: "itemsNew" | "itemsUpdated" | "articlesOk") => report.sources.reduce((n, s) => n + s[key], 0);
  const failed = report.sources.filter((s) => s.error).length;
  const deferred = report.sources.filter((s) => s.outcome === "deferred").length;
  const tail = [failed ? `${count(failed, "source")} failed` : "", deferred ? `${deferred} deferred` : ""].filter(
    Boolean,
  );
  return `${count(report.sources.length, "source")}: ${count(sum("itemsNew"), "new item")}, ${sum("itemsUpdated")} updated, ${count(sum("articlesOk"), "article")} extracted${tail.length ? `; ${tail.join(", ")}` : ""}.`;
}

function printFailures(report: IngestReport, out: (line: string) => void): void {
  const warned = report.sources.filter((s) => s.warnings.length);
  for (const s of warned) for (const warning of s.warnings) out(`${color.yellow("warning")} ${s.name}: ${warning}`);
  const failed = report.sources.filter((s) => s.error);
  if (!failed.length) return;
  out("");
  for (const s of failed) {
    const error = s.error as NonNullable<SourceReport["error"]>;
    out(`${color.red(`${s.name}: ${error.code}`)} ${error.message}`);
    out(`  ${color.dim(error.hint)}`);
  }
}
