import type { Entity } from "../model/entity.ts";
import { contentTokens } from "../text/tokens.ts";

/** How far back a story is compared for novelty: a repeat of last week's news is not news. */
const noveltyWindowMs = 7 * 86_400_000;

/** What novelty reads of a story's member. */
export type NoveltyMember = { id: string; title: string; entities: Entity[] };

/**
 * Novelty of stories met in order of their first item: 1 for a story unlike anything of the week before it, less
 * the more it shares (entities most of its items name, and its first title's words) with an earlier story.
 * Compares only with earlier stories sharing a key, so the cost stays with the overlaps.
 */
export class NoveltyTracker {
  readonly #keysOf = new Map<string, Set<string>>();
  readonly #firstOf = new Map<string, number>();
  readonly #byKey = new Map<string, string[]>();

  /** Records a story (first item at `firstTime`) and returns its novelty against those recorded before it. */
  add(storyId: string, firstTime: number, members: NoveltyMember[]): number {
    const keys = storyKeys(members);
    let similarity = 0;
    const compared = new Set<string>();
    for (const key of keys) {
      for (const other of this.#byKey.get(key) ?? []) {
        if (compared.has(other)) continue;
        compared.add(other);
        const otherFirst = this.#firstOf.get(other) as number;
        if (otherFirst < firstTime && firstTime - otherFirst <= noveltyWindowMs)
          similarity = Math.max(similarity, jaccard(keys, this.#keysOf.get(other) as Set<string>));
      }
    }
    this.#keysOf.set(storyId, keys);
    this.#firstOf.set(storyId, firstTime);
    for (const key of keys) {
      const list = this.#byKey.get(key);
      if (list) list.push(storyId);
      else this.#byKey.set(key, [storyId]);
    }
    return 1 - similarity;
  }
}

/** What a story is about, for novelty: entities most of its items name, and its first title's words. */
function storyKeys(members: NoveltyMember[]): Set<string> {
  const counts = new Map<string, number>();
  for (const m of members) {
    const named = m.entities.filter((e) => e.type !== "money" && e.type !== "quantity");
    for (const key of new Set(named.map((e) => `${e.type}:${e.normalized}`)))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = new Set([...counts].filter(([, n]) => n * 2 >= members.length).map(([k]) => k));
  for (const token of contentTokens(members[0]?.title ?? "")) keys.add(`t:${token}`);
  return keys;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const key of a) if (b.has(key)) shared += 1;
  return a.size + b.size - shared ? shared / (a.size + b.size - shared) : 0;
}

/** What lead choice reads of a member: its outlet's weight and its time (ISO). */
export type LeadCandidate = { sourceWeight: number; time: string };

/** The item a story is shown by: from its most trusted outlet, the earliest of those. */
export function leadItem<T extends LeadCandidate>(members: T[]): T {
  return [...members].sort((a, b) => b.sourceWeight - a.sourceWeight || a.time.localeCompare(b.time))[0] as T;
}
