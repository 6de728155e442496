import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { ClusterInput } from "../src/stories/features.ts";

/** A labelled clustering set: items with the event each belongs to. */
export type LabelledItem = ClusterInput & {
  event: string;
  /** How much text a corpus item carries ("summary": a feed's two sentences; "article": the whole piece). */
  form?: string;
  /** Its kind of outlet (wire, trade, blog, podcast…), where the corpus says. */
  kind?: string;
};

const root = join(import.meta.dirname, "..");

/** The hand-written evaluation set (test/fixtures/eval/cluster-eval.jsonl). */
export function loadClusterEval(): LabelledItem[] {
  return readFileSync(join(root, "test", "fixtures", "eval", "cluster-eval.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabelledItem);
}

/** The demo corpus with its event labels; items of event "none" are each their own story. */
export function loadDemoEval(): LabelledItem[] {
  const out: LabelledItem[] = [];
  const dir = join(root, "demo", "content");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    const doc = parseYaml(readFileSync(join(dir, file), "utf8")) as {
      source: string;
      items: Array<{ slug: string; event: string; title: string; body: string; published: string }>;
    };
    for (const item of doc.items) {
      const id = `${doc.source}/${item.slug}`;
      out.push({
        id,
        title: item.title,
        text: item.body,
        source: doc.source,
        published: item.published,
        url: `https://${doc.source}.example/${item.slug}`,
        // A paper is its own story even when several are filed under one conference.
        event:
          item.event === "none" || (doc.source === "arxiv-cs-ai" && item.event === "neurips-2025")
            ? `own:${id}`
            : item.event,
      });
    }
  }
  return out;
}

export type PairScore = { precision: number; recall: number; f1: number; truePairs: number; predictedPairs: number };

/** Pairwise precision/recall: over all pairs of items, "same story" predicted vs "same event" labelled. */
export function pairwiseScore(items: LabelledItem[], clusters: string[][]): PairScore {
  const event = new Map(items.map((i) => [i.id, i.event]));
  let predicted = 0;
  let correct = 0;
  for (const ids of clusters) {
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        predicted += 1;
        if (event.get(ids[i] as string) === event.get(ids[j] as string)) correct += 1;
      }
    }
  }
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(item.event, (sizes.get(item.event) ?? 0) + 1);
  let truePairs = 0;
  for (const n of sizes.values()) truePairs += (n * (n - 1)) / 2;
  const precision = predicted ? correct / predicted : 1;
  const recall = truePairs ? correct / truePairs : 1;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    truePairs,
    predictedPairs: predicted,
  };
}
