import type { Entity } from "../model/entity.ts";
import type { RankFactor } from "../model/story.ts";
import { commentary } from "../text/commentary.ts";
import { formatUsd } from "../text/money.ts";

export type RankItem = {
  sourceId: string;
  sourceName: string;
  sourceWeight: number;
  time: number;
  entities: Entity[];
  /** The item's title: explainers, podcast episodes and round-ups discuss news rather than report it. */
  title?: string;
};

export type RankInput = {
  items: RankItem[];
  pinned: boolean;
  /** 1 for a story unlike anything of the last week, 0 for a repeat of one. */
  novelty: number;
  /** How much editors care about a company, 0..1 (by normalised name). */
  prominence: (company: string) => number;
  now: number;
};

/** Factor weights: what an editor weighs, in the order they usually weigh it. */
export const rankWeights = {
  coverage: 3,
  sources: 1.5,
  recency: 2,
  money: 1.5,
  prominence: 1.5,
  novelty: 1,
  reporting: 1.5,
  editor: 100,
};

/**
 * Scores a story the way an editor weighs it — how many distinct outlets cover it, how much those outlets are
 * trusted, how recent it is, the size of the money and the prominence of the companies involved, whether it is
 * news against the last week, whether its items report news or only discuss it, and editor pins — and keeps every
 * factor so the score can be explained.
 */
export function rankStory(input: RankInput): { score: number; factors: RankFactor[] } {
  const outlets = new Map<string, RankItem>();
  for (const item of input.items)
    if (!outlets.has(item.sourceId) || (outlets.get(item.sourceId) as RankItem).sourceWeight < item.sourceWeight)
      outlets.set(item.sourceId, item);
  const distinct = [...outlets.values()];
  const weights = distinct.map((o) => o.sourceWeight).sort((a, b) => b - a);
  const latest = Math.max(...input.items.map((i) => i.time || 0));
  const hours = latest ? Math.max(0, (input.now - latest) / 3_600_000) : 48;
  const money = Math.max(
    0,
    ...input.items.flatMap((i) => i.entities.filter((e) => e.type === "money").map((e) => e.value ?? 0)),
  );
  const companies = new Map<string, number>();
  for (const item of input.items) {
    for (const entity of item.entities)
      if (entity.type === "org") companies.set(entity.normalized, input.prominence(entity.normalized));
  }
  const [topCompany, topProminence] = [...companies.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];

  const factors: RankFactor[] = [
    factor(
      "coverage",
      Math.min(1, Math.log2(1 + distinct.length) / Math.log2(9)),
      `${distinct.length} outlet${distinct.length === 1 ? "" : "s"}`,
    ),
    factor(
      "sources",
      Math.min(1, weights.slice(0, 3).reduce((s, w) => s + w, 0) / 3 / 1.5),
      `trust ${weights
        .slice(0, 3)
        .map((w) => w.toFixed(1))
        .join(", ")}`,
    ),
    factor("recency", Math.exp(-hours / 24), `${Math.round(hours)} h old`),
    factor(
      "money",
      money >= 1e6 ? Math.min(1, Math.log10(money / 1e6) / 5) : 0,
      money ? formatUsd(money) : "no amount",
    ),
    factor("prominence", topProminence, topCompany || "no major company"),
    factor(
      "novelty",
      input.novelty,
      input.novelty > 0.8 ? "new this week" : input.novelty > 0.4 ? "follow-up" : "repeat of this week",
    ),
  ];
  const reporting = input.items.filter((i) => !i.title || !commentary(i.title)).length;
  factors.push(
    factor(
      "reporting",
      input.items.length ? reporting / input.items.length : 0,
      reporting === input.items.length
        ? "reports news"
        : reporting === 0
          ? "commentary only"
          : `${reporting} of ${input.items.length} items report news`,
    ),
  );
  if (input.pinned) factors.push(factor("editor", 1, "pinned by an editor"));
  const score = factors.reduce((sum, f) => sum + f.contribution, 0);
  factors.sort((a, b) => b.contribution - a.contribution);
  return { score: Math.round(score * 1000) / 1000, factors };
}

function factor(name: keyof typeof rankWeights, value: number, detail: string): RankFactor {
  const rounded = Math.round(value * 1000) / 1000;
  return { name, value: rounded, contribution: Math.round(rounded * rankWeights[name] * 1000) / 1000, detail };
}
