import { deflateSync } from "node:zlib";
import { pngChunk } from "../../scripts/demo-lib/png.ts";

/** Image files built byte by byte for tests: real headers, and a body a decoder would read where it matters. */

/** A valid greyscale PNG of the given size (every pixel mid-grey); `pixels: false` writes the header alone. */
export function png(width: number, height: number, options: { pixels?: boolean } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", header)];
  if (options.pixels !== false) {
    const raw = Buffer.alloc((width + 1) * height, 0x80);
    for (let y = 0; y < height; y += 1) raw[y * (width + 1)] = 0;
    parts.push(pngChunk("IDAT", deflateSync(raw)));
  }
  parts.push(pngChunk("IEND", Buffer.alloc(0)));
  return Buffer.concat(parts);
}

export function gif(width: number, height: number): Buffer {
  const b = Buffer.alloc(13);
  b.write("GIF89a", 0, "latin1");
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

/** A JPEG's marker segments up to its frame header: APP0 (JFIF), optional APP1 Exif with an orientation, SOF. */
export function jpeg(width: number, height: number, options: { orientation?: number; progressive?: boolean } = {}) {
  const segment = (marker: number, data: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(data.length + 2, 2);
    return Buffer.concat([head, data]);
  };
  const jfif = segment(0xe0, Buffer.from("JFIF\0\x01\x02\0\0\x01\0\x01\0\0", "latin1"));
  const parts = [Buffer.from([0xff, 0xd8]), jfif];
  if (options.orientation !== undefined) {
    // Big-endian TIFF: header, one IFD with one entry (0x0112 orientation, SHORT, count 1).
    const tiff = Buffer.alloc(8 + 2 + 12 + 4);
    tiff.write("MM", 0, "latin1");
    tiff.writeUInt16BE(42, 2);
    tiff.writeUInt32BE(8, 4);
    tiff.writeUInt16BE(1, 8);
    tiff.writeUInt16BE(0x0112, 10);
    tiff.writeUInt16BE(3, 12);
    tiff.writeUInt32BE(1, 14);
    tiff.writeUInt16BE(options.orientation, 18);
    parts.push(segment(0xe1, Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff])));
  }
  // Fill bytes before a marker are allowed.
  parts.push(Buffer.from([0xff]));
  const sof = Buffer.alloc(6);
  sof[0] = 8;
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof[5] = 3;
  parts.push(segment(options.progressive ? 0xc2 : 0xc0, Buffer.concat([sof, Buffer.alloc(9)])));
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

/** WebP headers of the three kinds: lossy (VP8), lossless (VP8L), extended (VP8X). */
export function webp(width: number, height: number, kind: "VP8 " | "VP8L" | "VP8X"): Buffer {
  const b = Buffer.alloc(40);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(32, 4);
  b.write("WEBP", 8, "latin1");
  b.write(kind, 12, "latin1");
  b.writeUInt32LE(20, 16);
  if (kind === "VP8 ") {
    b.set([0x9d, 0x01, 0x2a], 23);
    b.writeUInt16LE(width, 26);
    b.writeUInt16LE(height, 28);
  } else if (kind === "VP8L") {
    b[20] = 0x2f;
    b.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 21);
  } else {
    b.writeUIntLE(width - 1, 24, 3);
    b.writeUIntLE(height - 1, 27, 3);
  }
  return b;
}
