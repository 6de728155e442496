import { stripControls } from "./controls.ts";

/** Alt text longer than this is cut: screen readers read it whole, and a page's description is not a caption. */
export const maxAltChars = 160;

/**
 * An image's description from a source (og:image:alt, media:description) made fit for an `alt` attribute: controls,
 * terminal escapes and bidi overrides removed, whitespace (line breaks too) collapsed, at most `max` characters —
 * cut at a word and ended with "…" — or null when nothing is left. It is applied where the text enters (ingest) and
 * again where it is used (the lead image), so an older or hand-edited store cannot bring a bad one back.
 *
 * @example imageAltText("A rack of\n Trainium3 servers\u202e") // "A rack of Trainium3 servers"
 */
export function imageAltText(text: string | null | undefined, max = maxAltChars): string | null {
  if (!text) return null;
  const clean = stripControls(text).normalize("NFC").replace(/\s+/g, " ").trim();
  if (!clean) return null;
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${(atWord.length >= max / 2 ? atWord : cut).replace(/[\s,;:.—–-]+$/, "")}…`;
}
