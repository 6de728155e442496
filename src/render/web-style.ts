import { partNames, partStyles } from "./parts.ts";
import type { Palette, Theme } from "./theme.ts";

const paletteKeys = Object.keys({
  page: 0,
  surface: 0,
  text: 0,
  muted: 0,
  accent: 0,
  link: 0,
  rule: 0,
  panel: 0,
  code: 0,
  codeText: 0,
  banner: 0,
  bannerText: 0,
  bull: 0,
  bear: 0,
  flat: 0,
} satisfies Record<keyof Palette, 0>) as Array<keyof Palette>;

const varName = (key: string) => `--db-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const variables = (palette: Palette) => paletteKeys.map((key) => `${varName(key)}:${palette[key]}`).join(";");

/** The same part styles as the email, with colours as CSS variables so the page follows the reader's colour scheme. */
const varPalette = Object.fromEntries(paletteKeys.map((key) => [key, `var(${varName(key)})`])) as Palette;

const cache = new Map<string, string>();

/** The web pages' style sheet for a theme: palette variables (light, dark), the parts, and the page layout. */
export function webStyleSheet(theme: Theme): string {
  const key = `${theme.id}|${theme.light.accent}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const styles = partStyles(theme, varPalette);
  const parts = partNames.map((part) => `.db-${part}{${styles[part]}}`).join("\n");
  const inverse = theme.masthead === "inverse";
  const css = `:root{color-scheme:light dark;${variables(theme.light)}}
@media (prefers-color-scheme:dark){:root{${variables(theme.dark)}}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--db-page);color:var(--db-text);font-family:${theme.fonts.body};font-size:16px;line-height:1.6;overflow-wrap:anywhere}
.db-top,.db-main,.db-pn,.db-end{max-width:680px;margin:0 auto}
.db-top{display:flex;flex-wrap:wrap;gap:8px 16px;justify-content:space-between;align-items:baseline;padding:18px 24px;font-size:14px}
.db-top a{color:var(--db-muted)}
.db-top .db-home{font-weight:800;color:var(--db-text);text-decoration:none}
.db-main{background:var(--db-surface);border-radius:10px;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.db-mast{padding:32px 32px ${inverse ? "26px" : "4px"};${inverse ? "background:var(--db-banner)" : "border-top:5px solid var(--db-accent)"}}
.db-mast-solo{padding-bottom:26px}
.db-s{padding:26px 32px 14px;border-top:1px solid var(--db-rule)}
.db-s-intro{border-top:0;padding:${inverse ? "26px 32px 6px" : "4px 32px 22px"}}
.db-s-panel{background:var(--db-panel)}
.db-story:last-child{margin-bottom:12px}
.db-prompt{margin:0}
.db-pn{display:flex;justify-content:space-between;gap:16px;padding:20px 24px 0;font-size:15px}
.db-pn a{color:var(--db-link)}
.db-end{padding:20px 24px 40px;text-align:center}
.db-list{list-style:none;margin:0;padding:0}
.db-entry{margin:0 0 22px}
.db-entry h3{margin:0 0 4px}
.db-entry h3 a{color:var(--db-text);text-decoration:none}
.db-entry h3 a:hover{text-decoration:underline}
.db-badge{display:inline-block;margin-right:6px;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:700;color:var(--db-surface);background:var(--db-accent)}
${parts}
.db-form{display:grid;gap:14px;margin:0}
.db-form label,.db-legend{font-weight:700}
.db-form fieldset{border:1px solid var(--db-rule);border-radius:6px;margin:0;padding:10px 14px}
.db-form input[type=email],.db-form input[type=search],.db-form select{font:inherit;width:100%;padding:8px 10px;border:1px solid var(--db-muted);border-radius:4px;background:var(--db-surface);color:var(--db-text)}
.db-form .db-check{display:flex;gap:8px;align-items:baseline;font-weight:400}
.db-button{font:inherit;font-weight:700;padding:9px 18px;border:0;border-radius:4px;background:var(--db-accent);color:var(--db-surface);cursor:pointer;justify-self:start}
.db-button:focus-visible,.db-form input:focus-visible,.db-form select:focus-visible,a:focus-visible{outline:3px solid var(--db-link);outline-offset:2px}
.db-hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.db-search{display:flex;flex-wrap:wrap;gap:10px;align-items:end}
.db-search>div{flex:1 1 180px;display:grid;gap:4px}
.db-pager{display:flex;justify-content:space-between;gap:16px;padding:0 0 8px}
.db-pager a{color:var(--db-link)}
.db-help{color:var(--db-muted)}
@media (max-width:600px){.db-main{border-radius:0}.db-mast,.db-s,.db-s-intro{padding-left:18px;padding-right:18px}.db-title{font-size:23px}.db-prompt{font-size:13px}.db-top,.db-pn,.db-end{padding-left:18px;padding-right:18px}}`;
  cache.set(key, css);
  return css;
}
