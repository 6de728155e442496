import { loadEdition } from "../editions/definition.ts";
import type { Writer } from "../editions/writer.ts";
import { DaybriefError } from "../errors.ts";
import type { Issue } from "../model/issue.ts";
import { buildIssue } from "../pipeline/build-issue.ts";
import { IssuesRepo } from "../store/issues-repo.ts";
import { StoriesRepo } from "../store/stories-repo.ts";
import { type Context, withContext } from "./context.ts";
import { color, printJson, printTable } from "./output.ts";
import { asOfDate } from "./stories.ts";

/** The configured writer: the LLM writer when an endpoint and model are set, else the offline writer. */
export async function configuredWriter(ctx: Pick<Context, "config" | "db">): Promise<Writer | undefined> {
  const { llm } = ctx.config;
  if (!llm.baseUrl || !llm.model) return undefined;
  const { createLlmWriter } = await import("../editions/llm/create.ts");
  return createLlmWriter(ctx.config, ctx.db);
}

/** `daybrief issue build --edition digest|briefing|FILE [--date D] [--json]` */
export async function issueBuild(opts: { edition: string; date?: string; json?: boolean }): Promise<void> {
  const edition = loadEdition(opts.edition);
  const date = opts.date ?? asOfDate(undefined).toISOString().slice(0, 10);
  asOfDate(date);
  await withContext({}, async (ctx) => {
    const issue = await buildIssue(
      { ...ctx, stories: new StoriesRepo(ctx.db), issues: new IssuesRepo(ctx.db) },
      { edition, date, ...(await configuredWriter(ctx).then((w) => (w ? { writer: w } : {}))) },
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
    `${color.bold(issue.title)}\n${color.dim(`${issue.editionName} · ${issue.date} · ${issue.id} · ${issue.status}`)}\n`,
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
    process.stdout.write(`${tag} ${note.section ? `[${note.section}] ` : ""}${note.message}\n`);
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
    const issue = await new IssuesRepo(ctx.db).get(id);
    if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
    const { renderers } = await import("../render/index.ts");
    process.stdout.write(`${await renderers[format](issue, renderOptions(ctx))}\n`);
  });
}

export function renderOptions(ctx: Pick<Context, "config">) {
  const siteUrl = ctx.config.siteUrl?.replace(/\/$/, "") ?? null;
  return { siteName: ctx.config.siteName, siteUrl, tipsUrl: siteUrl ? `${siteUrl}/tips` : null, unsubscribeUrl: null };
}

/** `daybrief issue approve ID` */
export async function issueApprove(id: string): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    const repo = new IssuesRepo(ctx.db);
    const issue = await repo.get(id);
    if (!issue) throw new DaybriefError("E_ISSUE_NOT_FOUND", `No issue "${id}".`);
    await repo.setStatus(id, "approved", new Date().toISOString());
    process.stdout.write(`Approved ${issue.editionName} of ${issue.date}: "${issue.title}".\n`);
  });
}
