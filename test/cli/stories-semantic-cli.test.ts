import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../bench/corpus.ts";
import { type EmbeddingsStandin, startEmbeddingsStandin } from "../../bench/lib/embeddings-standin.ts";
import { cliSandbox, runCli } from "../helpers/cli.ts";

// A week of the development corpus, labels dropped: what a user pipes in.
const corpus = loadCorpus("test/eval/fixtures/corpus/a").items;
const start = Date.parse(corpus[0]?.published ?? "");
const input = corpus
  .filter((i) => Date.parse(i.published ?? "") - start < 7 * 86_400_000)
  .map(({ event: _event, ...item }) => JSON.stringify(item))
  .join("\n");
const stories = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { itemIds: string[] }).itemIds.join(" "));

let standin: EmbeddingsStandin;
beforeAll(async () => {
  standin = await startEmbeddingsStandin();
});
afterAll(() => standin.close());

describe("daybrief stories cluster --jsonl with an embeddings endpoint", () => {
  it("uses the endpoint when configured, and falls back to the lexical stories with a warning when it fails", async () => {
    const box = cliSandbox();
    const lexical = await runCli(["stories", "cluster", "--jsonl"], { ...box, input });
    expect(lexical.code, lexical.stderr).toBe(0);
    const env = { ...box.env, DAYBRIEF_EMBEDDINGS_URL: standin.baseUrl, DAYBRIEF_EMBEDDINGS_MODEL: "standin" };
    const before = standin.texts;
    const semantic = await runCli(["stories", "cluster", "--jsonl"], { ...box, env, input });
    expect(semantic.code, semantic.stderr).toBe(0);
    expect(standin.texts - before).toBe(input.split("\n").length);
    expect(stories(semantic.stdout).length).toBeGreaterThan(1);
    standin.failWith = 500;
    const failed = await runCli(["stories", "cluster", "--jsonl"], { ...box, env, input });
    standin.failWith = null;
    expect(failed.code, failed.stderr).toBe(0);
    expect(failed.stderr).toContain("warning E_EMBEDDINGS_REQUEST");
    expect(stories(failed.stdout)).toEqual(stories(lexical.stdout));
  }, 120_000);
});
