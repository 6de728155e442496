import { readAttributes, readName } from "../html/tag-reader.ts";
import { escapeBareAmpersands } from "./repair.ts";

/** Elements that never contain one another in a feed: a new one closes the one left open. */
const unnested = new Set(["item", "entry"]);

/** Feed elements that only ever hold text: an element starting inside one means it was left open. */
const textOnly = new Set(
  "link guid pubdate lastbuilddate comments category language ttl managingeditor webmaster id updated published modified issued email uri url name date creator subject".split(
    " ",
  ),
);

const xmlName = /^[A-Za-z_][\w.:-]*$/;

/**
 * Rebuilds malformed XML as well-formed XML, knowing how feeds are built: unclosed tags are closed (an item or entry
 * left open ends where the next begins, a text-only element where another element begins), a misspelt end tag closes
 * the text element it follows, stray '<' and '&' are escaped, and a truncated document ends where its data ends.
 * The strict parser then reads what survived.
 */
export function repairXml(text: string): string {
  return escapeBareAmpersands(new Repairer(text).run());
}

class Repairer {
  private out = "";
  /** Open elements, innermost last, each with whether an element has started inside it. */
  private readonly open: Array<{ name: string; local: string; hasChildren: boolean }> = [];

  constructor(private readonly text: string) {}

  run(): string {
    const text = this.text;
    let i = 0;
    while (i < text.length) {
      const lt = text.indexOf("<", i);
      const end = lt === -1 ? text.length : lt;
      if (end > i) this.out += text.slice(i, end).replace(/>/g, "&gt;");
      if (lt === -1) break;
      i = this.markup(lt);
    }
    this.closeTo(0);
    return this.out;
  }

  private markup(lt: number): number {
    const text = this.text;
    if (text.startsWith("<![CDATA[", lt)) {
      const close = text.indexOf("]]>", lt + 9);
      const end = close === -1 ? text.length : close;
      this.out += `<![CDATA[${text.slice(lt + 9, end)}]]>`;
      return close === -1 ? text.length : close + 3;
    }
    if (text.startsWith("<!--", lt)) {
      const close = text.indexOf("-->", lt + 4);
      return close === -1 ? text.length : close + 3;
    }
    if (text.startsWith("<!", lt) || text.startsWith("<?", lt)) {
      const close = text.indexOf(">", lt);
      return close === -1 ? text.length : close + 1;
    }
    const closing = text.charCodeAt(lt + 1) === 0x2f;
    const nameStart = lt + (closing ? 2 : 1);
    const nameEnd = readName(text, nameStart);
    const name = text.slice(nameStart, nameEnd);
    if (!xmlName.test(name)) {
      this.out += "&lt;";
      return lt + 1;
    }
    const attributes = closing ? null : new Map<string, string>();
    const end = readAttributes(text, nameEnd, attributes, true);
    if (end === -1) return text.length; // A tag cut off by the end of the input.
    if (closing) this.endTag(name);
    else this.startTag(name, attributes ?? new Map(), text.charCodeAt(end - 2) === 0x2f);
    return end;
  }

  private startTag(name: string, attributes: Map<string, string>, selfClosing: boolean): void {
    const local = localName(name);
    const top = this.open[this.open.length - 1];
    if (top && textOnly.has(top.local)) this.closeTo(this.open.length - 1);
    if (unnested.has(local)) {
      const index = this.open.findLastIndex((open) => open.local === local);
      if (index !== -1) this.closeTo(index);
    }
    const parent = this.open[this.open.length - 1];
    if (parent) parent.hasChildren = true;
    let tag = `<${name}`;
    for (const [key, value] of attributes) {
      if (xmlName.test(key)) tag += ` ${key}="${value.replace(/"/g, "&quot;").replace(/</g, "&lt;")}"`;
    }
    if (selfClosing) {
      this.out += `${tag}/>`;
      return;
    }
    this.out += `${tag}>`;
    this.open.push({ name, local, hasChildren: false });
  }

  private endTag(name: string): void {
    let index = -1;
    for (let i = this.open.length - 1; i >= 0; i -= 1) {
      if (this.open[i]?.name === name) {
        index = i;
        break;
      }
    }
    if (index === -1) {
      // A misspelt end tag ("</titl>") after text: it was meant to close the element holding that text.
      const top = this.open[this.open.length - 1];
      if (top && !top.hasChildren) index = this.open.length - 1;
      else return;
    }
    this.closeTo(index);
  }

  private closeTo(index: number): void {
    while (this.open.length > index) this.out += `</${this.open.pop()?.name}>`;
  }
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1).toLowerCase();
}

/** How many items (RSS, RDF) or entries (Atom) the document opens, outside CDATA sections. */
export function countItems(text: string, format: "rss" | "rdf" | "atom"): number {
  const needle = format === "atom" ? "<entry" : "<item";
  let count = 0;
  let cdataEnd = -1;
  let nextCdata = text.indexOf("<![CDATA[");
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    while (nextCdata !== -1 && nextCdata < at) {
      const close = text.indexOf("]]>", nextCdata + 9);
      cdataEnd = close === -1 ? text.length : close + 3;
      nextCdata = close === -1 ? -1 : text.indexOf("<![CDATA[", cdataEnd);
    }
    if (at < cdataEnd) continue;
    const next = text.charCodeAt(at + needle.length);
    if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09) count += 1;
  }
  return count;
}
