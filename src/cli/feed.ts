import { loadConfig } from "../config/load.ts";
import { feedAccept, parseFeed } from "../ingest/index.ts";
import { formatInstant, resolveTimeZone } from "../model/day.ts";
import type { ParsedFeed } from "../model/feed.ts";
import { terminalText } from "../text/controls.ts";
import { eachInput } from "./inputs.ts";
import { color, plural, printJsonLine, printTable } from "./output.ts";

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

/** `daybrief feed parse FILE|URL… [--jsonl]`: JSON Lines keep UTC; the table shows times in the configured zone. */
export async function feedParse(inputs: string[], opts: { jsonl?: boolean }): Promise<void> {
  let zone: string | null = null;
  await eachInput(inputs, feedAccept, { jsonl: opts.jsonl, code: "E_FEED_PARSE" }, (input) => {
    const { feed: parsed, warnings } = parseFeed(input.bytes, { url: input.url, contentType: input.contentType });
    if (opts.jsonl) return printJsonLine({ file: input.name, feed: publicFeed(parsed) });
    zone ??= resolveTimeZone(loadConfig().config.timezone);
    printFeed(
      input.name,
      parsed,
      warnings.map((w) => w.message),
      zone,
    );
  });
}

function printFeed(name: string, feed: ParsedFeed, warnings: string[], zone: string): void {
  process.stdout.write(
    `${color.bold(terminalText(feed.title ?? "(untitled feed)"))} ${color.dim(terminalText(`${feed.format} ${feed.version ?? ""} · ${name}`))}\n`,
  );
  if (feed.link) process.stdout.write(`${terminalText(feed.link)}\n`);
  for (const warning of warnings) process.stdout.write(`${color.yellow("warning")} ${terminalText(warning)}\n`);
  process.stdout.write("\n");
  printTable(
    [`published (${zone})`, "title", "link"],
    feed.items.map((item) => [
      item.published ? formatInstant(item.published, zone) : "",
      item.title ?? "(untitled)",
      item.link ?? "",
    ]),
  );
  process.stdout.write(`\n${plural(feed.items.length, "item")}\n`);
}
