import { stripControls } from "../../text/controls.ts";
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
/**
 * Soft hyphens, zero-width spaces, word joiners, stray BOMs and control characters: invisible in a browser, noise
 * (or worse) in plain text.
 */
const invisible = /[\u00ad\u200b\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Plain text of an article body: one paragraph per block element, paragraphs separated by a blank line, inline
 * whitespace collapsed, table cells separated by " | ", furniture lines ("Advertisement", "Read more: …") dropped.
 */
export function htmlElementToText(root: Element): string {
  const paragraphs: Paragraph[] = [];
  let current = "";
  const flush = () => {
    // Escape sequences go whole (text/controls.ts) before the invisible characters go one by one.
    const text = stripControls(current)
      .replace(invisible, "")
      .replace(/[ \t\f\v\u00a0]+/g, " ")
      .replace(/ *\n */g, "\n")
      .trim();
    if (text) paragraphs.push({ text, preformatted: false });
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
      // Code keeps its layout and is never judged as furniture ("print" is a fine line of Python).
      const text = stripControls(el.textContent ?? "")
        .replace(invisible, "")
        .replace(/^\n/, "")
        .trimEnd();
      if (text.trim()) paragraphs.push({ text, preformatted: true });
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
  const texts = dedupeAdjacent(paragraphs);
  const kept = cutAtSectionBreak(texts.map((p) => p.text)).map((text, i) =>
    (texts[i] as Paragraph).preformatted ? text : withoutJunkLines(text),
  );
  return kept.filter(Boolean).join("\n\n");
}

type Paragraph = { text: string; preformatted: boolean };

function dedupeAdjacent(paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.filter((p, i) => i === 0 || p.text !== paragraphs[i - 1]?.text);
}
