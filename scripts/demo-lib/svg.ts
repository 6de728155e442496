// Small SVG placeholder images (a few hundred bytes each).
import { escText, hash } from "./text.ts";

export function placeholderSvg(label: string, seed: string, width = 1200, height = 675): string {
  const h = hash(seed);
  const hue = h % 360;
  const hue2 = (hue + 40 + ((h >> 9) % 80)) % 360;
  const cx = Math.round(width * (0.55 + ((h >> 3) % 30) / 100));
  const cy = Math.round(height * (0.3 + ((h >> 5) % 30) / 100));
  const r = Math.round(height * (0.25 + ((h >> 7) % 20) / 100));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="hsl(${hue},45%,32%)"/>
<circle cx="${cx}" cy="${cy}" r="${r}" fill="hsl(${hue2},60%,55%)" opacity=".6"/>
<text x="40" y="${height - 40}" font-family="sans-serif" font-size="${Math.round(height / 18)}" fill="#fff">${escText(label)}</text>
</svg>
`;
}
