import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeBytes, normaliseLabel } from "./decode.ts";

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

describe("decodeBytes", () => {
  it("strips a UTF-8 byte order mark", () => {
    const decoded = decodeBytes(bytes([0xef, 0xbb, 0xbf], "<rss/>"), { kind: "xml" });
    expect(decoded).toEqual({ text: "<rss/>", charset: "utf-8", source: "bom" });
  });

  it("reads UTF-16 in either byte order from its byte order mark", () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><rss>Grüße €</rss>';
    const le = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]), { kind: "xml" });
    const be = decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]), { kind: "xml" });
    expect(le.text).toBe(text);
    expect(be.text).toBe(text);
    expect(be.charset).toBe("utf-16be");
  });

  it("recognises UTF-16 without a byte order mark from '<?' (XML appendix F)", () => {
    const text = '<?xml version="1.0"?><feed>Ωmega</feed>';
    expect(decodeBytes(iconv.encode(text, "utf-16le"), { kind: "xml" }).text).toBe(text);
    expect(decodeBytes(iconv.encode(text, "utf-16be"), { kind: "xml" }).text).toBe(text);
  });

  it("decodes windows-1252 with iconv-lite, 0x80–0x9F included (curly quotes, euro sign)", () => {
    const doc = bytes(
      '<?xml version="1.0" encoding="windows-1252"?><t>',
      [0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35],
      "</t>",
    );
    const decoded = decodeBytes(doc, { kind: "xml" });
    expect(decoded.text).toContain("“Hi” €5");
    expect(decoded).toMatchObject({ charset: "windows-1252", source: "declaration" });
  });

  it("reads ISO-8859-1 and US-ASCII labels as windows-1252, as browsers do", () => {
    const doc = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><t>caf', [0xe9], " ", [0x85], "</t>");
    expect(decodeBytes(doc, { kind: "xml" }).text).toContain("café …");
  });

  it("prefers the XML declaration to the HTTP header for XML", () => {
    const doc = bytes('<?xml version="1.0" encoding="windows-1252"?><t>', [0xe9], "</t>");
    const decoded = decodeBytes(doc, { kind: "xml", contentType: "text/xml; charset=utf-8" });
    expect(decoded.text).toContain("<t>é</t>");
    expect(decoded.source).toBe("declaration");
  });

  it("uses the HTTP header's charset when the document declares none", () => {
    const doc = bytes("<rss><t>", [0xe9], "</t></rss>");
    const decoded = decodeBytes(doc, { kind: "xml", contentType: 'application/rss+xml; charset="ISO-8859-1"' });
    expect(decoded).toMatchObject({ text: "<rss><t>é</t></rss>", source: "header" });
  });

  it("for HTML, prefers the HTTP header to <meta charset>, and uses <meta> without one", () => {
    const doc = bytes('<html><head><meta charset="windows-1252"></head><body>', [0xe9], "</body></html>");
    expect(decodeBytes(doc, { kind: "html" }).text).toContain("<body>é</body>");
    expect(decodeBytes(doc, { kind: "html" }).source).toBe("meta");
    const utf8 = Buffer.from('<html><head><meta charset="windows-1252"></head><body>é</body></html>', "utf8");
    expect(decodeBytes(utf8, { kind: "html", contentType: "text/html; charset=utf-8" }).text).toContain(
      "<body>é</body>",
    );
  });

  it("reads a document that claims UTF-8 but is not as windows-1252", () => {
    const doc = bytes('<?xml version="1.0" encoding="utf-8"?><t>na', [0xef], "ve</t>");
    const decoded = decodeBytes(doc, { kind: "xml" });
    expect(decoded.text).toContain("naïve");
    expect(decoded).toMatchObject({ charset: "windows-1252", source: "sniff" });
  });

  it("sniffs UTF-8, else windows-1252, when nothing names a charset", () => {
    expect(decodeBytes(Buffer.from("<t>日本語</t>", "utf8"), { kind: "xml" })).toMatchObject({
      text: "<t>日本語</t>",
      charset: "utf-8",
      source: "sniff",
    });
    expect(decodeBytes(bytes("<t>", [0x96], "</t>"), { kind: "xml" }).text).toBe("<t>–</t>");
  });

  it("ignores a UTF-16 label on bytes that are plainly not UTF-16, and unknown labels", () => {
    const doc = Buffer.from('<?xml version="1.0" encoding="UTF-16"?><t>ok é</t>', "utf8");
    expect(decodeBytes(doc, { kind: "xml" }).text).toContain("<t>ok é</t>");
    const unknown = Buffer.from('<?xml version="1.0" encoding="x-no-such-charset"?><t>é</t>', "utf8");
    expect(decodeBytes(unknown, { kind: "xml" }).text).toContain("<t>é</t>");
  });

  it("decodes other charsets iconv-lite knows (Shift_JIS, KOI8-R)", () => {
    const sjis = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?>'),
      iconv.encode("<t>日本</t>", "shift_jis"),
    ]);
    expect(decodeBytes(sjis, { kind: "xml" }).text).toContain("<t>日本</t>");
    const koi = Buffer.concat([Buffer.from("<t>"), iconv.encode("Привет", "koi8-r"), Buffer.from("</t>")]);
    expect(decodeBytes(koi, { kind: "xml", contentType: "text/xml; charset=KOI8-R" }).text).toBe("<t>Привет</t>");
  });
});

describe("charsetFromContentType", () => {
  it("reads the charset parameter in any case and quoting", () => {
    expect(charsetFromContentType("text/xml; charset=UTF-8")).toBe("UTF-8");
    expect(charsetFromContentType('application/rss+xml;Charset="iso-8859-1"')).toBe("iso-8859-1");
    expect(charsetFromContentType("text/xml")).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});

describe("normaliseLabel", () => {
  it("maps labels to the decoder browsers use", () => {
    expect(normaliseLabel("UTF8")).toBe("utf-8");
    expect(normaliseLabel(" Latin-1 ")).toBe("windows-1252");
    expect(normaliseLabel("us-ascii")).toBe("windows-1252");
    expect(normaliseLabel("GB2312")).toBe("gbk");
    expect(normaliseLabel("'koi8-r'")).toBe("koi8-r");
  });
});
