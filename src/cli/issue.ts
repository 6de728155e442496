import { DaybriefError } from "../errors.ts";
import { resolveTimeZone, today } from "../model/day.ts";
import type { Issue } from "../model/issue.ts";
import { buildIssue, resolveEdition } from "../pipeline/build-issue.ts";
import { renderStoredIssue } from "../pipeline/show-issue.ts";
import { configuredWriter } from "../pipeline/writer.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { StoriesRepo } from "../store/stories-repo.ts";
import { terminalText } from "../text/controls.ts";
import { withContext } from "./context.ts";
import { onInterrupt } from "./interrupt.ts";
import { color, printJson, printTable } from "./output.ts";

/**
 * `daybrief issue build --edition digest|briefing|FILE [--date D] [--json]`; without --date, today in the configured
 * time zone.
 */
export async function issueBuild(opts: { edition: string; date?: string; json?: boolean }): Promise<void> {
  const edition = resolveEdition(opts.edition);
  await withContext({}, async (ctx) => {
    const date = opts.date ?? today(resolveTimeZone(ctx.config.timezone));
    onInterrupt(
      `No ${edition.id} issue of ${date} was saved (a draft is written only once complete); the stories brought up to date so far are kept. Run \`daybrief issue build --edition ${opts.edition} --date ${date}\` again.`,
    );
    const issue = await buildIssue(
      { ...ctx, stories: new StoriesRepo(ctx.db), issues: new IssuesRepo(ctx.db) },
      { edition, date, ...(await configuredWriter(ctx.config, ctx.db).then((w) => (w ? { writer: w } : {}))) },
    );
    if (opts.json) return printJson(issue);
    printIssueSummary(issue);
  });
}

export function printIssueSummary(issue: Issue): void {
  const stories = issue.sections.reduce(
    (n, s) =>
      n +
      (s.kind === "stories"
        ? s.stories.length
        : s.kind === "groups"
          ? s.groups.reduce((m, g) => m + g.stories.length, 0)
          : 0),
    0,
  );
  process.stdout.write(
    `${color.bold(terminalText(issue.title))}\n${color.dim(`${issue.editionName} · ${issue.date} · ${issue.id} · ${issue.status}`)}\n`,
  );
  process.stdout.write(
    `${issue.sections.length} sections, ${stories} stories, written by the ${issue.writer.name} writer${issue.writer.model ? ` (${issue.writer.model})` : ""}.\n`,
  );
  if (issue.writer.tokens.prompt || issue.writer.tokens.completion) {
    const cost = issue.writer.costUsd === null ? "" : `, $${issue.writer.costUsd.toFixed(4)}`;
    process.stdout.write(`Tokens: ${issue.writer.tokens.prompt} in, ${issue.writer.tokens.completion} out${cost}.\n`);
  }
  for (const note of issue.notes) {
    const tag = note.level === "warning" ? color.yellow(note.code) : color.dim(note.code);
    process.stdout.write(`${tag} ${terminalText(`${note.section ? `[${note.section}] ` : ""}${note.message}`)}\n`);
  }
  process.stdout.write(
    `\nRead it with \`daybrief issue show ${issue.id} --format md\`; approve it with \`daybrief issue approve ${issue.id}\`.\n`,
  );
}

/** `daybrief issue list [--json]` */
export async function issueList(opts: { json?: boolean; edition?: string }): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    const issues = await new IssuesRepo(ctx.db).list(opts.edition ? { edition: opts.edition } : {});
    if (opts.json) return printJson(issues);
    if (!issues.length) {
      process.stdout.write("No issues yet. Build one with `daybrief issue build --edition digest`.\n");
      return;
    }
    printTable(
      ["id", "date", "edition", "status", "title"],
      issues.map((i) => [i.id, i.date, i.edition, i.status, i.title]),
    );
  });
}

/** `daybrief issue show ID [--format html|md|text]` */
export async function issueShow(id: string, opts: { format: string }): Promise<void> {
  const formats = { html: "html", md: "md", markdown: "md", text: "text", txt: "text", web: "web" } as const;
  const format = formats[opts.format as keyof typeof formats];
  if (!format) throw new DaybriefError("E_USAGE", `Unknown format "${opts.format}"; use html, md or text.`);
  await withContext({ syncSources: false }, async (ctx) => {
    const text = await renderStoredIssue(ctx.db, ctx.config, id, format);
    // The renderers escape what they write; this keeps a terminal safe from anything that got past them.
    process.stdout.write(`${terminalText(text, { multiline: true })}\n`);
  });
}
