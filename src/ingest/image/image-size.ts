/**
 * Reads an image's pixel size from its first bytes, without decoding it: the header of a PNG, GIF, JPEG or WebP
 * file says how large it is. A JPEG's EXIF orientation is honoured (browsers rotate the picture by it, so a
 * portrait photo stored sideways is as tall as it looks, not as its frame header says).
 */

export type ImageFormat = "png" | "gif" | "jpeg" | "webp";

export type ImageSize = { format: ImageFormat; width: number; height: number };

/** The MIME type of each format we read, as a server should declare it. */
export const imageMime: Record<ImageFormat, string> = {
  png: "image/png",
  gif: "image/gif",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

/**
 * The format and displayed size of an image, or null when the bytes are not a PNG, GIF, JPEG or WebP whose header
 * can be read (another format, a truncated file, an HTML error page served as an image).
 *
 * @example
 * imageSize(readFileSync("lead.png")) // { format: "png", width: 1200, height: 630 }
 */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) {
    if (b.toString("latin1", 12, 16) !== "IHDR") return null;
    return sized("png", b.readUInt32BE(16), b.readUInt32BE(20));
  }
  if (b.length >= 10 && /^GIF8[79]a$/.test(b.toString("latin1", 0, 6))) {
    return sized("gif", b.readUInt16LE(6), b.readUInt16LE(8));
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (b.length >= 16 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") {
    return webpSize(b);
  }
  return null;
}

function sized(format: ImageFormat, width: number, height: number): ImageSize | null {
  return width > 0 && height > 0 ? { format, width, height } : null;
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): the ones that carry the frame size. */
const startOfFrame = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(b: Buffer): ImageSize | null {
  let at = 2;
  let swap = false;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] as number;
    // Fill bytes (0xFF repeated) may pad between segments.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Markers without a length: TEM, RSTn, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any frame header
    const length = b.readUInt16BE(at + 2);
    if (length < 2) return null;
    if (marker === 0xe1 && at + 2 + length <= b.length) swap ||= exifSwapsSides(b.subarray(at + 4, at + 2 + length));
    if (startOfFrame.has(marker)) {
      if (at + 9 > b.length) return null;
      const height = b.readUInt16BE(at + 5);
      const width = b.readUInt16BE(at + 7);
      return swap ? sized("jpeg", height, width) : sized("jpeg", width, height);
    }
    at += 2 + length;
  }
  return null;
}

/** True when an APP1 Exif segment's orientation (5–8) turns the picture a quarter, so width and height trade places. */
function exifSwapsSides(segment: Buffer): boolean {
  if (segment.length < 14 || segment.toString("latin1", 0, 6) !== "Exif\0\0") return false;
  const tiff = segment.subarray(6);
  const order = tiff.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return false;
  const le = order === "II";
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return false;
  const count = u16(ifd);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return false;
    if (u16(entry) === 0x0112) {
      const orientation = u16(entry + 8);
      return orientation >= 5 && orientation <= 8;
    }
  }
  return false;
}

function webpSize(b: Buffer): ImageSize | null {
  const chunk = b.toString("latin1", 12, 16);
  if (chunk === "VP8 " && b.length >= 30) {
    // A lossy key frame: a start code, then 14-bit width and height (the top two bits are scaling).
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return sized("webp", b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  }
  if (chunk === "VP8L" && b.length >= 25) {
    if (b[20] !== 0x2f) return null;
    const bits = b.readUInt32LE(21);
    return sized("webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8X" && b.length >= 30) {
    return sized("webp", b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  }
  return null;
}
