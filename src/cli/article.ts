import { toDaybriefError } from "../errors.ts";
import { extractArticle } from "../ingest/article/extract-article.ts";
import { pageAccept } from "../ingest/fetch/fetcher.ts";
import { readInputs } from "./inputs.ts";
import { color, printJsonLine, reportError } from "./output.ts";

/** `daybrief article extract FILE|URL… [--url URL] [--jsonl]` */
export async function articleExtract(inputs: string[], opts: { url?: string; jsonl?: boolean }): Promise<void> {
  let failures = 0;
  await readInputs(inputs, pageAccept, async (input) => {
    if ("error" in input) {
      failures += 1;
      if (opts.jsonl)
        printJsonLine({ file: input.name, error: { code: input.error.code, message: input.error.message } });
      else reportError(input.error);
      return;
    }
    try {
      const result = extractArticle(input.bytes, {
        url: input.url ?? opts.url ?? null,
        contentType: input.contentType,
      });
      if (opts.jsonl) {
        printJsonLine({ file: input.name, article: result });
      } else {
        process.stdout.write(`${color.bold(result.title ?? "(untitled)")}\n`);
        const meta = [result.byline, result.siteName, result.published, result.lang].filter(Boolean).join(" · ");
        if (meta) process.stdout.write(`${color.dim(meta)}\n`);
        process.stdout.write(`\n${result.text}\n\n`);
      }
    } catch (thrown) {
      failures += 1;
      const error = toDaybriefError(thrown, "E_ARTICLE_EXTRACT");
      if (opts.jsonl) printJsonLine({ file: input.name, error: { code: error.code, message: error.message } });
      else reportError(error);
    }
  });
  if (failures) process.exitCode = failures === inputs.length ? 65 : 1;
}
