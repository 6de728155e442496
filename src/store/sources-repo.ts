import type { Selectable } from "kysely";
import { DaybriefError } from "../errors.ts";
import type { NewSource, Source, SourceKind, SourceOrigin } from "../model/source.ts";
import type { Db } from "./db.ts";
import type { SourcesTable } from "./schema.ts";

export type FetchOutcome = "ok" | "not_modified" | "error" | "gone";

export type FetchLogEntry = {
  sourceId: string;
  startedAt: string;
  durationMs: number;
  outcome: FetchOutcome;
  httpStatus: number | null;
  itemsNew: number;
  itemsUpdated: number;
  errorCode: string | null;
  errorMessage: string | null;
};

/** Sources and their health. */
export class SourcesRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async list(): Promise<Source[]> {
    const rows = await this.#db.kysely.selectFrom("sources").selectAll().orderBy("name").execute();
    return rows.map(toSource);
  }

  /** Finds a source by id or by URL. */
  async find(idOrUrl: string): Promise<Source | null> {
    const row = await this.#db.kysely
      .selectFrom("sources")
      .selectAll()
      .where((eb) => eb.or([eb("id", "=", idOrUrl), eb("url", "=", idOrUrl)]))
      .executeTakeFirst();
    return row ? toSource(row) : null;
  }

  async get(idOrUrl: string): Promise<Source> {
    const source = await this.find(idOrUrl);
    if (!source) throw new DaybriefError("E_SOURCE_NOT_FOUND", `No source "${idOrUrl}".`);
    return source;
  }

  /** Adds a source; its id is a slug of its name, made unique. */
  async add(input: NewSource, now = new Date().toISOString()): Promise<Source> {
    if (await this.find(input.url)) throw new DaybriefError("E_SOURCE_EXISTS", `${input.url} is already a source.`);
    const id = input.id ?? (await this.#uniqueId(slugify(input.name || new URL(input.url).hostname)));
    await this.#db.kysely
      .insertInto("sources")
      .values({
        id,
        url: input.url,
        name: input.name,
        kind: input.kind,
        weight: input.weight,
        enabled: input.enabled === false ? 0 : 1,
        origin: input.origin,
        interval_minutes: input.intervalMinutes ?? null,
        consecutive_failures: 0,
        items_seen: 0,
        gone: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return this.get(id);
  }

  /**
   * Makes the store's config-defined sources match the config file: new URLs are added, changed names, kinds and
   * weights updated. Sources added from the CLI or OPML are left alone; sources dropped from the file are disabled,
   * never deleted, so their items stay.
   */
  async syncFromConfig(
    wanted: NewSource[],
    now = new Date().toISOString(),
  ): Promise<{ added: number; updated: number; disabled: number }> {
    const existing = await this.list();
    const byUrl = new Map(existing.map((s) => [s.url, s]));
    let added = 0;
    let updated = 0;
    let disabled = 0;
    for (const source of wanted) {
      const current = byUrl.get(source.url);
      if (!current) {
        await this.add({ ...source, origin: "config" }, now);
        added += 1;
        continue;
      }
      const changed =
        current.name !== source.name ||
        current.kind !== source.kind ||
        current.weight !== source.weight ||
        (current.origin === "config" && !current.enabled) ||
        (source.intervalMinutes ?? null) !== (current.intervalMinutes || null);
      if (changed) {
        await this.#db.kysely
          .updateTable("sources")
          .set({
            name: source.name,
            kind: source.kind,
            weight: source.weight,
            enabled: 1,
            origin: "config",
            interval_minutes: source.intervalMinutes ?? null,
            updated_at: now,
          })
          .where("id", "=", current.id)
          .execute();
        updated += 1;
      }
    }
    const wantedUrls = new Set(wanted.map((s) => s.url));
    for (const source of existing) {
      if (source.origin === "config" && source.enabled && !wantedUrls.has(source.url)) {
        await this.setEnabled(source.id, false, now);
        disabled += 1;
      }
    }
    return { added, updated, disabled };
  }

  async remove(id: string): Promise<void> {
    await this.#db.kysely.deleteFrom("sources").where("id", "=", id).execute();
  }

  /** Changes what an editor may change of a source: its name, weight, fetch interval and whether it is read. */
  async update(
    id: string,
    changes: Partial<Pick<Source, "name" | "weight" | "intervalMinutes" | "enabled">>,
    now = new Date().toISOString(),
  ): Promise<Source> {
    await this.#db.kysely
      .updateTable("sources")
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.weight !== undefined ? { weight: changes.weight } : {}),
        ...(changes.intervalMinutes !== undefined ? { interval_minutes: changes.intervalMinutes } : {}),
        ...(changes.enabled !== undefined ? { enabled: changes.enabled ? 1 : 0 } : {}),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    return this.get(id);
  }

  async setEnabled(id: string, enabled: boolean, now = new Date().toISOString()): Promise<void> {
    await this.#db.kysely
      .updateTable("sources")
      .set({ enabled: enabled ? 1 : 0, updated_at: now })
      .where("id", "=", id)
      .execute();
  }

  /** Sources whose next fetch is due: enabled, not gone, and not put off by backoff or Retry-After. */
  async due(now: string): Promise<Source[]> {
    const rows = await this.#db.kysely
      .selectFrom("sources")
      .selectAll()
      .where("enabled", "=", 1)
      .where("gone", "=", 0)
      .where((eb) => eb.or([eb("next_fetch_at", "is", null), eb("next_fetch_at", "<=", now)]))
      .orderBy("name")
      .execute();
    return rows.map(toSource);
  }

  async recordSuccess(
    id: string,
    result: {
      at: string;
      nextFetchAt: string;
      etag: string | null;
      lastModified: string | null;
      itemsNew: number;
      url?: string;
      siteUrl?: string | null;
    },
  ): Promise<void> {
    await this.#db.kysely
      .updateTable("sources")
      .set((eb) => ({
        last_fetch_at: result.at,
        last_success_at: result.at,
        last_error_code: null,
        last_error_message: null,
        consecutive_failures: 0,
        next_fetch_at: result.nextFetchAt,
        etag: result.etag,
        last_modified: result.lastModified,
        items_seen: eb("items_seen", "+", result.itemsNew),
        updated_at: result.at,
        ...(result.url ? { url: result.url } : {}),
        ...(result.siteUrl ? { site_url: result.siteUrl } : {}),
      }))
      .where("id", "=", id)
      .execute();
  }

  async recordFailure(
    id: string,
    failure: { at: string; nextFetchAt: string; code: string; message: string; gone?: boolean },
  ): Promise<void> {
    await this.#db.kysely
      .updateTable("sources")
      .set((eb) => ({
        last_fetch_at: failure.at,
        last_error_at: failure.at,
        last_error_code: failure.code,
        last_error_message: failure.message,
        consecutive_failures: eb("consecutive_failures", "+", 1),
        next_fetch_at: failure.nextFetchAt,
        updated_at: failure.at,
        ...(failure.gone ? { gone: 1 } : {}),
      }))
      .where("id", "=", id)
      .execute();
  }

  async logFetch(entry: FetchLogEntry): Promise<void> {
    await this.#db.kysely
      .insertInto("fetch_log")
      .values({
        source_id: entry.sourceId,
        started_at: entry.startedAt,
        duration_ms: Math.round(entry.durationMs),
        outcome: entry.outcome,
        http_status: entry.httpStatus,
        items_new: entry.itemsNew,
        items_updated: entry.itemsUpdated,
        error_code: entry.errorCode,
        error_message: entry.errorMessage,
      })
      .execute();
  }

  async #uniqueId(base: string): Promise<string> {
    const taken = new Set(
      (await this.#db.kysely.selectFrom("sources").select("id").where("id", "like", `${base}%`).execute()).map(
        (r) => r.id,
      ),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "source";
}

function toSource(row: Selectable<SourcesTable>): Source {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    kind: row.kind as SourceKind,
    weight: Number(row.weight),
    enabled: row.enabled === 1,
    origin: row.origin as SourceOrigin,
    intervalMinutes: row.interval_minutes ?? 0,
    siteUrl: row.site_url,
    etag: row.etag,
    lastModified: row.last_modified,
    health: {
      lastFetchAt: row.last_fetch_at,
      lastSuccessAt: row.last_success_at,
      lastErrorAt: row.last_error_at,
      lastErrorCode: row.last_error_code,
      lastErrorMessage: row.last_error_message,
      consecutiveFailures: Number(row.consecutive_failures),
      itemsSeen: Number(row.items_seen),
      nextFetchAt: row.next_fetch_at,
      gone: row.gone === 1,
    },
  };
}
