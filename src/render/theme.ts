import type { Section, SectionKind } from "../model/issue.ts";

/** The colours one look needs. Email inlines the light palette and swaps in the dark one by media query. */
export type Palette = {
  page: string;
  surface: string;
  text: string;
  muted: string;
  accent: string;
  link: string;
  rule: string;
  panel: string;
  code: string;
  codeText: string;
  banner: string;
  bannerText: string;
  bull: string;
  bear: string;
  flat: string;
};

export type Theme = {
  id: string;
  light: Palette;
  dark: Palette;
  fonts: { body: string; heading: string; mono: string };
  /** "inverse": the masthead sits on the banner colour; "rule": on the surface under an accent rule. */
  masthead: "inverse" | "rule";
  /** Section kinds framed as a tinted panel. */
  panelKinds: SectionKind[];
};

const sans = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";
const serif = "Georgia,'Times New Roman',Times,serif";
const mono = "ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace";

/** The digest: clean and cool, sans-serif throughout, a blue accent. */
const digest: Theme = {
  id: "digest",
  light: {
    page: "#eef1f5",
    surface: "#ffffff",
    text: "#1b2230",
    muted: "#556070",
    accent: "#2848c8",
    link: "#2445c0",
    rule: "#dfe4ec",
    panel: "#f4f6fa",
    code: "#f3f5f9",
    codeText: "#1b2230",
    banner: "#2848c8",
    bannerText: "#ffffff",
    bull: "#17753a",
    bear: "#b3261e",
    flat: "#556070",
  },
  dark: {
    page: "#0d1117",
    surface: "#161b22",
    text: "#e6edf3",
    muted: "#9ba6b3",
    accent: "#86a4ff",
    link: "#9ab3ff",
    rule: "#2e3540",
    panel: "#1c2230",
    code: "#0f141b",
    codeText: "#e6edf3",
    banner: "#2a3f8f",
    bannerText: "#ffffff",
    bull: "#5ccf83",
    bear: "#ff8a80",
    flat: "#9ba6b3",
  },
  fonts: { body: sans, heading: sans, mono },
  masthead: "rule",
  panelKinds: [],
};

/** The briefing: warm paper, serif headings, an inverse masthead and a burnt-orange accent. */
const briefing: Theme = {
  id: "briefing",
  light: {
    page: "#efe8db",
    surface: "#fffcf6",
    text: "#1f1b16",
    muted: "#655c50",
    accent: "#a93f12",
    link: "#9a3a10",
    rule: "#e4d9c6",
    panel: "#f6eee0",
    code: "#f3ecdf",
    codeText: "#1f1b16",
    banner: "#1f1b16",
    bannerText: "#fff8ec",
    bull: "#17753a",
    bear: "#b3261e",
    flat: "#655c50",
  },
  dark: {
    page: "#11100d",
    surface: "#1b1815",
    text: "#f0e9dd",
    muted: "#b0a595",
    accent: "#f29a6b",
    link: "#f5ab82",
    rule: "#37312a",
    panel: "#25211c",
    code: "#15130f",
    codeText: "#f0e9dd",
    banner: "#2b2620",
    bannerText: "#fff8ec",
    bull: "#5ccf83",
    bear: "#ff8a80",
    flat: "#b0a595",
  },
  fonts: { body: sans, heading: serif, mono },
  masthead: "inverse",
  panelKinds: ["market", "quote"],
};

const themes: Record<string, Theme> = { digest, briefing };

/** The built-in themes (their email skeletons are precompiled). */
export const builtinThemes: Theme[] = [digest, briefing];

/** The look of an edition; an edition without its own (a user's YAML edition) gets the digest's. */
export function themeFor(edition: string, brandColor: string | null): Theme {
  const theme = themes[edition] ?? digest;
  if (!brandColor) return theme;
  return {
    ...theme,
    light: {
      ...theme.light,
      accent: brandColor,
      link: brandColor,
      banner: theme.masthead === "rule" ? brandColor : theme.light.banner,
    },
  };
}

const startsWithEmoji = /^\s*\p{Extended_Pictographic}/u;

/**
 * The icon to put before a section's heading: the one its edition gave it (edition YAML `emoji: true` and the
 * section's `icon`), unless emoji are off for this render or the heading starts with one already.
 */
export function sectionIcon(section: Section, emoji: boolean): string | null {
  if (!emoji || !section.heading || !section.icon?.trim() || startsWithEmoji.test(section.heading)) return null;
  return section.icon.trim();
}

/** A stories section of one-line headlines under a bracketed theme ("[THE SOVEREIGN COMPUTE ERA]") is a banner. */
export function isBanner(section: Section): boolean {
  return section.kind === "stories" && section.style === "headline" && section.heading !== null;
}
