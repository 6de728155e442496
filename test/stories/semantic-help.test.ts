import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../bench/corpus.ts";
import { type EmbeddingsStandin, startEmbeddingsStandin } from "../../bench/lib/embeddings-standin.ts";
import { type JudgeStandin, startJudgeStandin } from "../../bench/lib/judge-standin.ts";
import { configSchema } from "../../src/config/schema.ts";
import { silentLogger } from "../../src/log.ts";
import { assignWithSemanticHelp, semanticCaches, semanticNotices } from "../../src/pipeline/semantic-help.ts";
import type { Db } from "../../src/store/db.ts";
import { EmbeddingsRepo } from "../../src/store/embeddings-repo.ts";
import { assignStories } from "../../src/stories/index.ts";
import { extractEntities } from "../../src/text/entities/extract-entities.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

// Two days of the development corpus: enough items for a background, few enough for a quick test.
const corpus = loadCorpus("test/eval/fixtures/corpus/a").items;
const start = Date.parse(corpus[0]?.published ?? "");
const items = corpus
  .filter((i) => Date.parse(i.published ?? "") - start < 2 * 86_400_000)
  .map(({ event: _event, ...item }) => item);
const groups = (stories: Array<{ itemIds: string[] }>) => stories.map((s) => [...s.itemIds].sort().join(" ")).sort();

let embeddings: EmbeddingsStandin;
let judge: JudgeStandin;
beforeAll(async () => {
  embeddings = await startEmbeddingsStandin();
  judge = await startJudgeStandin();
});
afterAll(async () => {
  await embeddings.close();
  await judge.close();
});

const config = (extra: Record<string, unknown> = {}) =>
  configSchema.parse({ embeddings: { url: embeddings.baseUrl, model: "standin", batchSize: 16 }, ...extra });
const options = { entities: extractEntities };

for (const kind of testStores()) {
  describe(`semantic help on ${kind.name}`, () => {
    let store: TestStore | null;
    let db: Db;
    beforeEach(async (ctx) => {
      store = await kind.create();
      if (!store) return ctx.skip();
      db = await store.open();
      embeddings.failWith = null;
      judge.failWith = null;
    });
    afterEach(async () => {
      await db?.close();
      await store?.cleanup();
    });

    it("keeps vectors exactly, and replaces a key's vector", async () => {
      const repo = new EmbeddingsRepo(db);
      const v = Float32Array.from([0.6, -0.8, 1e-7, 0]);
      await repo.setMany("m", [
        { key: "k1", vector: v },
        { key: "k2", vector: Float32Array.from([1]) },
      ]);
      await repo.setMany("m", [{ key: "k2", vector: Float32Array.from([0, 1]) }]);
      const got = await repo.getMany(["k1", "k2", "k3"]);
      expect([...got.keys()].sort()).toEqual(["k1", "k2"]);
      expect(Array.from(got.get("k1") as Float32Array)).toEqual(Array.from(v));
      expect(Array.from(got.get("k2") as Float32Array)).toEqual([0, 1]);
      expect(await repo.count()).toBe(2);
    });

    it("embeds once: a re-run over the same items asks the endpoint nothing and clusters the same", async () => {
      const caches = semanticCaches(db);
      const before = embeddings.texts;
      const first = await assignWithSemanticHelp(items, options, config(), caches, silentLogger);
      expect(embeddings.texts - before).toBe(items.length);
      expect(first.semantic.embeddings).toMatchObject({ embedded: items.length, cached: 0, warning: null });
      const requests = embeddings.requests;
      const again = await assignWithSemanticHelp(items, options, config(), semanticCaches(db), silentLogger);
      expect(embeddings.requests).toBe(requests);
      expect(again.semantic.embeddings).toMatchObject({ embedded: items.length, cached: items.length });
      expect(groups(again.stories)).toEqual(groups(first.stories));
    });

    it("clusters exactly lexically, with a coded warning, when the endpoint fails", async () => {
      embeddings.failWith = 500;
      const result = await assignWithSemanticHelp(items, options, config(), semanticCaches(db), silentLogger);
      expect(groups(result.stories)).toEqual(groups(assignStories(items, options).stories));
      expect(result.semantic.warnings.map((w) => w.code)).toEqual(["E_EMBEDDINGS_REQUEST"]);
      expect(semanticNotices(result.semantic)[0]).toMatch(/^warning E_EMBEDDINGS_REQUEST: .*500.*lexically/);
    });

    it("asks the judge up to the cap and says so; cached answers are free", async () => {
      const judged = (maxPairs: number) =>
        config({
          judge: { enabled: true, maxPairs },
          llm: { baseUrl: judge.baseUrl, model: "standin-judge" },
        });
      const before = judge.requests;
      // A cap below the run's uncertain pairs (two days hold only a few: the pair model is sure of most).
      const capped = await assignWithSemanticHelp(items, options, judged(1), semanticCaches(db), silentLogger);
      // A failed request would stop the asking early: say so first, rather than only that fewer were asked.
      expect(capped.semantic.warnings.map((w) => w.message)).toEqual([]);
      expect(judge.requests - before).toBe(1);
      expect(capped.semantic.judge).toMatchObject({ asked: 1, capReached: true });
      expect(capped.semantic.judge?.overCap).toBeGreaterThan(0);
      expect(semanticNotices(capped.semantic).join("\n")).toMatch(
        /cap was reached after 1 question: the pair model decided the other \d+ uncertain pairs?/,
      );
      // Without a binding cap: the first answer comes from the store, the rest are asked once.
      const full = await assignWithSemanticHelp(items, options, judged(1000), semanticCaches(db), silentLogger);
      expect(full.semantic.judge).toMatchObject({ capReached: false });
      expect(full.semantic.judge?.cached).toBeGreaterThanOrEqual(1);
      const requests = judge.requests;
      const again = await assignWithSemanticHelp(items, options, judged(1000), semanticCaches(db), silentLogger);
      expect(judge.requests).toBe(requests);
      expect(again.semantic.judge).toMatchObject({ asked: 0 });
      expect(groups(again.stories)).toEqual(groups(full.stories));
    });

    it("runs without the judge, and says why, when no LLM is configured", async () => {
      const result = await assignWithSemanticHelp(
        items,
        options,
        config({ judge: { enabled: true } }),
        semanticCaches(db),
        silentLogger,
      );
      expect(result.semantic.judge).toBeNull();
      expect(result.semantic.warnings.map((w) => w.code)).toEqual(["E_CONFIG_INVALID"]);
    });
  });
}
