// Small PNG placeholder images for article lead images: mail clients do not show SVG, so the demo's og:image is a
// raster picture. A palette PNG of flat shapes compresses to a few kilobytes.
import { crc32, deflateSync } from "node:zlib";
import { hash } from "./text.ts";

type Rgb = [number, number, number];

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** One PNG chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A deterministic picture (background, a disc, a band of bars) keyed by `seed`, as PNG bytes. */
export function placeholderPng(seed: string, width = 1200, height = 630): Buffer {
  const h = hash(seed);
  const hue = h % 360;
  const palette: Rgb[] = [
    hsl(hue, 0.45, 0.32),
    hsl((hue + 40 + ((h >> 9) % 80)) % 360, 0.6, 0.55),
    hsl(hue, 0.35, 0.85),
    hsl((hue + 180) % 360, 0.5, 0.6),
  ];
  const cx = Math.round(width * (0.55 + ((h >> 3) % 30) / 100));
  const cy = Math.round(height * (0.3 + ((h >> 5) % 30) / 100));
  const r = Math.round(height * (0.25 + ((h >> 7) % 20) / 100));
  const bars = 5 + ((h >> 11) % 5);
  const barWidth = Math.round(width / 40);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      let colour = 0;
      const dx = x - cx;
      const dy = y - cy;
      if (dx * dx + dy * dy <= r * r) colour = 1;
      const bar = Math.floor((x - 40) / (barWidth * 1.6));
      const top = height - 40 - ((hash(`${seed}:${bar}`) % 5) + 2) * (height / 14);
      if (x >= 40 && bar < bars && (x - 40) % Math.round(barWidth * 1.6) < barWidth && y > top && y < height - 40)
        colour = bar % 3 === 0 ? 3 : 2;
      raw[row + 1 + x] = colour;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit palette, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("PLTE", Buffer.from(palette.flat())),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
