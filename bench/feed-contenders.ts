import { parseFeed as feedsmithParse } from "feedsmith";
import RssParser from "rss-parser";
import { parseFeed } from "../src/ingest/feed/parse-feed.ts";
import type { FeedDoc } from "./feed-inputs.ts";
import type { Contender } from "./lib/measure.ts";

const rssParser = new RssParser();

export const contenderLabels: Record<string, string> = {
  daybrief: "Daybrief parseFeed",
  feedsmith: "feedsmith.parseFeed",
  "rss-parser": "rss-parser parseString",
};

/** The error a parse throws, or null. */
function failure(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export type Comparable = {
  /** Files all three contenders read: the ones timed. */
  docs: FeedDoc[];
  /** Not parseable by feedsmith, so not inputs at all. */
  notFeedsmith: number;
  /** Parsed by feedsmith but not by rss-parser, excluded from all three. */
  notRssParser: string[];
  /** Parsed by both libraries but rejected by Daybrief (with why), excluded from all three. */
  notDaybrief: { name: string; error: string }[];
};

/**
 * Keeps what feedsmith parses (that defines an input), then drops what rss-parser or Daybrief reject, so that the
 * three are timed on exactly the same documents and a throw never passes for a fast parse.
 */
export async function comparable(offered: FeedDoc[]): Promise<Comparable> {
  const inputs = offered.filter((doc) => failure(() => feedsmithParse(doc.text)) === null);
  const result: Comparable = {
    docs: [],
    notFeedsmith: offered.length - inputs.length,
    notRssParser: [],
    notDaybrief: [],
  };
  for (const doc of inputs) {
    const rssOk = await rssParser.parseString(doc.text).then(
      () => true,
      () => false,
    );
    const ours = failure(() => parseFeed(doc.text, { url: doc.url }));
    if (!rssOk) result.notRssParser.push(doc.name);
    else if (ours !== null) result.notDaybrief.push({ name: doc.name, error: ours });
    else result.docs.push(doc);
  }
  return result;
}

export function contenders(docs: FeedDoc[]): Contender[] {
  return [
    {
      name: "daybrief",
      pass: () => {
        for (const d of docs) parseFeed(d.text, { url: d.url });
      },
    },
    {
      name: "feedsmith",
      pass: () => {
        for (const d of docs) feedsmithParse(d.text);
      },
    },
    {
      name: "rss-parser",
      pass: async () => {
        for (const d of docs) await rssParser.parseString(d.text);
      },
    },
  ];
}
