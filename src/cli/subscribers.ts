import { readFileSync } from "node:fs";
import { DaybriefError } from "../errors.ts";
import { type SubscriberStatus, subscriberStatuses } from "../model/subscriber.ts";
import {
  addSubscriber,
  type ConfirmationReport,
  exportSubscribers,
  importSubscribers,
  listSubscribers,
  removeSubscriber,
} from "../pipeline/subscribers.ts";
import { confirm } from "./confirm.ts";
import { withContext } from "./context.ts";
import { color, plural, printJson, printTable } from "./output.ts";

function readCsvFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new DaybriefError("E_FILE_READ", `Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (bytes.includes(0)) throw new DaybriefError("E_CSV_INVALID", `${file} is a binary file, not CSV.`);
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

function printConfirmations(report: ConfirmationReport): void {
  if (report.sent) process.stdout.write(`Sent ${plural(report.sent, "confirmation email")}.\n`);
  for (const f of report.failed) process.stdout.write(`${color.yellow("not sent")} ${f.email}: ${f.reason}\n`);
  if (report.waiting) {
    process.stdout.write(
      `${plural(report.waiting, "pending reader")} still need their confirmation email: it is sent by the next \`subscribers add\` or \`import\` once DAYBRIEF_SMTP_URL and the other sending settings are set.\n`,
    );
  }
}

/** `daybrief subscribers import FILE.csv [--confirmed] [--json]` */
export async function subscribersImport(file: string, opts: { confirmed?: boolean; json?: boolean }): Promise<void> {
  const text = readCsvFile(file);
  await withContext({ syncSources: false }, async (ctx) => {
    const report = await importSubscribers(ctx, text, { confirmed: Boolean(opts.confirmed) });
    if (opts.json) return printJson(report);
    process.stdout.write(
      `Imported ${file}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.suppressed} marked as left (suppressed).\n`,
    );
    const problems = [
      ...report.rejected.map((r) => [r.line, r.value, "rejected", r.reason]),
      ...report.refused.map((r) => [r.line, r.email, "refused", r.reason]),
    ].sort((a, b) => Number(a[0]) - Number(b[0]));
    if (problems.length) {
      process.stdout.write(`\n${plural(problems.length, "row")} not imported:\n`);
      printTable(["line", "email", "", "reason"], problems as Array<Array<string | number>>);
    }
    printConfirmations(report.confirmations);
    if (report.rejected.length) process.exitCode = 65;
  });
}

/** `daybrief subscribers add EMAIL [--name N] [--editions a,b] [--confirmed]` */
export async function subscribersAdd(
  email: string,
  opts: { name?: string; editions?: string; confirmed?: boolean; json?: boolean },
): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    const editions = opts.editions?.split(/[,;\s]+/).filter(Boolean);
    const result = await addSubscriber(ctx, {
      email,
      name: opts.name ?? null,
      ...(editions ? { editions } : {}),
      confirmed: Boolean(opts.confirmed),
    });
    if (opts.json) return printJson(result);
    const s = result.subscriber;
    process.stdout.write(`Added ${s.email} (${s.status}) for ${s.editions.join(", ")}.\n`);
    printConfirmations(result.confirmations);
  });
}

/** `daybrief subscribers list [--status S] [--edition E] [--json]` */
export async function subscribersList(opts: { status?: string; edition?: string; json?: boolean }): Promise<void> {
  if (opts.status && !(subscriberStatuses as readonly string[]).includes(opts.status)) {
    throw new DaybriefError("E_USAGE", `--status "${opts.status}" is not one of: ${subscriberStatuses.join(", ")}.`);
  }
  await withContext({ syncSources: false }, async (ctx) => {
    const list = await listSubscribers(ctx, {
      ...(opts.status ? { status: opts.status as SubscriberStatus } : {}),
      ...(opts.edition ? { edition: opts.edition } : {}),
    });
    if (opts.json) return printJson(list);
    if (!list.length) {
      process.stdout.write("No subscribers. Add one with `daybrief subscribers add EMAIL` or import a CSV.\n");
      return;
    }
    printTable(
      ["email", "name", "status", "editions", "bounces", "since"],
      list.map((s) => [s.email, s.name, s.status, s.editions.join(","), s.bounceCount, s.createdAt.slice(0, 10)]),
    );
    process.stdout.write(`${plural(list.length, "subscriber")}.\n`);
  });
}

/** `daybrief subscribers remove EMAIL [--yes]` */
export async function subscribersRemove(email: string, opts: { yes?: boolean }): Promise<void> {
  if (!(await confirm(`Remove ${email} and suppress the address for good?`, opts))) return;
  await withContext({ syncSources: false }, async (ctx) => {
    const removed = await removeSubscriber(ctx, email);
    process.stdout.write(`Removed ${removed.email}; the address is suppressed, so no import adds it again.\n`);
  });
}

/** `daybrief subscribers export` — CSV on stdout. */
export async function subscribersExport(): Promise<void> {
  await withContext({ syncSources: false }, async (ctx) => {
    process.stdout.write(await exportSubscribers(ctx));
  });
}
