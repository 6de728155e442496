import { type Html, html } from "../html.ts";

/** Colours for series, distinguishable and readable on white. */
export const palette = ["#1d4ed8", "#b45309", "#047857", "#b91c1c", "#7c3aed", "#0e7490", "#a21caf", "#4d7c0f"];

export type Series = { name: string; values: number[] };

const round = (n: number) => Math.round(n * 10) / 10;

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/**
 * A small bar chart per day (a source's items per day): one bar per value, no axes. The title names what it shows
 * for screen readers; each bar has its own tooltip.
 */
export function sparkBars(values: number[], labels: string[], title: string, width = 160, height = 32): Html {
  const max = Math.max(1, ...values);
  const w = width / Math.max(1, values.length);
  return html`<svg class="spark" role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${values.map(
    (v, i) => {
      const h = v ? Math.max(1.5, (v / max) * (height - 2)) : 0;
      return html`<rect x="${round(i * w + 0.5)}" y="${round(height - h)}" width="${round(Math.max(1, w - 1))}" height="${round(h)}" fill="${v ? "#1d4ed8" : "#d6d3d1"}"><title>${labels[i] ?? ""}: ${v}</title></rect>`;
    },
  )}${values.every((v) => !v) ? html`<line x1="0" y1="${height - 0.5}" x2="${width}" y2="${height - 0.5}" stroke="#d6d3d1"/>` : ""}</svg>`;
}

/**
 * Lines over days with a y axis, x labels at the ends and a legend: subscribers by edition, mentions of an entity.
 * `min` below zero draws a zero line (sentiment from -1 to 1).
 */
export function lineChart(
  series: Series[],
  labels: string[],
  title: string,
  options: { width?: number; height?: number; min?: number; max?: number } = {},
): Html {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const pad = { left: 40, right: 12, top: 12, bottom: 50 };
  const all = series.flatMap((s) => s.values);
  const min = options.min ?? 0;
  const max = options.max ?? niceMax(Math.max(0, ...all));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (labels.length <= 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => pad.top + plotH - ((v - min) / (max - min || 1)) * plotH;
  const ticks = [min, (min + max) / 2, max];
  return html`<svg class="chart" role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>
${ticks.map((t) => html`<line x1="${pad.left}" x2="${width - pad.right}" y1="${round(y(t))}" y2="${round(y(t))}" stroke="${t === 0 ? "#78716c" : "#e7e5e4"}"/><text x="${pad.left - 6}" y="${round(y(t) + 4)}" text-anchor="end" font-size="11" fill="#44403c">${round(t)}</text>`)}
${labels.length ? html`<text x="${pad.left}" y="${height - pad.bottom + 14}" font-size="11" fill="#44403c">${labels[0]}</text><text x="${width - pad.right}" y="${height - pad.bottom + 14}" font-size="11" text-anchor="end" fill="#44403c">${labels.at(-1)}</text>` : ""}
${series.map((s, si) => {
  const colour = palette[si % palette.length] as string;
  const points = s.values.map((v, i) => `${round(x(i))},${round(y(v))}`).join(" ");
  return html`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points}"><title>${s.name}</title></polyline>${s.values.map((v, i) => html`<circle cx="${round(x(i))}" cy="${round(y(v))}" r="2.5" fill="${colour}"><title>${s.name}, ${labels[i] ?? ""}: ${round(v)}</title></circle>`)}`;
})}
${series.slice(0, 8).map((s, si) => {
  const row = height - 20 + Math.floor(si / 4) * 14;
  return html`<rect x="${pad.left + (si % 4) * 150}" y="${row - 9}" width="10" height="10" fill="${palette[si % palette.length]}"/><text x="${pad.left + (si % 4) * 150 + 14}" y="${row}" font-size="11" fill="#1c1917">${s.name.slice(0, 22)}</text>`;
})}
</svg>`;
}
