import type { Selectable } from "kysely";
import { type ItemCandidate, itemId } from "../ingest/identity.ts";
import type { Article } from "../model/article.ts";
import type { ArticleStatus, IdentityKind, Item, ItemWithArticle } from "../model/item.ts";
import type { Db } from "./db.ts";
import type { ArticlesTable, ItemsTable } from "./schema.ts";

export type UpsertOutcome = { id: string; status: "new" | "updated" | "unchanged"; url: string | null };

/**
 * Times are compared as text in SQL, so every stored time has one form: toISOString's, with milliseconds
 * ("2025-12-03T00:00:00.000Z"); "…00Z" and "…00.000Z" would otherwise sort on the wrong side of each other.
 */
export function storedTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Items, their history, and their extracted articles. */
export class ItemsRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Stores a feed's items in one transaction. An item already stored — matched by trusted GUID, canonical URL or
   * content hash — is updated in place when its content changed (the previous version goes to item_versions) and
   * only touched otherwise. A field the feed now leaves empty keeps its stored value: a bad fetch loses nothing.
   */
  async upsertFromFeed(sourceId: string, candidates: ItemCandidate[], now: string): Promise<UpsertOutcome[]> {
    if (!candidates.length) return [];
    return this.#db.kysely.transaction().execute(async (trx) => {
      const existing: Selectable<ItemsTable>[] = [];
      for (const part of chunk(candidates, 300)) {
        const guids = part.map((c) => c.guid).filter((g): g is string => g !== null);
        const urls = part.map((c) => c.canonicalUrl).filter((u): u is string => u !== null);
        const rows = await trx
          .selectFrom("items")
          .selectAll()
          .where("source_id", "=", sourceId)
          .where((eb) =>
            eb.or([
              eb(
                "identity_key",
                "in",
                part.map((c) => c.identityKey),
              ),
              ...(guids.length ? [eb("guid", "in", guids)] : []),
              ...(urls.length ? [eb("canonical_url", "in", urls)] : []),
              eb(
                "content_hash",
                "in",
                part.map((c) => c.contentHash),
              ),
            ]),
          )
          .execute();
        existing.push(...rows);
      }
      const outcomes: UpsertOutcome[] = [];
      const claimed = new Set<string>();
      // Oldest first, so that first_seen order follows publication order within a fetch.
      for (const candidate of [...candidates].reverse()) {
        const match = findMatch(existing, candidate, claimed);
        if (!match) {
          const id = itemId(candidate.identityKey);
          await trx
            .insertInto("items")
            .values(newRow(id, sourceId, candidate, now))
            .onConflict((oc) => oc.doNothing())
            .execute();
          claimed.add(id);
          outcomes.push({ id, status: "new", url: candidate.url });
          continue;
        }
        claimed.add(match.id);
        if (match.content_hash === candidate.contentHash) {
          await trx.updateTable("items").set({ last_seen_at: now }).where("id", "=", match.id).execute();
          outcomes.push({ id: match.id, status: "unchanged", url: match.url });
          continue;
        }
        await trx
          .insertInto("item_versions")
          .values({
            item_id: match.id,
            version: match.version,
            title: match.title,
            summary: match.summary,
            content_html: match.content_html,
            content_hash: match.content_hash,
            published_at: match.published_at,
            updated_at: match.updated_at,
            recorded_at: now,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const linkChanged = candidate.canonicalUrl !== null && candidate.canonicalUrl !== match.canonical_url;
        await trx
          .updateTable("items")
          .set({
            title: candidate.title ?? match.title,
            summary: candidate.summary ?? match.summary,
            content_html: candidate.contentHtml ?? match.content_html,
            content_hash: candidate.contentHash,
            url: candidate.url ?? match.url,
            canonical_url: candidate.canonicalUrl ?? match.canonical_url,
            authors: candidate.authors.length ? JSON.stringify(candidate.authors) : match.authors,
            categories: candidate.categories.length ? JSON.stringify(candidate.categories) : match.categories,
            enclosures: candidate.enclosures.length ? JSON.stringify(candidate.enclosures) : match.enclosures,
            image: candidate.image ?? match.image,
            published_at: storedTime(candidate.publishedAt) ?? match.published_at,
            updated_at: storedTime(candidate.updatedAt) ?? match.updated_at,
            last_seen_at: now,
            version: match.version + 1,
            ...(linkChanged ? { article_status: "pending", article_attempts: 0 } : {}),
          })
          .where("id", "=", match.id)
          .execute();
        outcomes.push({ id: match.id, status: "updated", url: candidate.url ?? match.url });
      }
      return outcomes.reverse();
    });
  }

  /** Items whose page still has to be fetched and extracted (new, or failed fewer than `maxAttempts` times). */
  async pendingArticles(options: {
    sourceId?: string;
    maxAttempts: number;
    limit?: number;
  }): Promise<Pick<Item, "id" | "sourceId" | "url">[]> {
    let query = this.#db.kysely
      .selectFrom("items")
      .select(["id", "source_id", "url"])
      .where("url", "is not", null)
      .where((eb) =>
        eb.or([
          eb("article_status", "=", "pending"),
          eb.and([eb("article_status", "=", "failed"), eb("article_attempts", "<", options.maxAttempts)]),
        ]),
      )
      .orderBy("first_seen_at")
      .orderBy("id");
    if (options.sourceId) query = query.where("source_id", "=", options.sourceId);
    if (options.limit) query = query.limit(options.limit);
    const rows = await query.execute();
    return rows.map((r) => ({ id: r.id, sourceId: r.source_id, url: r.url }));
  }

  /** Stores a fetched page (compressed) and what was extracted from it, in one transaction. */
  async saveArticle(
    itemId: string,
    page: {
      url: string;
      finalUrl: string;
      status: number;
      contentType: string | null;
      body: Uint8Array;
      byteLength: number;
    } | null,
    article: Article,
    extractorVersion: number,
    now: string,
  ): Promise<void> {
    await this.#db.kysely.transaction().execute(async (trx) => {
      if (page) {
        const pageRow = {
          item_id: itemId,
          url: page.url,
          final_url: page.finalUrl,
          status: page.status,
          content_type: page.contentType,
          fetched_at: now,
          body: page.body,
          byte_length: page.byteLength,
        };
        await trx
          .insertInto("pages")
          .values(pageRow)
          .onConflict((oc) => oc.column("item_id").doUpdateSet(pageRow))
          .execute();
      }
      const articleRow = {
        item_id: itemId,
        title: article.title,
        byline: article.byline,
        published_at: storedTime(article.published),
        site_name: article.siteName,
        lang: article.lang,
        text: article.text,
        html: article.html,
        image: article.image,
        extracted_at: now,
        extractor_version: extractorVersion,
      };
      await trx
        .insertInto("articles")
        .values(articleRow)
        .onConflict((oc) => oc.column("item_id").doUpdateSet(articleRow))
        .execute();
      await trx
        .updateTable("items")
        .set({ article_status: "ok", article_error: null })
        .where("id", "=", itemId)
        .execute();
    });
  }

  async markArticle(
    itemId: string,
    status: Exclude<ArticleStatus, "ok" | "pending">,
    error: string | null,
  ): Promise<void> {
    await this.#db.kysely
      .updateTable("items")
      .set((eb) => ({ article_status: status, article_error: error, article_attempts: eb("article_attempts", "+", 1) }))
      .where("id", "=", itemId)
      .execute();
  }

  /** Stored pages, for re-extraction after the extractor improves. */
  async *pages(
    options: { sourceId?: string; batch?: number } = {},
  ): AsyncGenerator<{ itemId: string; url: string; contentType: string | null; body: Uint8Array }> {
    let after = "";
    const batch = options.batch ?? 200;
    for (;;) {
      let query = this.#db.kysely
        .selectFrom("pages")
        .innerJoin("items", "items.id", "pages.item_id")
        .select(["pages.item_id", "pages.final_url", "pages.content_type", "pages.body"])
        .where("pages.item_id", ">", after)
        .orderBy("pages.item_id")
        .limit(batch);
      if (options.sourceId) query = query.where("items.source_id", "=", options.sourceId);
      const rows = await query.execute();
      for (const row of rows)
        yield { itemId: row.item_id, url: row.final_url, contentType: row.content_type, body: row.body };
      if (rows.length < batch) return;
      after = (rows.at(-1) as { item_id: string }).item_id;
    }
  }

  async get(id: string): Promise<ItemWithArticle | null> {
    const [item] = await this.list({ ids: [id] });
    return item ?? null;
  }

  /** Items with their articles, newest first; `since` filters on publication (or first sight when undated). */
  async list(
    options: { since?: string; until?: string; sourceId?: string; ids?: string[]; limit?: number } = {},
  ): Promise<ItemWithArticle[]> {
    let query = this.#db.kysely
      .selectFrom("items")
      .leftJoin("articles", "articles.item_id", "items.id")
      .selectAll("items")
      .select([
        "articles.title as a_title",
        "articles.byline as a_byline",
        "articles.published_at as a_published_at",
        "articles.site_name as a_site_name",
        "articles.lang as a_lang",
        "articles.text as a_text",
        "articles.html as a_html",
        "articles.image as a_image",
        "articles.extracted_at as a_extracted_at",
      ]);
    if (options.ids) query = query.where("items.id", "in", options.ids.length ? options.ids : [""]);
    if (options.sourceId) query = query.where("items.source_id", "=", options.sourceId);
    if (options.since)
      query = query.where((eb) => eb.fn.coalesce("items.published_at", "items.first_seen_at"), ">=", options.since);
    if (options.until)
      query = query.where((eb) => eb.fn.coalesce("items.published_at", "items.first_seen_at"), "<", options.until);
    query = query
      .orderBy((eb) => eb.fn.coalesce("items.published_at", "items.first_seen_at"), "desc")
      .orderBy("items.id");
    if (options.limit) query = query.limit(options.limit);
    const rows = await query.execute();
    return rows.map((row) => ({
      ...toItem(row),
      article:
        row.a_text === null || row.a_extracted_at === null
          ? null
          : {
              title: row.a_title,
              byline: row.a_byline,
              published: row.a_published_at,
              siteName: row.a_site_name,
              lang: row.a_lang,
              text: row.a_text,
              html: row.a_html ?? "",
              image: row.a_image,
              extractedAt: row.a_extracted_at,
            },
    }));
  }

  async versions(id: string) {
    return this.#db.kysely
      .selectFrom("item_versions")
      .selectAll()
      .where("item_id", "=", id)
      .orderBy("version")
      .execute();
  }

  async count(): Promise<{ items: number; articles: number; pages: number }> {
    const one = async (table: "items" | "articles" | "pages") =>
      Number(
        (
          await this.#db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { items: await one("items"), articles: await one("articles"), pages: await one("pages") };
  }
}

function findMatch(
  rows: Selectable<ItemsTable>[],
  c: ItemCandidate,
  claimed: Set<string>,
): Selectable<ItemsTable> | undefined {
  const free = (row: Selectable<ItemsTable>) => !claimed.has(row.id);
  return (
    rows.find((r) => free(r) && r.identity_key === c.identityKey) ??
    (c.guid ? rows.find((r) => free(r) && r.guid === c.guid) : undefined) ??
    (c.canonicalUrl
      ? rows.find((r) => free(r) && r.canonical_url === c.canonicalUrl && (!c.guid || !r.guid))
      : undefined) ??
    rows.find(
      (r) =>
        free(r) && r.content_hash === c.contentHash && (!c.guid || !r.guid) && (!c.canonicalUrl || !r.canonical_url),
    )
  );
}

function newRow(id: string, sourceId: string, c: ItemCandidate, now: string): ItemsTable {
  return {
    id,
    source_id: sourceId,
    identity_key: c.identityKey,
    identity_kind: c.identityKind,
    guid: c.guid,
    url: c.url,
    canonical_url: c.canonicalUrl,
    content_hash: c.contentHash,
    title: c.title,
    summary: c.summary,
    content_html: c.contentHtml,
    authors: JSON.stringify(c.authors),
    categories: JSON.stringify(c.categories),
    enclosures: JSON.stringify(c.enclosures),
    image: c.image,
    published_at: storedTime(c.publishedAt),
    updated_at: storedTime(c.updatedAt),
    first_seen_at: now,
    last_seen_at: now,
    version: 1,
    article_status: c.url ? "pending" : "skipped",
    article_attempts: 0,
    article_error: null,
  };
}

function toItem(row: Selectable<ItemsTable>): Item {
  return {
    id: row.id,
    sourceId: row.source_id,
    identityKey: row.identity_key,
    identityKind: row.identity_kind as IdentityKind,
    guid: row.guid,
    url: row.url,
    canonicalUrl: row.canonical_url,
    contentHash: row.content_hash,
    title: row.title,
    summary: row.summary,
    contentHtml: row.content_html,
    authors: JSON.parse(row.authors),
    categories: JSON.parse(row.categories),
    enclosures: JSON.parse(row.enclosures),
    image: row.image,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    version: Number(row.version),
    articleStatus: row.article_status as ArticleStatus,
  };
}

export type { ArticlesTable };
