import type { Db } from "./db.ts";

/** PostgreSQL's answers that mean "run the transaction again": a deadlock victim, a serialization failure. */
const retryable = new Set(["40P01", "40001"]);

/**
 * Runs `work` (a whole transaction, or one statement) again when PostgreSQL chose it as a deadlock's victim: two
 * processes writing the same rows in different orders (two `ingest` runs upserting one feed while the other claims its
 * articles) deadlock now and then, and PostgreSQL rolls one back whole, so running it again is safe. A few tries,
 * with a short random pause; anything else is thrown at once. SQLite never deadlocks (one writer at a time).
 */
export async function retryDeadlocks<T>(db: Db, work: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (db.dialect !== "postgres" || typeof code !== "string" || !retryable.has(code) || attempt >= tries)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}
