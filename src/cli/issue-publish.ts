import { type PublishReport, publishIssue } from "../pipeline/publish-issue.ts";
import { terminalText } from "../text/controls.ts";
import { withContext } from "./context.ts";
import { color, plural, printJson } from "./output.ts";

/** `daybrief issue publish ID [--out DIR] [--json]` */
export async function issuePublish(id: string, opts: { out?: string; json?: boolean }): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    const report = await publishIssue(ctx, id, opts.out ? { out: opts.out } : {});
    if (opts.json) return printJson(report);
    printPublishReport(report);
  });
}

export function printPublishReport(report: PublishReport): void {
  for (const warning of report.warnings) process.stderr.write(`${color.yellow("warning")} ${warning}\n`);
  process.stdout.write(
    `Published ${report.issue.editionName} of ${report.issue.date}: "${terminalText(report.issue.title)}" (first published ${report.publishedAt}).\n`,
  );
  process.stdout.write(
    `Wrote ${plural(report.files.length, "file")} to ${terminalText(report.dir)}: ${plural(report.archived, "issue page")}, archive/index.html, feed.xml, atom.xml, feed.json.\n`,
  );
}
