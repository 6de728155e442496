/**
 * Tells binary documents from text before anything tries to read them as HTML, XML or JSON: a gzip file, an image
 * or random bytes would otherwise be decoded as windows-1252 and come out as screens of mojibake.
 */

/** Known binary formats by their first bytes ("magic numbers"); `offset` is where the signature starts. */
const signatures: Array<{ name: string; bytes: number[]; offset?: number }> = [
  { name: "gzip", bytes: [0x1f, 0x8b] },
  { name: "zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "bzip2", bytes: [0x42, 0x5a, 0x68] },
  { name: "xz", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: "zstd", bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: "7z", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: "PDF", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "WebP or WAV (RIFF)", bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: "MP4 or QuickTime", bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { name: "MP3", bytes: [0x49, 0x44, 0x33] },
  { name: "Ogg", bytes: [0x4f, 0x67, 0x67, 0x53] },
  { name: "FLAC", bytes: [0x66, 0x4c, 0x61, 0x43] },
  { name: "ELF executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "WebAssembly", bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: "SQLite database", bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

/** How much of the start is looked at: enough to judge, cheap on a 10 MB page. */
const sampleBytes = 8192;

/** Share of control bytes above which a sample is binary; text in any charset has next to none. */
const maxControlShare = 0.02;

export type BinaryVerdict = { binary: false } | { binary: true; format: string | null; reason: string };

/** The format whose signature the bytes start with, or null. */
export function binaryFormat(bytes: Uint8Array): string | null {
  for (const signature of signatures) {
    const at = signature.offset ?? 0;
    if (bytes.length < at + signature.bytes.length) continue;
    if (signature.bytes.every((byte, i) => bytes[at + i] === byte)) return signature.name;
  }
  return null;
}

/** UTF-16 and UTF-32 text is full of NUL bytes; it announces itself with a BOM or "<" written in two bytes. */
function looksLikeWideText(bytes: Uint8Array): boolean {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  if ((a === 0x3c && b === 0x00 && d === 0x00) || (a === 0x00 && b === 0x3c) || (a === 0x00 && c === 0x3c)) return true;
  return a === 0x7b && b === 0x00;
}

/**
 * Whether bytes are a binary document rather than text: a known binary signature, a NUL byte, or more than 2% of
 * control bytes (other than tab, line breaks, form feed and the ESC of ISO-2022 charsets) in the first 8 KB.
 *
 * @example
 * sniffBinary(gzipSync("<html>")) // { binary: true, format: "gzip", reason: "a gzip file" }
 * sniffBinary(Buffer.from("<rss>…</rss>")) // { binary: false }
 */
export function sniffBinary(bytes: Uint8Array): BinaryVerdict {
  const format = binaryFormat(bytes);
  if (format) return { binary: true, format, reason: `a ${format} file` };
  if (looksLikeWideText(bytes)) return { binary: false };
  const sample = bytes.subarray(0, sampleBytes);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return { binary: true, format: null, reason: "binary data (it contains NUL bytes)" };
    if (
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) ||
      byte === 0x7f
    )
      controls += 1;
  }
  if (sample.length && controls / sample.length > maxControlShare) {
    return {
      binary: true,
      format: null,
      reason: `binary data (${controls} control bytes in the first ${sample.length})`,
    };
  }
  return { binary: false };
}

/**
 * Whether a Content-Type names a binary format. Text, HTML, XML and JSON types are not binary; neither is a
 * missing type or the catch-all application/octet-stream, which servers send for anything (the bytes decide then).
 */
export function isBinaryContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!type || type === "application/octet-stream") return false;
  if (type.startsWith("text/") || /[+/](xml|json|html)$/.test(type) || type.endsWith("+xml")) return false;
  if (type === "application/javascript" || type === "application/x-www-form-urlencoded") return false;
  return /^(image|audio|video|font|model)\//.test(type) || type.startsWith("application/");
}
