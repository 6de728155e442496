import type { Selectable } from "kysely";
import { type ItemCandidate, itemId } from "../model/item.ts";
import type { Db } from "./db.ts";
import { retryDeadlocks } from "./retry.ts";
import type { ItemsTable } from "./schema.ts";

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

/**
 * ItemsRepo.upsertFromFeed: one feed's candidates matched against what the source already has, in one transaction.
 */
export async function upsertItems(
  db: Db,
  sourceId: string,
  candidates: ItemCandidate[],
  now: string,
): Promise<UpsertOutcome[]> {
  if (!candidates.length) return [];
  return retryDeadlocks(db, () => upsertOnce(db, sourceId, candidates, now));
}

async function upsertOnce(
  db: Db,
  sourceId: string,
  candidates: ItemCandidate[],
  now: string,
): Promise<UpsertOutcome[]> {
  return db.kysely.transaction().execute(async (trx) => {
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
          // An image's description goes with that image: a new image brings its own, or none.
          image_alt: candidate.image ? (candidate.imageAlt ?? null) : match.image_alt,
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
    // A feed that hands out a new GUID on every fetch: the same page with the same text is the same item. Items that
    // share a page (a podcast's episodes all linking its homepage) differ in text and stay apart.
    (c.guid && c.canonicalUrl
      ? rows.find((r) => free(r) && r.canonical_url === c.canonicalUrl && r.content_hash === c.contentHash)
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
    image_alt: c.imageAlt ?? null,
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
