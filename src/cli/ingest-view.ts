import cliProgress from "cli-progress";
import type { IngestEvent } from "../pipeline/run-ingest.ts";

export { interruptedLine, printIngestSummary } from "./ingest-summary.ts";

export type ProgressView = {
  onEvent: (event: IngestEvent) => void;
  /** Says on the bar that Ctrl-C was heard and the run is winding down. */
  stopping: () => void;
  stop: () => void;
  /** True when a bar is drawn on the terminal (stderr is a TTY): logs must then stay off it. */
  drawing: boolean;
};

/** Shows ingest progress: a bar on a terminal, nothing otherwise (the summary follows either way). */
export function progressView(enabled: boolean): ProgressView {
  if (!enabled || !process.stderr.isTTY)
    return { onEvent: () => {}, stopping: () => {}, stop: () => {}, drawing: false };
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
    drawing: true,
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
    stopping() {
      if (started) bar.update({ detail: "stopping (Ctrl-C again to quit at once)…" });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
