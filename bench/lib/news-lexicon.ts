import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { contentTokens } from "../../src/text/tokens.ts";

const root = join(import.meta.dirname, "..", "..");
/** The files' own field names and the example domains, which are not news words. */
const markup = new Set(["title", "summary", "author", "source", "event", "slug", "published", "body", "categories"]);
markup.add("items").add("image").add("caption").add("example").add("text").add("https");

/**
 * The content words of the repository's real AI-news texts (the demo corpus and the clustering evaluation set), most
 * frequent first: about 5,000 words with a natural frequency curve, so that the synthetic corpus's term weights look
 * like real news rather than like a short word list repeated.
 */
export function newsLexicon(): string[] {
  const texts = [readFileSync(join(root, "test", "fixtures", "eval", "cluster-eval.jsonl"), "utf8")];
  const demo = join(root, "demo", "content");
  for (const file of readdirSync(demo)
    .filter((f) => f.endsWith(".yaml"))
    .sort())
    texts.push(readFileSync(join(demo, file), "utf8"));
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.match(/\b[a-z][a-z-]{3,}[a-z]\b/g) ?? []) {
      // Only words clustering keeps as they are: no stopwords, no words its stemmer would fold.
      if (markup.has(word) || contentTokens(word)[0] !== word) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}
