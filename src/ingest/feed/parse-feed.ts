import { DaybriefError } from "../../errors.ts";
import type { FeedParseResult, ParsedFeed, ParseWarning } from "../../model/feed.ts";
import { decodeBytes } from "../decode.ts";
import { NormalizeContext } from "./context.ts";
import type { AtomFeedShape, RssFeedShape } from "./feedsmith-shapes.ts";
import { normalizeAtom } from "./normalize-atom.ts";
import { isJsonFeed, normalizeJson } from "./normalize-json.ts";
import { normalizeRss } from "./normalize-rss.ts";
import { readXmlFeed } from "./read-xml.ts";
import { discoverFeedLinks } from "./repair.ts";
import { findRoot, formatOf, isHtmlRoot, versionOf } from "./sniff.ts";

export type ParseFeedOptions = {
  /** The document's own URL: the base for relative links. */
  url?: string | null;
  /** Content-Type header, for the charset when the document declares none. */
  contentType?: string | null;
  /** Keep at most this many items (feeds list newest first). */
  maxItems?: number;
};

/**
 * Parses any RSS, RDF, Atom or JSON Feed document into the normalised model. Malformed XML (bad entities, unclosed
 * tags, truncation) is repaired and whatever can be read is returned with a warning; only a document that is not a
 * feed at all throws (E_FEED_PARSE, or E_FEED_NOT_FEED for a web page, naming the feeds it advertises).
 *
 * @example
 * const { feed, warnings } = parseFeed(bytes, { url: "https://example.com/feed.xml" });
 */
export function parseFeed(input: string | Uint8Array, options: ParseFeedOptions = {}): FeedParseResult {
  const url = options.url ?? null;
  const name = url ?? "The document";
  const warnings: ParseWarning[] = [];
  const text = typeof input === "string" ? input : decodeFeedBytes(input, options.contentType ?? null, warnings);
  const first = firstSignificant(text);
  if (first === -1) throw new DaybriefError("E_FEED_PARSE", `${name} is empty.`);
  let feed: ParsedFeed;
  if (text[first] === "{" || text[first] === "[") {
    feed = parseJson(text, first, name, new NormalizeContext(url));
  } else {
    feed = parseXml(text, name, url, warnings, options.maxItems);
  }
  if (options.maxItems !== undefined && feed.items.length > options.maxItems) {
    warnings.push({
      code: "item_skipped",
      message: `Kept the first ${options.maxItems} items; the older ones were left out.`,
    });
    feed.items = feed.items.slice(0, Math.max(0, options.maxItems));
  }
  return { feed, warnings };
}

function parseJson(text: string, first: number, name: string, context: NormalizeContext): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(first === 0 ? text : text.slice(first));
  } catch (error) {
    throw new DaybriefError("E_FEED_PARSE", `${name} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isJsonFeed(value)) {
    throw new DaybriefError("E_FEED_PARSE", `${name} is JSON but not a JSON Feed (no version URL and no items list).`);
  }
  return normalizeJson(value, context);
}

function parseXml(
  text: string,
  name: string,
  url: string | null,
  warnings: ParseWarning[],
  maxItems: number | undefined,
): ParsedFeed {
  const root = findRoot(text);
  const format = root.name === null ? null : formatOf(root.name);
  if (format === null) {
    if (isHtmlRoot(root.name) || /^<!doctype\s+html/i.test(root.body.slice(0, 64))) {
      const links = discoverFeedLinks(root.body, url);
      const advertised = links.length ? ` It advertises: ${links.join(", ")}` : " It advertises no feed.";
      throw new DaybriefError("E_FEED_NOT_FEED", `${name} is an HTML page, not a feed.${advertised}`, {
        details: { feeds: links },
        ...(links.length ? { variant: "advertised" as const } : {}),
      });
    }
    const what = root.name ? `an XML document with root <${root.name}>` : "neither XML nor JSON";
    throw new DaybriefError("E_FEED_PARSE", `${name} is ${what}, not RSS, Atom or JSON Feed.`);
  }
  if (root.skippedJunk) {
    warnings.push({ code: "recovered", message: "Text before the feed's root element was skipped." });
  }
  // Reading one more item than kept lets the caller be told that items were left out.
  const read = readXmlFeed(format, root.body, name, maxItems === undefined ? undefined : Math.max(0, maxItems) + 1);
  if (read.recovered) warnings.push({ code: "recovered", message: read.recovered });
  const context = new NormalizeContext(url, read.base64Values);
  const version = versionOf(format, root.startTag);
  const feed =
    format === "atom"
      ? normalizeAtom(read.feed as AtomFeedShape, version, context)
      : normalizeRss(read.feed as RssFeedShape, version, context);
  warnings.push(...context.warnings());
  return feed;
}

/** Index of the first character that is not whitespace or a byte order mark, or -1. */
function firstSignificant(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09 && code !== 0xfeff) return i;
  }
  return -1;
}

function decodeFeedBytes(bytes: Uint8Array, contentType: string | null, warnings: ParseWarning[]): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (
    start < bytes.length &&
    (bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x09)
  ) {
    start += 1;
  }
  const kind = bytes[start] === 0x7b || bytes[start] === 0x5b ? "json" : "xml";
  const decoded = decodeBytes(bytes, { kind, contentType });
  if (decoded.source === "sniff" && decoded.charset === "windows-1252") {
    warnings.push({
      code: "charset",
      message: "The feed is not valid UTF-8 and names no charset that fits; read as windows-1252.",
    });
  }
  return decoded.text;
}
