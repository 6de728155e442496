import { cutAtSectionBreak, withoutJunkLines } from "./junk-lines.ts";

const blockTags = new Set([
  "ADDRESS",
  "ARTICLE",
  "BLOCKQUOTE",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGURE",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "THEAD",
  "TFOOT",
  "TR",
  "UL",
]);
const cellTags = new Set(["TD", "TH"]);
/** Soft hyphens, zero-width spaces, word joiners and stray BOMs: invisible in a browser, noise in plain text. */
const invisible = /[\u00ad\u200b\u2060\ufeff]/g;

/**
 * Plain text of an article body: one paragraph per block element, paragraphs separated by a blank line, inline
 * whitespace collapsed, table cells separated by " | ", furniture lines ("Advertisement", "Read more: …") dropped.
 */
export function htmlElementToText(root: Element): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const text = current
      .replace(invisible, "")
      .replace(/[ \t\f\v\u00a0]+/g, " ")
      .replace(/ *\n */g, "\n")
      .trim();
    if (text) paragraphs.push(text);
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += (node.nodeValue ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName;
    if (tag === "BR") {
      current += "\n";
      return;
    }
    if (tag === "PRE") {
      flush();
      current = el.textContent ?? "";
      paragraphs.push(current.replace(/\s+$/, ""));
      current = "";
      return;
    }
    const block = blockTags.has(tag);
    if (block) flush();
    if (cellTags.has(tag) && current.trim()) current += " | ";
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  const kept = cutAtSectionBreak(dedupeAdjacent(paragraphs)).map(withoutJunkLines).filter(Boolean);
  return kept.join("\n\n");
}

function dedupeAdjacent(paragraphs: string[]): string[] {
  return paragraphs.filter((p, i) => i === 0 || p !== paragraphs[i - 1]);
}
