import { type TokenizerCallbacks as Callbacks, type QuoteType, Tokenizer } from "htmlparser2";
import { isCutOffMarkup } from "../html/sanitizer.ts";
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
 * htmlparser2's tokenizer (in XML mode) reads the markup; the strict parser then reads what survived.
 */
export function repairXml(text: string): string {
  return escapeBareAmpersands(new Repairer(escapeStrayLt(text)).run());
}

/**
 * Escapes each '<' that starts no tag, comment, CDATA section, declaration or processing instruction: one followed
 * by something other than an XML name (or '/' and a name) up to the next space, '/' or '>' ("I <3 AI", "a < b",
 * "<fee<d>"). The tokenizer, reading XML, would take such a '<' for the start of a tag and swallow what follows up
 * to the next '>' (a "</title>" too). CDATA sections and comments are passed over as they are.
 */
function escapeStrayLt(text: string): string {
  let out = "";
  let copied = 0;
  for (let lt = text.indexOf("<"); lt !== -1; lt = text.indexOf("<", lt + 1)) {
    if (text.startsWith("<![CDATA[", lt) || text.startsWith("<!--", lt)) {
      const close = text.indexOf(text.charCodeAt(lt + 2) === 0x5b ? "]]>" : "-->", lt + 4);
      if (close === -1) break;
      lt = close;
      continue;
    }
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) continue;
    const nameStart = next === 0x2f /* / */ ? lt + 2 : lt + 1;
    nameEnd.lastIndex = nameStart;
    nameEnd.test(text);
    const end = nameEnd.lastIndex === 0 ? text.length : nameEnd.lastIndex - 1;
    if (xmlName.test(text.slice(nameStart, end))) continue;
    out += `${text.slice(copied, lt)}&lt;`;
    copied = lt + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The character that ends a tag name. */
const nameEnd = /[\s/>]/g;

class Repairer implements Callbacks {
  private out = "";
  /** Open elements, innermost last, each with whether an element has started inside it. */
  private readonly open: Array<{ name: string; local: string; hasChildren: boolean }> = [];
  /** The start tag being read: where it began, its name, its attributes (the first of repeats). */
  private tagStart = 0;
  private tagName = "";
  private attributes = new Map<string, string>();
  private attributeName = "";
  private attributeValue = "";

  constructor(private readonly text: string) {}

  run(): string {
    const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, this);
    tokenizer.write(this.text);
    tokenizer.end();
    this.closeTo(0);
    return this.out;
  }

  ontext(start: number, end: number): void {
    // A declaration or processing instruction cut off by the end of the input comes back as text: it is dropped.
    if (isCutOffMarkup(this.text, start, end)) return;
    this.out += escapeText(this.text.slice(start, end));
  }

  oncdata(start: number, end: number, endOffset: number): void {
    this.out += `<![CDATA[${this.text.slice(start, end - endOffset)}]]>`;
  }

  onopentagname(start: number, end: number): void {
    this.tagStart = start - 1;
    this.tagName = this.text.slice(start, end);
    this.attributes = new Map();
  }

  onattribname(start: number, end: number): void {
    this.attributeName = this.text.slice(start, end);
    this.attributeValue = "";
  }

  onattribdata(start: number, end: number): void {
    this.attributeValue += this.text.slice(start, end);
  }

  onattribend(_quote: QuoteType, _end: number): void {
    if (!this.attributes.has(this.attributeName)) this.attributes.set(this.attributeName, this.attributeValue);
  }

  onopentagend(end: number): void {
    this.startTag(end, false);
  }

  onselfclosingtag(end: number): void {
    this.startTag(end, true);
  }

  onclosetag(start: number, end: number): void {
    const raw = this.text.slice(start, end);
    // The tokenizer ends an end tag's name at a space or '>' only; "</channel/>" closes "channel".
    const slash = raw.indexOf("/");
    const name = slash === -1 ? raw : raw.slice(0, slash);
    if (!xmlName.test(name)) {
      // Not a name: the '<' was text.
      const gt = this.text.indexOf(">", end);
      this.out += escapeText(this.text.slice(start - 2, gt === -1 ? this.text.length : gt + 1));
      return;
    }
    this.endTag(name);
  }

  // Comments, declarations and processing instructions (the XML declaration too) are dropped.
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onattribentity(): void {}
  ontextentity(): void {}
  onend(): void {}

  private startTag(end: number, selfClosing: boolean): void {
    const name = this.tagName;
    if (!xmlName.test(name)) {
      // Not a name: the '<' was text.
      this.out += escapeText(this.text.slice(this.tagStart, end + 1));
      return;
    }
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
    for (const [key, value] of this.attributes) {
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

/** Text as XML text: '<' and '>' escaped ('&' is seen to afterwards). */
function escapeText(text: string): string {
  return text.includes("<") || text.includes(">") ? text.replace(/</g, "&lt;").replace(/>/g, "&gt;") : text;
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
