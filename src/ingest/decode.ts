import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

export type DecodeOptions = {
  /** The Content-Type header, whose charset parameter is used when the document does not declare one. */
  contentType?: string | null;
  /** "xml" looks at the XML declaration first; "html" at <meta charset> after the HTTP header. */
  kind: "xml" | "html" | "json";
};

export type Decoded = { text: string; charset: string; source: "bom" | "declaration" | "header" | "meta" | "sniff" };

/**
 * Turns bytes into text with the right charset. XML: BOM, then the XML declaration, then the HTTP header (producers
 * know their own encoding better than servers do). HTML: BOM, HTTP header, then <meta>. Otherwise UTF-8 when the
 * bytes are valid UTF-8, else windows-1252. Labels follow WHATWG: ISO-8859-1 and US-ASCII mean windows-1252.
 * iconv-lite decodes, since Node 20's own windows-1252 decoder maps 0x80–0x9F wrongly.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = sniffBom(buffer);
  if (bom) {
    const text = iconv.decode(buffer.subarray(bom.length), bom.charset, { stripBOM: true });
    return { text, charset: bom.charset, source: bom.length > 0 ? "bom" : "sniff" };
  }
  const header = charsetFromContentType(options.contentType);
  if (options.kind === "xml") {
    const declared = xmlDeclaredCharset(buffer);
    if (declared) return decodeAs(buffer, declared, "declaration");
    if (header) return decodeAs(buffer, header, "header");
  } else if (options.kind === "html") {
    if (header) return decodeAs(buffer, header, "header");
    const meta = htmlMetaCharset(buffer);
    if (meta) return decodeAs(buffer, meta, "meta");
  } else if (header) {
    return decodeAs(buffer, header, "header");
  }
  if (isValidUtf8(buffer)) return { text: buffer.toString("utf8"), charset: "utf-8", source: "sniff" };
  return { text: iconv.decode(buffer, "windows-1252"), charset: "windows-1252", source: "sniff" };
}

function decodeAs(buffer: Buffer, label: string, source: Decoded["source"]): Decoded {
  let charset = normaliseLabel(label);
  // UTF-16 would have shown in the first bytes (BOM or "<?" as two-byte units); a label that says so is wrong.
  if (charset.startsWith("utf-16") || charset.startsWith("utf-32")) charset = "utf-8";
  if (charset === "utf-8") {
    // A document that says UTF-8 but is not (a common server default) is more likely windows-1252.
    if (isValidUtf8(buffer)) return { text: buffer.toString("utf8"), charset, source };
    return { text: iconv.decode(buffer, "windows-1252"), charset: "windows-1252", source: "sniff" };
  }
  if (!iconv.encodingExists(charset)) return { text: buffer.toString("utf8"), charset: "utf-8", source: "sniff" };
  return { text: iconv.decode(buffer, charset), charset, source };
}

export function normaliseLabel(label: string): string {
  const lower = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (["utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8"].includes(lower)) return "utf-8";
  if (/^(iso-?8859-1|iso_8859-1|latin-?1|l1|us-ascii|ascii|cp1252|windows-1252|x-cp1252|cp819|ibm819)$/.test(lower)) {
    return "windows-1252";
  }
  if (lower === "gb2312" || lower === "gbk" || lower === "x-gbk") return "gbk";
  if (lower === "utf-16" || lower === "utf16") return "utf-16le";
  return lower;
}

/** A byte order mark, or (XML spec, appendix F) "<?" written in UTF-16 without one. */
function sniffBom(buffer: Buffer): { charset: string; length: number } | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { charset: "utf-16be", length: 2 };
  if (buffer[0] === 0x3c && buffer[1] === 0x00 && buffer[2] === 0x3f && buffer[3] === 0x00) {
    return { charset: "utf-16le", length: 0 };
  }
  if (buffer[0] === 0x00 && buffer[1] === 0x3c && buffer[2] === 0x00 && buffer[3] === 0x3f) {
    return { charset: "utf-16be", length: 0 };
  }
  return null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

function xmlDeclaredCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 512).toString("latin1");
  const match = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1] ?? null;
}

function htmlMetaCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 4096).toString("latin1");
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct?.[1] ?? null;
}

function isValidUtf8(buffer: Buffer): boolean {
  return isUtf8(buffer);
}
