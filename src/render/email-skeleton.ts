import { precompiledSkeletons } from "./email-skeletons.generated.ts";
import { colourDeclarations, type Part, partNames, partStyles } from "./parts.ts";
import type { Theme } from "./theme.ts";

/** How a row of the email is framed: the masthead, an intro line, a plain or tinted section, the footer. */
export type Frame = "mast" | "intro" | "plain" | "panel" | "foot";
export const frames: Frame[] = ["mast", "intro", "plain", "panel", "foot"];

/**
 * A compiled email with holes: `parts[i]` comes before slot `slots[i]`. Loading MJML costs ~0.5 s per process, so
 * the layout MJML owns (head, resets, the 600 px responsive column, Outlook's conditional tables) is compiled once
 * per theme — ahead of time for the built-in themes — and each issue only fills the holes: the title, the
 * preheader, and the body, whose rows are one-cell tables (the markup MJML itself writes for a section). The body
 * hole sits inside <mj-text>, whose content MJML copies through untouched, so filling it later gives the same HTML
 * as compiling the filled document (a test checks exactly that).
 */
export type Skeleton = { parts: string[]; slots: string[] };

export const slotToken = (name: string) => `DBSLOT${name}X`;
const slotPattern = /DBSLOT(\w+?)X/g;

const cache = new Map<string, Promise<Skeleton>>();

/** The cache key of a theme's skeleton: what the skeleton depends on. */
export const skeletonKey = (theme: Theme) => `${theme.id}|${theme.light.accent}`;

/**
 * The theme's skeleton: from the precompiled ones (the built-in themes, so a run that renders only those never loads
 * MJML), else compiled once per process.
 */
export function skeletonFor(theme: Theme): Promise<Skeleton> {
  const key = skeletonKey(theme);
  let skeleton = cache.get(key);
  if (!skeleton) {
    if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
    const precompiled = precompiledSkeletons[key];
    skeleton =
      precompiled === undefined
        ? compileMjml(skeletonMjml(theme)).then(splitSlots)
        : Promise.resolve(splitSlots(precompiled));
    cache.set(key, skeleton);
    skeleton.catch(() => cache.delete(key));
  }
  return skeleton;
}

/** Compiles MJML as the email renderer does: strict validation, no web fonts, MJML's indentation dropped. */
export async function compileMjml(mjml: string): Promise<string> {
  const { default: mjml2html } = await import("mjml");
  const result = await mjml2html(mjml, { validationLevel: "strict", fonts: {}, keepComments: false });
  // Indentation is MJML's pretty-printing; no <pre> is in the skeleton, so dropping it changes nothing a reader sees.
  return result.html.replace(/\n\s+/g, "\n");
}

function splitSlots(html: string): Skeleton {
  const parts: string[] = [];
  const slots: string[] = [];
  let last = 0;
  for (const match of html.matchAll(slotPattern)) {
    parts.push(html.slice(last, match.index));
    slots.push(match[1] as string);
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(html.slice(last));
  // A bug in the skeleton, not bad input: no reader-facing code for it.
  const missing = ["title", "preview", "body"].filter((name) => !slots.includes(name));
  if (missing.length) throw new Error(`The email skeleton lost slot(s) ${missing.join(", ")}.`);
  return { parts, slots };
}

/** The background of each frame, in a palette. */
export function frameBackground(theme: Theme, frame: Frame, dark: boolean): string {
  const c = dark ? theme.dark : theme.light;
  if (frame === "mast") return theme.masthead === "inverse" ? c.banner : c.surface;
  return frame === "panel" ? c.panel : frame === "foot" ? c.page : c.surface;
}

/** Dark mode for clients that honour it (Apple Mail, iOS Mail): the dark palette, restated !important. */
function darkCss(theme: Theme, parts: string[]): string {
  const rows = frames.map((frame) => {
    const bg = frameBackground(theme, frame, true);
    return `.db-f-${frame}{background:${bg}!important;background-color:${bg}!important;border-top-color:${frame === "mast" ? theme.dark.accent : theme.dark.rule}!important}`;
  });
  // The article wrapper MJML puts inside the body has the light page colour inline: dark mode must cover it too, or a
  // bright frame is left around the issue.
  const page = `body,.db-body,body>div[role=article]{background:${theme.dark.page}!important;background-color:${theme.dark.page}!important}`;
  return `@media (prefers-color-scheme:dark){\n${[page, ...rows, ...parts].join("\n")}\n}`;
}

function partColours(theme: Theme): string[] {
  const dark = partStyles(theme, theme.dark);
  return partNames
    .map((part: Part) => [part, colourDeclarations(dark[part])] as const)
    .filter(([, css]) => css)
    .map(([part, css]) => `.db-${part}{${css}}`);
}

const mobileCss = `@media only screen and (max-width:479px){
.db-wrap>table>tbody>tr>td{padding:0!important}
.db-fp{padding-left:18px!important;padding-right:18px!important}
.db-title{font-size:23px!important}
.db-prompt{font-size:13px!important}
}`;

/** The MJML document with a token in each slot (exported for the test that compiles it filled, without the cache). */
export function skeletonMjml(theme: Theme): string {
  const c = theme.light;
  const parts = partColours(theme);
  // Outlook.com marks what it recolours with data-ogsc (text); a separate <style> so a client that rejects the
  // attribute selector drops these rules alone.
  const outlook = parts.map((rule) => `[data-ogsc] ${rule}`).join("\n");
  return `<mjml lang="en">
<mj-head>
<mj-title>${slotToken("title")}</mj-title>
<mj-preview>${slotToken("preview")}</mj-preview>
<mj-attributes>
<mj-all font-family="${theme.fonts.body.replace(/"/g, "'")}" />
<mj-text padding="0" font-size="16px" line-height="1.6" color="${c.text}" />
<mj-column padding="0" />
</mj-attributes>
<mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>
<mj-style>:root{color-scheme:light dark;supported-color-schemes:light dark}
a{color:${c.link}}
${mobileCss}
${darkCss(theme, parts)}</mj-style>
<mj-raw><style type="text/css">
${outlook}
</style></mj-raw>
</mj-head>
<mj-body width="600px" background-color="${c.page}" css-class="db-body">
<mj-section padding="24px 0" css-class="db-wrap"><mj-column><mj-text>${slotToken("body")}</mj-text></mj-column></mj-section>
</mj-body>
</mjml>`;
}
