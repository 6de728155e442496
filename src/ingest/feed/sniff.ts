/** Finding the root element of an XML feed without parsing it, and the feed format and version it implies. */

export type XmlFormat = "rss" | "rdf" | "atom";

export type Root = {
  /** The document from the root element on: prolog, comments and any DOCTYPE (with its entities) removed. */
  body: string;
  /** Local name of the root element, lower-cased ("rss", "rdf", "feed", "html"…), or null when there is none. */
  name: string | null;
  /** The root's start tag, for its version and namespace attributes. */
  startTag: string;
  /** Whether text that is not XML had to be skipped to find a feed root. */
  skippedJunk: boolean;
};

const namePattern = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/y;
const feedRootSearch = /<(?:[A-Za-z_][\w.-]*:)?(?:rss|RDF|feed)[\s>/]/;

/**
 * Skips the prolog (XML declaration, processing instructions, comments, whitespace and the DOCTYPE with its internal
 * subset, where entity declarations live: without it no entity can expand — billion laughs — or pull in a file —
 * XXE) and returns the document from its root element on. Junk before a feed root (a PHP warning, a stray byte
 * sequence) is skipped too, within the first 64 KiB.
 */
export function findRoot(text: string): Root {
  const start = skipProlog(text, 0);
  const root = readRoot(text, start);
  if (root.name === null || !isFeedRoot(root.name)) {
    const head = text.slice(start, start + 65_536);
    const match = feedRootSearch.exec(head);
    if (match && !/^<(?:!doctype\s+html|html|head|body)\b/i.test(text.slice(start, start + 64))) {
      const later = readRoot(text, start + match.index);
      if (later.name !== null) return { ...later, skippedJunk: true };
    }
  }
  return root;
}

function readRoot(text: string, at: number): Root {
  namePattern.lastIndex = at;
  const match = namePattern.exec(text);
  if (!match) return { body: text.slice(at), name: null, startTag: "", skippedJunk: false };
  const end = text.indexOf(">", at);
  const startTag = text.slice(at, end === -1 ? Math.min(text.length, at + 4096) : Math.min(end + 1, at + 4096));
  return { body: text.slice(at), name: (match[2] ?? "").toLowerCase(), startTag, skippedJunk: false };
}

function skipProlog(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end === -1) return i;
      i = end + 2;
    } else if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end === -1) return i;
      i = end + 3;
    } else if (text.startsWith("<!", i) && !text.startsWith("<![CDATA[", i)) {
      i = skipDeclaration(text, i);
    } else {
      return i;
    }
  }
}

/** Skips `<!DOCTYPE … [ … ]>`: the internal subset may itself contain `>` and quoted `]`. */
function skipDeclaration(text: string, from: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = from + 2; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) quote = ch;
    else if (ch === 0x5b) depth += 1;
    else if (ch === 0x5d) depth = Math.max(0, depth - 1);
    else if (ch === 0x3e && depth === 0) return i + 1;
  }
  return text.length;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff;
}

export function isFeedRoot(name: string): boolean {
  return name === "rss" || name === "rdf" || name === "feed";
}

export function formatOf(name: string): XmlFormat | null {
  if (name === "rss") return "rss";
  if (name === "rdf") return "rdf";
  if (name === "feed") return "atom";
  return null;
}

export function isHtmlRoot(name: string | null): boolean {
  return name === "html" || name === "head" || name === "body";
}

/** RSS: the version attribute ("0.91", "2.0"…); RDF: "0.9" for Netscape's RSS 0.90, else "1.0"; Atom: "0.3" or "1.0". */
export function versionOf(format: XmlFormat, startTag: string): string | null {
  if (format === "rss")
    return /\bversion\s*=\s*["']\s*([^"'\s\u0000-\u001f\u007f-\u009f]+)\s*["']/i.exec(startTag)?.[1] ?? null;
  if (format === "rdf")
    return /my\.netscape\.com\/rdf\/simple\/0\.9|channel\.netscape\.com\/rdf\/simple\/0\.9/i.test(startTag)
      ? "0.9"
      : "1.0";
  return /purl\.org\/atom\/ns#/i.test(startTag) || /\bversion\s*=\s*["']0\.3/.test(startTag) ? "0.3" : "1.0";
}
