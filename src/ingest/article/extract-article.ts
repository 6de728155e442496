import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { DaybriefError } from "../../errors.ts";
import type { Article } from "../../model/article.ts";
import { stripControls } from "../../text/controls.ts";
import { decodeBytes } from "../decode.ts";
import { escapeText, plainText, sanitizeHtml } from "../html/sanitize.ts";
import { removeBoilerplate } from "./boilerplate.ts";
import { boundTree } from "./bound-tree.ts";
import { chooseBody, densityBody } from "./choose-body.ts";
import { findLead, isolateMainArticle, normalise, sameTitle, titleSeparators } from "./main-article.ts";
import { readMetadata } from "./metadata.ts";
import { prepareHtml } from "./prepare-html.ts";
import { removeTeaserCards } from "./tidy-block.ts";

export type ExtractArticleOptions = {
  /** The page's URL: the base for relative links and images. */
  url?: string | null;
  contentType?: string | null;
};

/** Bumped whenever extraction changes, so `daybrief ingest --reextract` knows which articles are stale. */
export const extractorVersion = 2;

/**
 * Extracts the article from a web page. The markup is bounded first (prepare-html.ts, bound-tree.ts: scripts and
 * giant attributes dropped, size, depth and element count capped), then metadata is read (JSON-LD, Open Graph, meta
 * tags, visible dateline), the story headed by the page title is kept when the page carries several, and the lead
 * beside the headline is noted. Page furniture goes next (share bars, newsletter boxes, related lists, teaser
 * cards, comments, ads, captions), Readability chooses the main block, and a text-density search takes over when
 * Readability finds too little. Links at the block's edges, furniture lines, the repeated headline, bylines and
 * datelines are dropped from the text. Anything but a DaybriefError thrown on the way is reported as
 * E_ARTICLE_EXTRACT.
 *
 * @example
 * const article = extractArticle(html, { url: "https://example.com/news/1" });
 * console.log(article.title, article.text.split("\n\n").length);
 */
export function extractArticle(input: string | Uint8Array, options: ExtractArticleOptions = {}): Article {
  const url = options.url ?? null;
  try {
    const raw =
      typeof input === "string"
        ? input
        : decodeBytes(input, { kind: "html", contentType: options.contentType ?? null }).text;
    return extractFromHtml(raw, url);
  } catch (error) {
    if (error instanceof DaybriefError) throw error;
    // A page that defeats the parser (or Readability) is a page without an article, never a crash.
    throw new DaybriefError("E_ARTICLE_EXTRACT", `Could not read the article on ${url ?? "the page"}.`, {
      cause: error,
    });
  }
}

function extractFromHtml(raw: string, url: string | null): Article {
  if (!/<[a-z!]/i.test(raw)) {
    throw new DaybriefError("E_ARTICLE_NOT_HTML", `${url ?? "The document"} is not an HTML page.`);
  }
  const html = prepareHtml(raw);
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}`);
  if (document.documentElement) boundTree(document.documentElement);
  const metadata = readMetadata(document, url);
  isolateMainArticle(document, metadata.title);
  const lead = findLead(document, metadata.title, metadata.description);
  removeBoilerplate(document);
  if (document.body) removeTeaserCards(document.body, [url, metadata.canonical]);
  // The density block is read first, from a copy: Readability then works on the page itself, which saves a clone.
  const fallback = densityBody(document, metadata.base);
  const parsed = runReadability(document);
  const body = chooseBody(fallback, parsed?.content ?? null, metadata.base);
  let text = withoutTitle(body.text, metadata.title ?? parsed?.title ?? null);
  let contentHtml = body.html;
  if (lead && !normalise(text).includes(normalise(lead).slice(0, 60))) {
    text = text ? `${lead}\n\n${text}` : lead;
    contentHtml = `<p>${escapeText(lead)}</p>${contentHtml}`;
  }
  if (!text.trim()) {
    throw new DaybriefError("E_ARTICLE_EXTRACT", `No article text found on ${url ?? "the page"}.`);
  }
  return {
    title: metadata.title ?? plainText(parsed?.title),
    byline: metadata.byline ?? plainText(parsed?.byline),
    published: metadata.published,
    siteName: metadata.siteName ?? plainText(parsed?.siteName),
    lang: metadata.lang ?? (parsed?.lang ? plainText(parsed.lang) : null),
    // Text from the DOM has its entities decoded: "&#27;[2J" is an escape sequence by now.
    text: stripControls(text).normalize("NFC"),
    html: sanitizeHtml(contentHtml, metadata.base),
    image: metadata.image,
    imageAlt: metadata.imageAlt,
  };
}

/** The headline repeated at the top of the body (maybe with a kicker: "Consumer rights: Title") is not body text. */
function withoutTitle(text: string, title: string | null): string {
  if (!title) return text;
  const paragraphs = text.split("\n\n");
  const index = paragraphs.slice(0, 3).findIndex((p) => isHeadline(p, title));
  if (index === -1) return text;
  paragraphs.splice(index, 1);
  return paragraphs.join("\n\n");
}

function isHeadline(paragraph: string, title: string): boolean {
  if (sameTitle(paragraph, title)) return true;
  const p = normalise(paragraph);
  if (/[.!?]$/.test(p)) return false;
  return title
    .split(titleSeparators)
    .map(normalise)
    .some((part) => part.length >= 15 && p.endsWith(part) && p.length <= part.length + 40);
}

type ReadabilityResult = ReturnType<Readability<Element>["parse"]>;

/** Runs Readability, which changes the document it reads; the article comes back as an element, not as HTML. */
function runReadability(document: Document): ReadabilityResult {
  try {
    const options = {
      charThreshold: 400,
      keepClasses: false,
      nbTopCandidates: 5,
      serializer: (node: Node) => node as Element,
    };
    return new Readability<Element>(document, options).parse();
  } catch {
    return null;
  }
}
