import { describe, expect, it } from "vitest";
import { loadDemoEval } from "../../bench/cluster-eval.ts";
import { loadCorpus } from "../../bench/corpus.ts";
import { clusterThroughStore } from "../../bench/store-path.ts";
import { clusterStandalone } from "../../src/pipeline/build-stories.ts";

const sorted = (groups: string[][]) =>
  groups.map((g) => [...g].sort()).sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));

describe("one clustering path", () => {
  it("gives the same stories through `stories cluster --jsonl` and through the store", async () => {
    // The demo's four days (long articles, near-copies, same-company events) and a week of the development corpus.
    const corpus = loadCorpus("test/eval/fixtures/corpus/a").items;
    const start = Date.parse(corpus[0]?.published ?? "");
    const week = corpus.filter((i) => Math.abs(Date.parse(i.published ?? "") - start) < 7 * 86_400_000);
    for (const items of [loadDemoEval(), week]) {
      const standalone = clusterStandalone(items);
      const stored = await clusterThroughStore(items, { daily: false });
      expect(sorted(stored.map((s) => s.corpusIds))).toEqual(sorted(standalone.map((s) => s.itemIds)));
      // Subjects and topics are the same function of the same members.
      const subjectOf = new Map(standalone.map((s) => [[...s.itemIds].sort().join(" "), s.subject?.name ?? null]));
      for (const story of stored)
        expect(story.subject?.name ?? null).toBe(subjectOf.get([...story.corpusIds].sort().join(" ")));
      expect(standalone.some((s) => s.itemIds.length > 1)).toBe(true);
    }
  }, 120_000);
});
