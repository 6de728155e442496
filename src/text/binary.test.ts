import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isBinaryContentType, sniffBinary } from "./binary.ts";

/** Deterministic noise (xorshift32), so the test cannot pass or fail by chance. */
function noise(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

describe("telling binary from text", () => {
  it("knows binary formats by their first bytes", () => {
    expect(sniffBinary(gzipSync("<html></html>"))).toMatchObject({ binary: true, format: "gzip" });
    expect(sniffBinary(Buffer.from("%PDF-1.7\n%âãÏÓ\n"))).toMatchObject({ binary: true, format: "PDF" });
    expect(sniffBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatchObject({
      format: "PNG",
    });
    expect(sniffBinary(Buffer.from("PK\u0003\u0004rest"))).toMatchObject({ format: "zip" });
  });

  it("calls random bytes binary from a few hundred bytes on", () => {
    for (const size of [256, 3000, 100_000]) {
      for (let seed = 1; seed <= 50; seed += 1) {
        expect(sniffBinary(noise(size, seed)).binary, `${size} bytes of noise ${seed}`).toBe(true);
      }
    }
  });

  it("calls text in any charset text", () => {
    const texts = [
      Buffer.from("<?xml version='1.0'?><rss><channel><title>Caf\u00e9 \u2014 news</title></channel></rss>", "utf8"),
      Buffer.from("<html><body>Gr\u00fc\u00dfe aus K\u00f6ln\t\r\n\f</body></html>", "latin1"),
      Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x3c, 0x2f, 0x70, 0x3e]), // Shift_JIS
      Buffer.from("<p>\u001b$B$3$s$K$A$O\u001b(B</p>", "latin1"), // ISO-2022-JP uses ESC
      Buffer.from("\ufeff<feed/>", "utf16le"),
      Buffer.from("<?xml version='1.0'?><feed/>", "utf16le"), // UTF-16 without a byte order mark
      Buffer.from('{"version": "https://jsonfeed.org/version/1.1", "items": []}'),
      Buffer.from(""),
    ];
    for (const text of texts) expect(sniffBinary(text), text.toString("latin1")).toEqual({ binary: false });
  });

  it("reads Content-Type: images, audio, PDF and archives are binary; text, XML, JSON and unknowns are not", () => {
    for (const type of ["image/png", "audio/mpeg", "application/pdf", "application/zip", "video/mp4"]) {
      expect(isBinaryContentType(type), type).toBe(true);
    }
    for (const type of [
      "text/html; charset=utf-8",
      "application/rss+xml",
      "application/feed+json",
      "application/xml",
      "application/json",
      "image/svg+xml",
      "application/xhtml+xml",
      "application/octet-stream",
      null,
      "",
    ]) {
      expect(isBinaryContentType(type), String(type)).toBe(false);
    }
  });
});
