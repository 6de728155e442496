/**
 * The MIME encodings the message template needs: quoted-printable bodies that can be cut into pieces and joined
 * again (each piece ends in a soft line break, so a per-recipient value can sit between two pieces), and headers
 * with non-ASCII text as RFC 2047 encoded words.
 */

const hex = "0123456789ABCDEF";
/** Longest encoded line, the soft-break "=" included (RFC 2045 allows 76). */
const lineLimit = 76;

/**
 * Encodes text as quoted-printable with CRLF hard line breaks. With `joinable`, the result ends in a soft line
 * break unless the text ended in a line break, so that another encoded piece can follow and a decoder joins the
 * two without adding anything.
 *
 * @example
 * encodeQuotedPrintable("Café au lait") // "Caf=C3=A9 au lait"
 */
export function encodeQuotedPrintable(text: string, options: { joinable?: boolean } = {}): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    out.push(encodeLine(Buffer.from(line, "utf8"), last && options.joinable === true));
  });
  return out.join("\r\n");
}

/** One input line: printable ASCII stays, the rest becomes =XX; long lines get soft breaks. */
function encodeLine(bytes: Buffer, joinable: boolean): string {
  let out = "";
  let column = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] as number;
    const atEnd = i === bytes.length - 1;
    // Whitespace at the end of a line would be stripped in transit; "=" and non-ASCII bytes are always encoded.
    const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !atEnd);
    const token = literal ? String.fromCharCode(byte) : `=${hex[byte >> 4]}${hex[byte & 15]}`;
    // Keep room for the soft break's "=" on every line.
    if (column + token.length > lineLimit - 1) {
      out += "=\r\n";
      column = 0;
    }
    out += token;
    column += token.length;
  }
  return joinable ? `${out}=\r\n` : out;
}

/** Whether a header value can be written as it is: printable ASCII and spaces only. */
function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * A header value with non-ASCII text as UTF-8 base64 encoded words separated by spaces, each short enough for a
 * line of its own once `headerLine` folds at the spaces (decoders join adjacent encoded words without a space).
 *
 * @example
 * encodeHeaderText("Déjà vu") // "=?UTF-8?B?RMOpasOgIHZ1?="
 */
export function encodeHeaderText(text: string): string {
  const clean = text.replace(/[\r\n]+/g, " ");
  if (isPlainAscii(clean)) return clean;
  const words: string[] = [];
  let chunk = "";
  // 45 bytes of UTF-8 give 60 base64 characters: with the wrapper the word stays within one 76-column line.
  for (const char of clean) {
    if (Buffer.byteLength(chunk + char, "utf8") > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, "utf8").toString("base64")}?=`).join(" ");
}

/**
 * A mailbox for From and To: `"Display Name" <address>`, the name quoted or encoded as needed; the bare address
 * when there is no name.
 *
 * @example
 * formatAddress("Ada Lovelace", "ada@example.com") // "\"Ada Lovelace\" <ada@example.com>"
 */
export function formatAddress(name: string | null | undefined, email: string): string {
  const display = (name ?? "").replace(/[\r\n\t]+/g, " ").trim();
  if (!display) return `<${email}>`;
  if (!isPlainAscii(display)) return `${encodeHeaderText(display)} <${email}>`;
  return `"${display.replace(/(["\\])/g, "\\$1")}" <${email}>`;
}

/** RFC 5322 date, e.g. "Tue, 02 Dec 2025 06:00:00 +0000". */
export function formatMailDate(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

/**
 * A header line, folded at spaces so that lines stay under 78 characters where the value allows it (a long
 * word such as a URL is left whole: lines may reach 998).
 *
 * @example
 * headerLine("Subject", "A short subject") // "Subject: A short subject\r\n"
 */
export function headerLine(name: string, value: string): string {
  const words = value.replace(/[\r\n]+(?![ \t])/g, " ").split(/(?<=\S) (?=\S)/);
  let line = `${name}:`;
  let out = "";
  for (const word of words) {
    if (line.length + 1 + word.length > 76 && line.length > name.length + 1) {
      out += `${line}\r\n`;
      line = ` ${word}`;
    } else {
      line += ` ${word}`;
    }
  }
  return `${out}${line}\r\n`;
}
