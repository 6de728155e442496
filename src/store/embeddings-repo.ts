import type { Db } from "./db.ts";

/** Rows read or written per statement: PostgreSQL and SQLite both cap the parameters of one statement. */
const chunk = 500;

/**
 * The store's `embeddings` table (SQLite or PostgreSQL alike): vectors by (model, text) key, so a clustering run
 * pays the embeddings endpoint only for texts it has not embedded before. It has the shape of the stories stage's
 * `EmbeddingCache`, which the pipeline hands it as.
 *
 * @example
 * const { vectors } = await embedItems(items, { embedder, cache: new EmbeddingsRepo(db), batchSize: 64 });
 */
export class EmbeddingsRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async getMany(keys: string[]): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    for (let from = 0; from < keys.length; from += chunk) {
      const rows = await this.#db.kysely
        .selectFrom("embeddings")
        .select(["key", "dimensions", "vector"])
        .where("key", "in", keys.slice(from, from + chunk))
        .execute();
      for (const row of rows) {
        const vector = fromBytes(row.vector, Number(row.dimensions));
        if (vector) out.set(row.key, vector);
      }
    }
    return out;
  }

  async setMany(model: string, entries: Array<{ key: string; vector: Float32Array }>): Promise<void> {
    const now = new Date().toISOString();
    for (let from = 0; from < entries.length; from += chunk) {
      const rows = entries.slice(from, from + chunk).map(({ key, vector }) => ({
        key,
        model,
        dimensions: vector.length,
        vector: toBytes(vector),
        created_at: now,
      }));
      if (!rows.length) continue;
      await this.#db.kysely
        .insertInto("embeddings")
        .values(rows)
        .onConflict((conflict) =>
          conflict.column("key").doUpdateSet((eb) => ({
            model: eb.ref("excluded.model"),
            dimensions: eb.ref("excluded.dimensions"),
            vector: eb.ref("excluded.vector"),
            created_at: eb.ref("excluded.created_at"),
          })),
        )
        .execute();
    }
  }

  /** Vectors kept, for reports and tests. */
  async count(): Promise<number> {
    const row = await this.#db.kysely
      .selectFrom("embeddings")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

/** Little-endian 32-bit floats, whatever the machine's byte order. */
function toBytes(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i += 1) bytes.writeFloatLE(vector[i] as number, i * 4);
  return bytes;
}

/** A stored vector, or null when its bytes do not hold `dimensions` floats (a damaged row is embedded again). */
function fromBytes(bytes: Uint8Array, dimensions: number): Float32Array | null {
  if (bytes.byteLength !== dimensions * 4 || !dimensions) return null;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i += 1) vector[i] = view.readFloatLE(i * 4);
  return vector;
}
