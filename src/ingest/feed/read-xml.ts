import { DetectError, MalformedError, ParseError, parseAtomFeed, parseRdfFeed, parseRssFeed } from "feedsmith";
import { DaybriefError } from "../../errors.ts";
import { base64Values, escapeBareAmpersands } from "./repair.ts";
import { countItems, repairXml } from "./repair-xml.ts";
import type { XmlFormat } from "./sniff.ts";

export type XmlRead = {
  /** feedsmith's output for the format (RssFeedShape or AtomFeedShape); empty when the feed has no content. */
  feed: object;
  /** Why the document had to be repaired, or null when it parsed as it was. */
  recovered: string | null;
  base64Values: ReadonlySet<string>;
};

const noValues: ReadonlySet<string> = new Set();

/**
 * Reads an RSS, RDF or Atom document (from its root element on) with feedsmith. A feed with nothing in it reads as
 * an empty feed; malformed XML is repaired once and read again.
 */
export function readXmlFeed(format: XmlFormat, body: string, name: string, maxItems?: number): XmlRead {
  const prepared = escapeBareAmpersands(body);
  const values = format === "atom" ? base64Values(prepared) : noValues;
  const options = maxItems === undefined ? undefined : { maxItems };
  let feed: object;
  try {
    feed = parseAs(format, prepared, options);
  } catch (error) {
    if (isEmptyFeed(error)) return { feed: {}, recovered: null, base64Values: values };
    const reason = describe(error);
    const repaired = repairXml(body);
    const recovered = `Malformed XML (${reason}); recovered what could be read.`;
    try {
      return { feed: parseAs(format, repaired, options), recovered, base64Values: values };
    } catch (second) {
      if (isEmptyFeed(second)) return { feed: {}, recovered, base64Values: values };
      throw new DaybriefError("E_FEED_PARSE", `${name} is not a readable feed: ${reason}`, { cause: second });
    }
  }
  // Well-formed enough for the parser, yet items went missing: an item left open swallows the ones after it.
  const read = itemCount(feed);
  const opened = countItems(body, format);
  if (read < opened && (maxItems === undefined || read < maxItems)) {
    const repaired = tryParse(format, repairXml(body), options);
    if (repaired && itemCount(repaired) > read) {
      const recovered = `${opened - read} of ${opened} items were not closed properly; recovered what could be read.`;
      return { feed: repaired, recovered, base64Values: values };
    }
  }
  return { feed, recovered: null, base64Values: values };
}

function tryParse(format: XmlFormat, text: string, options: { maxItems: number } | undefined): object | null {
  try {
    return parseAs(format, text, options);
  } catch {
    return null;
  }
}

function itemCount(feed: object): number {
  const { items, entries } = feed as { items?: unknown[]; entries?: unknown[] };
  return (items ?? entries ?? []).length;
}

function parseAs(format: XmlFormat, text: string, options: { maxItems: number } | undefined): object {
  if (format === "rss") return parseRssFeed(text, options);
  if (format === "rdf") return parseRdfFeed(text, options);
  return parseAtomFeed(text, options);
}

/** feedsmith's way of saying the root is there but none of the feed's elements are. */
function isEmptyFeed(error: unknown): boolean {
  return error instanceof DetectError || error instanceof ParseError;
}

function describe(error: unknown): string {
  if (error instanceof MalformedError && error.cause instanceof Error) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}
