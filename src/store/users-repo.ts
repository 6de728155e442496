import type { Db } from "./db.ts";

export type User = { id: string; email: string; createdAt: string; lastLoginAt: string | null };
export type UserWithHash = User & { passwordHash: string };

export type SessionRow = {
  idHash: string;
  userId: string;
  email: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
};

/** Editor accounts and their desk sessions. Sessions are keyed by a hash of their id: the id is only in the cookie. */
export class UsersRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async insert(user: UserWithHash): Promise<void> {
    await this.#db.kysely
      .insertInto("users")
      .values({
        id: user.id,
        email: user.email,
        password_hash: user.passwordHash,
        created_at: user.createdAt,
        last_login_at: user.lastLoginAt,
      })
      .execute();
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.#db.kysely.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", id).execute();
  }

  async findByEmail(email: string): Promise<UserWithHash | null> {
    const row = await this.#db.kysely.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    return row
      ? {
          id: row.id,
          email: row.email,
          passwordHash: row.password_hash,
          createdAt: row.created_at,
          lastLoginAt: row.last_login_at,
        }
      : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.#db.kysely.selectFrom("users").selectAll().orderBy("email").execute();
    return rows.map((r) => ({ id: r.id, email: r.email, createdAt: r.created_at, lastLoginAt: r.last_login_at }));
  }

  /** Removes an account and every session it has; returns whether there was one. */
  async remove(id: string): Promise<boolean> {
    return this.#db.kysely.transaction().execute(async (trx) => {
      await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
      const result = await trx.deleteFrom("users").where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async createSession(session: Omit<SessionRow, "email">, now: string): Promise<void> {
    await this.#db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto("sessions")
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: now,
        })
        .execute();
      await trx.updateTable("users").set({ last_login_at: now }).where("id", "=", session.userId).execute();
      // Expired sessions of anyone are swept at each login, so the table does not grow without end.
      await trx.deleteFrom("sessions").where("expires_at", "<", now).execute();
    });
  }

  /** The live session with this id hash, or null when there is none or it has expired. */
  async session(idHash: string, now: string): Promise<SessionRow | null> {
    const row = await this.#db.kysely
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "sessions.id_hash",
        "sessions.user_id",
        "sessions.csrf_token",
        "sessions.created_at",
        "sessions.expires_at",
        "users.email",
      ])
      .where("sessions.id_hash", "=", idHash)
      .where("sessions.expires_at", ">", now)
      .executeTakeFirst();
    return row
      ? {
          idHash: row.id_hash,
          userId: row.user_id,
          email: row.email,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#db.kysely.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  }
}
