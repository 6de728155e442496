import { extractArticle, pageAccept } from "../ingest/index.ts";
import { terminalText } from "../text/controls.ts";
import { eachInput } from "./inputs.ts";
import { color, printJsonLine } from "./output.ts";

/** `daybrief article extract FILE|URL… [--url URL] [--jsonl]` */
export async function articleExtract(inputs: string[], opts: { url?: string; jsonl?: boolean }): Promise<void> {
  await eachInput(inputs, pageAccept, { jsonl: opts.jsonl, code: "E_ARTICLE_EXTRACT" }, (input) => {
    const result = extractArticle(input.bytes, { url: input.url ?? opts.url ?? null, contentType: input.contentType });
    // The JSON Lines contract names its fields (DESIGN.md); the image's alt text is kept for the store, not printed.
    const { imageAlt: _alt, ...article } = result;
    if (opts.jsonl) return printJsonLine({ file: input.name, article });
    process.stdout.write(`${color.bold(terminalText(result.title ?? "(untitled)"))}\n`);
    const meta = [result.byline, result.siteName, result.published, result.lang].filter(Boolean).join(" · ");
    if (meta) process.stdout.write(`${color.dim(terminalText(meta))}\n`);
    process.stdout.write(`\n${terminalText(result.text, { multiline: true })}\n\n`);
  });
}
