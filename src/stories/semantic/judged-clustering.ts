import { assignStories, type Clustering, type ClusterOptions } from "../cluster-items.ts";
import type { ClusterInput } from "../features.ts";
import type { JudgeReport, PairJudge } from "./judge.ts";

/** The story scores the judge is asked about: below, the pair model is sure they differ; above, that they match. */
export type JudgeBand = { low: number; high: number };

/**
 * Passes of clustering with the judge: each pass collects the uncertain pairs it met, the judge answers them
 * (most uncertain first, under its cap), and the next pass clusters with those verdicts. A verdict can move items,
 * which meets new uncertain pairs; three passes settle it on the development corpora.
 */
const maxPasses = 3;

/**
 * `assignStories` with an LLM judge for the uncertain: items whose best story score falls in `band` are decided
 * by the judge's verdict on the item and the story's best-matching member; what the judge does not answer (its cap
 * reached, or the endpoint failing) the pair model decides, as it would alone.
 *
 * @example
 * const { stories, judge } = await assignStoriesJudged(items, options, new PairJudge(…), { low: 0.5, high: 0.9 });
 */
export async function assignStoriesJudged(
  items: ClusterInput[],
  options: ClusterOptions,
  judge: PairJudge,
  band: JudgeBand,
): Promise<Clustering & { judge: JudgeReport }> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const verdicts = new Map<string, boolean>();
  const unanswerable = new Set<string>();
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  let result: Clustering | null = null;
  for (let pass = 0; pass < maxPasses; pass += 1) {
    const pending = new Map<string, { a: string; b: string; score: number }>();
    result = assignStories(items, {
      ...options,
      judge: {
        ...band,
        verdict: (a, b) => verdicts.get(key(a, b)),
        uncertain: (a, b, score) => {
          const k = key(a, b);
          if (!unanswerable.has(k) && !pending.has(k)) pending.set(k, { a, b, score });
        },
      },
    });
    if (!pending.size || !judge.available) break;
    // The closest calls first: when the cap cuts the list, the model answered the pairs it matters most for.
    const threshold = options.threshold ?? 0.85;
    const list = [...pending.entries()].sort(
      (x, y) => Math.abs(x[1].score - threshold) - Math.abs(y[1].score - threshold) || (x[0] < y[0] ? -1 : 1),
    );
    const answers = await judge.judge(
      list.map(([, pair]) => [byId.get(pair.a) as ClusterInput, byId.get(pair.b) as ClusterInput]),
    );
    let answered = 0;
    list.forEach(([k], i) => {
      const verdict = answers[i];
      if (verdict === undefined) unanswerable.add(k);
      else {
        verdicts.set(k, verdict);
        answered += 1;
      }
    });
    if (!answered) break;
  }
  return { ...(result as Clustering), judge: judge.report() };
}
