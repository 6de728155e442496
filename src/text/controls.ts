/**
 * Control characters in text from sources (feeds, pages, OPML files, the command line). None of them has a use in
 * a newsletter, and several do harm where the text ends up: ESC and the C1 controls drive terminals (clear the
 * screen, rewrite lines, plant OSC 8 links), most C0 controls make an XML document ill-formed, and the bidi
 * embeddings, overrides and isolates reorder what a reader sees ("Trojan Source" text). Text is cleaned once where
 * it enters (feed normalisation, article extraction, source names) and again, defensively, where it leaves (the
 * renderers' escaping, the feeds, the terminal).
 *
 * Kept: tab and line feed (carriage returns become line feeds), and the bidi *marks* — LEFT-TO-RIGHT MARK U+200E,
 * RIGHT-TO-LEFT MARK U+200F and ARABIC LETTER MARK U+061C — which right-to-left text uses legitimately and which
 * cannot reorder anything beyond themselves.
 */

declare global {
  interface String {
    /** ES2024, in Node 20: whether the string holds no lone surrogate. */
    isWellFormed(): boolean;
  }
}

/**
 * One terminal escape sequence or one character that is never kept. Escape sequences go whole, so that "ESC[2J" or
 * an OSC 8 link leaves no "[2J" or "8;;https://…" behind: CSI (ESC [ or U+009B, then parameters, intermediates and
 * a final byte); OSC, DCS, SOS, PM and APC strings up to BEL or ST (at most 4,096 characters, else only the
 * introducer goes); other ESC sequences (ESC, intermediates, a final byte); then single characters: C0 controls but
 * tab and line feed, DEL, C1 controls, U+202A–U+202E (embeddings and overrides), U+2066–U+2069 (isolates) and the
 * noncharacters U+FFFE and U+FFFF. A carriage return (with the line feed after it, if any) is matched too, and
 * becomes a line feed.
 */
const unwanted =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]{0,4096}(?:\u0007|\u001b\\|\u009c)|\u001b[\u0020-\u002f]*[\u0030-\u007e]|\r\n?|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/** Whether any of those is present. (A Unicode-mode pattern would also find lone surrogates, but is 3× slower.) */
const anyUnwanted = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

/** A surrogate without its pair: in Unicode mode, a paired one is part of a code point and does not match. */
const loneSurrogate = /[\ud800-\udfff]/gu;

/**
 * Text with every control character removed but tab and line feed (a carriage return becomes a line feed), terminal
 * escape sequences removed whole, bidi embeddings, overrides and isolates removed (the marks U+200E, U+200F and
 * U+061C stay), and lone surrogates and U+FFFE/U+FFFF removed. The result is valid XML 1.0 character data. Text
 * with none of these is returned as it is, without copying.
 *
 * @example
 * stripControls("Big\u001b[2J news\u202e") // "Big news"
 * stripControls("a\r\nb") // "a\nb"
 */
export function stripControls(text: string): string {
  const wellFormed = text.isWellFormed();
  if (wellFormed && !anyUnwanted.test(text)) return text;
  const clean = wellFormed ? text : text.replace(loneSurrogate, "");
  return clean.replace(unwanted, (match) => (match.charCodeAt(0) === 0x0d ? "\n" : ""));
}

/** Whether `text` holds anything `stripControls` would remove or change. */
export function hasControls(text: string): boolean {
  return !text.isWellFormed() || anyUnwanted.test(text);
}

/** The single characters of `unwanted`, without the sequences and the carriage return. */
const unwantedChar = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
const anyUnwantedChar = new RegExp(unwantedChar.source);

/**
 * Serialized markup (an XML feed, an HTML page, a JSON document) with the characters `stripControls` removes taken
 * out one at a time, carriage returns kept. Never a whole escape sequence: its last byte could be a quote or the '<'
 * of the markup around it ("ESC<" before "/title>"), and removing that would change the document's structure. Text
 * should have gone through `stripControls` before it was put into markup; this is the last line of defence, which
 * makes the document valid XML 1.0 whatever got in.
 *
 * @example
 * cleanMarkup("<title>a\u001bb\u202e</title>") // "<title>ab</title>"
 */
export function cleanMarkup(markup: string): string {
  const wellFormed = markup.isWellFormed();
  if (wellFormed && !anyUnwantedChar.test(markup)) return markup;
  return (wellFormed ? markup : markup.replace(loneSurrogate, "")).replace(unwantedChar, "");
}

/**
 * Text for a one-line field (a source name, a table cell): controls stripped as by `stripControls`, then every run
 * of whitespace (tabs and line breaks included) made one space, and the ends trimmed.
 *
 * @example
 * singleLine("  Wire\tbeat\n\u0007 ") // "Wire beat"
 */
export function singleLine(text: string): string {
  return stripControls(text)
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/**
 * Whether a code point may appear in stored text (after an entity like "&#27;" is decoded, say): not a control
 * character other than tab and line feed, not a bidi embedding, override or isolate, not U+FFFE/U+FFFF, not a
 * surrogate, and within Unicode.
 */
export function isAllowedCodePoint(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a;
  if (code < 0x7f) return true;
  if (code <= 0x9f) return false;
  if (code >= 0x202a && code <= 0x202e) return false;
  if (code >= 0x2066 && code <= 0x2069) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/**
 * The styles the terminal printer lets through: bold, dim, normal weight, a foreground colour other than black,
 * default colour, reset (ESC [ n m). They change how text looks, never where it goes or what it links to.
 */
const style = /\u001b\[(?:0|1|2|22|3[1-7]|39)?m/g;

/**
 * Text as it may be written to a terminal: everything `stripControls` removes, and tabs and line breaks made
 * spaces unless `multiline` (then line feeds and tabs stay). With `keepStyle`, the colour and weight sequences of
 * `style` are kept: the CLI's own colours arrive that way, and stored text can no longer hold any.
 *
 * @example
 * terminalText("\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 me") // "click me"
 */
export function terminalText(text: string, options: { multiline?: boolean; keepStyle?: boolean } = {}): string {
  const clean = (part: string) => {
    const stripped = stripControls(part);
    return options.multiline ? stripped : stripped.replace(/[\t\n\u2028\u2029]/g, " ");
  };
  if (!options.keepStyle || !text.includes("\u001b[")) return clean(text);
  let out = "";
  let last = 0;
  for (const match of text.matchAll(style)) {
    out += clean(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + clean(text.slice(last));
}
