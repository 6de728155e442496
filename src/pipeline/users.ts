import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { normalizeEmail } from "../deliver/index.ts";
import { DaybriefError } from "../errors.ts";
import type { Db } from "../store/db.ts";
import { type SessionRow, type User, UsersRepo } from "../store/users-repo.ts";

/** argon2id with OWASP's second recommended setting (19 MiB, 2 passes). */
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const minPasswordLength = 12;

/** A hash verified against when no account has the address, so a wrong address costs as long as a wrong password. */
let decoyHash: Promise<string> | null = null;

function checkedEmail(email: string): string {
  const checked = normalizeEmail(email);
  if (!checked.ok) throw new DaybriefError("E_SUBSCRIBER_INVALID", `"${email}": ${checked.reason}.`);
  return checked.email;
}

function checkPassword(password: string): void {
  if ([...password].length < minPasswordLength) {
    throw new DaybriefError("E_PASSWORD_WEAK", `The password has fewer than ${minPasswordLength} characters.`);
  }
}

/**
 * Creates an editor account, or with `reset` gives an existing one a new password (and ends its sessions).
 *
 * @example
 * await addUser(db, "editor@example.com", "correct horse battery staple");
 */
export async function addUser(db: Db, email: string, password: string, options: { reset?: boolean } = {}) {
  const address = checkedEmail(email);
  checkPassword(password);
  const repo = new UsersRepo(db);
  const existing = await repo.findByEmail(address);
  const passwordHash = await hash(password, argonOptions);
  if (existing) {
    if (!options.reset) throw new DaybriefError("E_USER_EXISTS", `${address} has a desk account already.`);
    await repo.setPassword(existing.id, passwordHash);
    await db.kysely.deleteFrom("sessions").where("user_id", "=", existing.id).execute();
    return { id: existing.id, email: address, created: false };
  }
  if (options.reset) throw new DaybriefError("E_USER_NOT_FOUND", `No desk account for ${address}.`);
  const id = `us_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await repo.insert({ id, email: address, passwordHash, createdAt: new Date().toISOString(), lastLoginAt: null });
  return { id, email: address, created: true };
}

export async function listUsers(db: Db): Promise<User[]> {
  return new UsersRepo(db).list();
}

export async function removeUser(db: Db, email: string): Promise<void> {
  const repo = new UsersRepo(db);
  const user = await repo.findByEmail(checkedEmail(email));
  if (!user) throw new DaybriefError("E_USER_NOT_FOUND", `No desk account for ${email}.`);
  await repo.remove(user.id);
}

/** A session as the desk sees it; `id` is the cookie value, returned once at login and never stored. */
export type NewSession = { id: string; userId: string; email: string; csrfToken: string; expiresAt: string };

export const sessionIdHash = (id: string): string => createHash("sha256").update(id).digest("hex");

/**
 * Checks an address and password and opens a new session: a fresh random id every time (a session id that existed
 * before sign-in is never promoted, so it cannot be fixed in advance), with its own CSRF token.
 * Throws E_LOGIN_FAILED for a wrong address or password alike.
 */
export async function login(db: Db, email: string, password: string, sessionHours: number): Promise<NewSession> {
  const repo = new UsersRepo(db);
  const checked = normalizeEmail(email);
  const user = checked.ok ? await repo.findByEmail(checked.email) : null;
  decoyHash ??= hash(randomBytes(16).toString("hex"), argonOptions);
  const stored = user?.passwordHash ?? (await decoyHash);
  const ok = await verify(stored, password).catch(() => false);
  if (!user || !ok) throw new DaybriefError("E_LOGIN_FAILED", "That address and password do not match an account.");
  const now = new Date();
  const session: NewSession = {
    id: randomBytes(32).toString("base64url"),
    userId: user.id,
    email: user.email,
    csrfToken: randomBytes(24).toString("base64url"),
    expiresAt: new Date(now.getTime() + sessionHours * 3_600_000).toISOString(),
  };
  await repo.createSession(
    {
      idHash: sessionIdHash(session.id),
      userId: user.id,
      csrfToken: session.csrfToken,
      createdAt: now.toISOString(),
      expiresAt: session.expiresAt,
    },
    now.toISOString(),
  );
  return session;
}

/** The live session a cookie names, or null (unknown, expired, or its account removed). */
export async function sessionFor(db: Db, id: string, now = new Date()): Promise<SessionRow | null> {
  if (!id || id.length > 128) return null;
  return new UsersRepo(db).session(sessionIdHash(id), now.toISOString());
}

export async function logout(db: Db, id: string): Promise<void> {
  await new UsersRepo(db).deleteSession(sessionIdHash(id));
}
