import { randomBytes } from "node:crypto";
import { DaybriefError } from "../errors.ts";
import { addUser, listUsers, minPasswordLength, removeUser } from "../pipeline/users.ts";
import { confirm } from "./confirm.ts";
import { withContext } from "./context.ts";
import { printJson, printTable, relativeTime } from "./output.ts";

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "").trimEnd();
}

/**
 * `daybrief users add EMAIL [--password-stdin] [--reset]`: an editor account for the desk. Without
 * --password-stdin a strong password is made up and printed once.
 */
export async function usersAdd(email: string, opts: { passwordStdin?: boolean; reset?: boolean; json?: boolean }) {
  const password = opts.passwordStdin ? await readStdinLine() : randomBytes(15).toString("base64url");
  if (opts.passwordStdin && !password) {
    throw new DaybriefError(
      "E_PASSWORD_WEAK",
      `No password on stdin: pipe one line of at least ${minPasswordLength} characters.`,
    );
  }
  await withContext({ syncSources: false }, async (ctx) => {
    const user = await addUser(ctx.db, email, password, { reset: !!opts.reset });
    if (opts.json) return printJson({ ...user, ...(opts.passwordStdin ? {} : { password }) });
    process.stdout.write(
      `${user.created ? "Added the desk account" : "Set a new password for"} ${user.email}${user.created ? "" : " (its sessions are signed out)"}.\n`,
    );
    if (!opts.passwordStdin) process.stdout.write(`Password (shown once, store it now): ${password}\n`);
    process.stdout.write("Sign in at /desk on `daybrief serve`.\n");
  });
}

/** `daybrief users list [--json]` */
export async function usersList(opts: { json?: boolean }) {
  await withContext({ syncSources: false }, async (ctx) => {
    const users = await listUsers(ctx.db);
    if (opts.json) return printJson(users);
    if (!users.length) {
      process.stdout.write("No desk accounts yet. Add one with `daybrief users add EMAIL`.\n");
      return;
    }
    printTable(
      ["email", "created", "last sign-in"],
      users.map((u) => [u.email, u.createdAt.slice(0, 10), relativeTime(u.lastLoginAt)]),
    );
  });
}

/** `daybrief users remove EMAIL [--yes]`: the account goes, and every session it had. */
export async function usersRemove(email: string, opts: { yes?: boolean }) {
  await withContext({ syncSources: false }, async (ctx) => {
    if (!(await confirm(`Remove the desk account ${email}?`, opts))) {
      process.stdout.write("Nothing removed.\n");
      return;
    }
    await removeUser(ctx.db, email);
    process.stdout.write(`Removed ${email}; its sessions are signed out.\n`);
  });
}
