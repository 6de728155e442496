import { parseFeed } from "../ingest/feed/parse-feed.ts";
import { feedAccept } from "../ingest/fetch/fetcher.ts";
import type { ParsedFeed } from "../model/feed.ts";
import { eachInput } from "./inputs.ts";
import { color, printJsonLine, printTable } from "./output.ts";

/** The feed model exactly as the command-line contract publishes it. */
export function publicFeed(feed: ParsedFeed) {
  return {
    format: feed.format,
    version: feed.version,
    title: feed.title,
    link: feed.link,
    description: feed.description,
    language: feed.language,
    updated: feed.updated,
    image: feed.image,
    authors: feed.authors,
    items: feed.items.map((item) => ({
      id: item.id,
      title: item.title,
      link: item.link,
      summary: item.summary,
      content: item.content,
      published: item.published,
      updated: item.updated,
      authors: item.authors,
      categories: item.categories,
      enclosures: item.enclosures,
    })),
  };
}

/** `daybrief feed parse FILE|URL… [--jsonl]` */
export async function feedParse(inputs: string[], opts: { jsonl?: boolean }): Promise<void> {
  await eachInput(inputs, feedAccept, { jsonl: opts.jsonl, code: "E_FEED_PARSE" }, (input) => {
    const { feed: parsed, warnings } = parseFeed(input.bytes, { url: input.url, contentType: input.contentType });
    if (opts.jsonl) printJsonLine({ file: input.name, feed: publicFeed(parsed) });
    else
      printFeed(
        input.name,
        parsed,
        warnings.map((w) => w.message),
      );
  });
}

function printFeed(name: string, feed: ParsedFeed, warnings: string[]): void {
  process.stdout.write(
    `${color.bold(feed.title ?? "(untitled feed)")} ${color.dim(`${feed.format} ${feed.version ?? ""} · ${name}`)}\n`,
  );
  if (feed.link) process.stdout.write(`${feed.link}\n`);
  for (const warning of warnings) process.stdout.write(`${color.yellow("warning")} ${warning}\n`);
  process.stdout.write("\n");
  printTable(
    ["published", "title", "link"],
    feed.items.map((item) => [
      item.published?.slice(0, 16).replace("T", " ") ?? "",
      item.title ?? "(untitled)",
      item.link ?? "",
    ]),
  );
  process.stdout.write(`\n${feed.items.length} items\n`);
}
