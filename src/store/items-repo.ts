import type { Selectable } from "kysely";
import type { Article } from "../model/article.ts";
import type { ArticleStatus, IdentityKind, Item, ItemCandidate, ItemWithArticle } from "../model/item.ts";
import { ArticleLeases } from "./article-leases.ts";
import type { Db } from "./db.ts";
import { storedTime, type UpsertOutcome, upsertItems } from "./items-upsert.ts";
import type { ArticlesTable, ItemsTable } from "./schema.ts";

export { storedTime, type UpsertOutcome };

/** Items, their history, and their extracted articles. */
export class ItemsRepo {
  readonly #db: Db;
  /** Claims on pending articles, for runs that work side by side. */
  readonly leases: ArticleLeases;

  constructor(db: Db) {
    this.#db = db;
    this.leases = new ArticleLeases(db);
  }

  /**
   * Stores a feed's items in one transaction. An item already stored — matched by trusted GUID, canonical URL or
   * content hash — is updated in place when its content changed (the previous version goes to item_versions) and
   * only touched otherwise. A field the feed now leaves empty keeps its stored value: a bad fetch loses nothing.
   */
  upsertFromFeed(sourceId: string, candidates: ItemCandidate[], now: string): Promise<UpsertOutcome[]> {
    return upsertItems(this.#db, sourceId, candidates, now);
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
        image_alt: article.imageAlt ?? null,
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
        .set({ article_status: "ok", article_error: null, ...noLease })
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
      .set((eb) => ({
        article_status: status,
        article_error: error,
        article_attempts: eb("article_attempts", "+", 1),
        ...noLease,
      }))
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
        "articles.image_alt as a_image_alt",
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
              imageAlt: row.a_image_alt,
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

/** Settling an item's article (saved, failed, skipped) ends any claim on it. */
const noLease = { article_lease_owner: null, article_lease_until: null };

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
    imageAlt: row.image_alt,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    version: Number(row.version),
    articleStatus: row.article_status as ArticleStatus,
  };
}

export type { ArticlesTable };
