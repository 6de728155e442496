import { generateOpml, parseOpml } from "feedsmith";
import { DaybriefError } from "../errors.ts";
import { type SourceKind, sourceKinds } from "../model/source.ts";
import { singleLine } from "../text/controls.ts";

export type OpmlSource = {
  url: string;
  name: string;
  siteUrl: string | null;
  kind: SourceKind;
  category: string | null;
};

type Outline = {
  text?: string;
  title?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  category?: string;
  type?: string;
  outlines?: Outline[];
};

/**
 * Reads the feeds of an OPML subscription list (as feed readers export it), flattening folders; a folder name that
 * is a source kind ("podcast", "arxiv"…) sets the kind of the feeds inside. Names and folders are one line of text,
 * without control characters or escape sequences (an OPML title is as untrusted as a feed).
 */
export function readOpml(text: string): OpmlSource[] {
  let doc: { body?: { outlines?: Outline[] } };
  try {
    doc = parseOpml(text) as typeof doc;
  } catch (error) {
    throw new DaybriefError("E_OPML_PARSE", `Not an OPML document: ${(error as Error).message}`, { cause: error });
  }
  const out: OpmlSource[] = [];
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined, folder: string | null) => {
    for (const outline of outlines ?? []) {
      const url = outline.xmlUrl ? singleLine(outline.xmlUrl) : undefined;
      if (url && /^https?:\/\//i.test(url) && !seen.has(url)) {
        seen.add(url);
        const category = outline.category ? singleLine(outline.category) || null : folder;
        const hint = (category ?? "").toLowerCase();
        out.push({
          url,
          name: singleLine(outline.title ?? outline.text ?? "") || new URL(url).hostname,
          siteUrl: outline.htmlUrl ? singleLine(outline.htmlUrl) || null : null,
          kind: sourceKinds.find((k) => hint.includes(k)) ?? (outline.type === "podcast" ? "podcast" : "news"),
          category,
        });
      }
      const name = singleLine(outline.title ?? outline.text ?? "");
      walk(outline.outlines, outline.xmlUrl ? folder : name || folder);
    }
  };
  walk(doc.body?.outlines, null);
  return out;
}

/** Writes sources as OPML 2.0, one folder per kind. */
export function writeOpml(
  sources: Array<{ url: string; name: string; siteUrl: string | null; kind: string }>,
  title = "Daybrief sources",
): string {
  const kinds = [...new Set(sources.map((s) => s.kind))].sort();
  return generateOpml({
    head: { title, dateCreated: new Date() },
    body: {
      outlines: kinds.map((kind) => ({
        text: kind,
        outlines: sources
          .filter((s) => s.kind === kind)
          .map((s) => ({
            text: s.name,
            title: s.name,
            type: "rss",
            xmlUrl: s.url,
            ...(s.siteUrl ? { htmlUrl: s.siteUrl } : {}),
          })),
      })),
    },
  });
}
