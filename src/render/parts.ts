import type { Palette, Theme } from "./theme.ts";

/**
 * The named pieces of a rendered issue. Each has one style, written from a palette: the email inlines it (with the
 * class kept for dark-mode overrides), the web page puts it in a style sheet with CSS variables for colours.
 */
export const partNames = [
  "kicker",
  "title",
  "date",
  "greeting",
  "intro",
  "h2",
  "banner",
  "story",
  "h3",
  "num",
  "fig",
  "imglink",
  "img",
  "credit",
  "dot",
  "p",
  "note",
  "label",
  "sources",
  "src",
  "a",
  "ul",
  "li",
  "lead",
  "group",
  "meta",
  "bull",
  "bear",
  "flat",
  "bq",
  "quote",
  "by",
  "ptitle",
  "plabel",
  "prompt",
  "use",
  "empty",
  "when",
  "button",
  "foot",
  "flink",
] as const;

export type Part = (typeof partNames)[number];

/** Writes each part's CSS declarations from a palette (hex colours for email, var() references for the web). */
export function partStyles(theme: Theme, c: Palette): Record<Part, string> {
  const { heading, mono } = theme.fonts;
  const inverse = theme.masthead === "inverse";
  const mastText = inverse ? c.bannerText : c.text;
  const mastMuted = inverse ? c.bannerText : c.muted;
  return {
    kicker: `margin:0 0 10px;font-size:12px;line-height:1.4;font-weight:700;letter-spacing:.1em;text-transform:uppercase;color:${inverse ? c.bannerText : c.accent}`,
    title: `margin:0 0 8px;font-family:${heading};font-size:26px;line-height:1.25;font-weight:800;color:${mastText}`,
    date: `margin:0;font-size:14px;line-height:1.5;color:${mastMuted}`,
    greeting: `margin:0;font-family:${heading};font-size:19px;line-height:1.5;font-weight:700;color:${c.text}`,
    intro: `margin:0;font-size:15px;line-height:1.6;color:${c.muted}`,
    h2: `margin:0 0 14px;font-family:${heading};font-size:21px;line-height:1.3;font-weight:800;color:${c.text}`,
    banner: `margin:0 0 14px;padding:9px 12px;font-size:13px;line-height:1.4;font-weight:800;letter-spacing:.12em;text-transform:uppercase;color:${c.bannerText};background-color:${c.banner}`,
    story: "margin:0 0 22px",
    h3: `margin:0 0 8px;font-family:${heading};font-size:18px;line-height:1.35;font-weight:700;color:${c.text}`,
    num: `color:${c.accent}`,
    fig: "margin:4px 0 14px;padding:0",
    imglink: "display:block;text-decoration:none;border:0",
    // The width and height attributes give the shape; max-width lets a phone's narrower column shrink it.
    img: `display:block;max-width:100%;height:auto;border:0;outline:none;border-radius:4px;background-color:${c.panel}`,
    credit: `margin:6px 0 0;font-size:12px;line-height:1.4;color:${c.muted}`,
    // A coloured disc drawn by CSS (no emoji font needed); it takes the colour of the sentiment word it sits in.
    dot: "display:inline-block;width:9px;height:9px;margin:0 5px 1px 0;border-radius:50%;background-color:currentColor;vertical-align:middle",
    p: `margin:0 0 12px;font-size:16px;line-height:1.6;color:${c.text}`,
    note: `margin:0 0 10px;padding:10px 12px;font-size:15px;line-height:1.55;color:${c.text};background-color:${c.panel};border-left:3px solid ${c.accent}`,
    label: `font-weight:700;color:${c.accent}`,
    sources: `margin:6px 0 0;font-size:13px;line-height:1.5;color:${c.muted}`,
    src: `color:${c.muted};text-decoration:underline`,
    a: `color:${c.link};text-decoration:underline`,
    ul: "margin:0 0 12px;padding:0 0 0 22px",
    li: `margin:0 0 12px;font-size:16px;line-height:1.55;color:${c.text}`,
    lead: `font-weight:700;color:${c.text}`,
    group: `margin:20px 0 10px;font-size:16px;line-height:1.4;font-weight:800;color:${c.accent}`,
    meta: `margin:0 0 10px;font-size:15px;line-height:1.5;color:${c.muted}`,
    bull: `font-weight:700;color:${c.bull}`,
    bear: `font-weight:700;color:${c.bear}`,
    flat: `font-weight:700;color:${c.flat}`,
    bq: "margin:0;padding:0",
    quote: `margin:0 0 10px;font-family:${heading};font-size:20px;line-height:1.45;font-style:italic;color:${c.text}`,
    by: `margin:0;font-size:14px;line-height:1.5;color:${c.muted}`,
    ptitle: `margin:0 0 10px;font-size:17px;line-height:1.4;font-weight:700;color:${c.text}`,
    plabel: `margin:0 0 6px;font-size:12px;line-height:1.4;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:${c.muted}`,
    prompt: `padding:14px 16px;font-family:${mono};font-size:14px;line-height:1.6;color:${c.codeText};background-color:${c.code};border:1px solid ${c.rule};border-left:4px solid ${c.accent}`,
    use: `margin:12px 0 0;font-size:15px;line-height:1.55;color:${c.text}`,
    empty: `margin:0;font-size:15px;line-height:1.5;font-style:italic;color:${c.muted}`,
    when: `font-size:13px;color:${c.muted}`,
    button: `display:inline-block;padding:10px 18px;font-size:15px;font-weight:700;text-decoration:none;border-radius:6px;color:${c.surface};background-color:${c.accent}`,
    foot: `margin:0 0 8px;font-size:13px;line-height:1.6;color:${c.muted}`,
    flink: `color:${c.muted};text-decoration:underline`,
  };
}

/** Properties that carry colour: the only ones a dark-mode override needs to restate. */
const colourProperty = /^(color|background(-color)?|border(-left|-top|-bottom|-right)?(-color)?)$/;

/** The colour declarations of a style, each made !important (to beat the inlined light style). */
export function colourDeclarations(style: string): string {
  return style
    .split(";")
    .filter((d) => colourProperty.test(d.slice(0, d.indexOf(":"))))
    .map((d) => `${d}!important`)
    .join(";");
}
