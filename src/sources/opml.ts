import { generateOpml, parseOpml } from "feedsmith";
import { DaybriefError } from "../errors.ts";
import { type SourceKind, sourceKinds } from "../model/source.ts";

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
 * is a source kind ("podcast", "arxiv"…) sets the kind of the feeds inside.
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
      const url = outline.xmlUrl?.trim();
      if (url && /^https?:\/\//i.test(url) && !seen.has(url)) {
        seen.add(url);
        const hint = (outline.category ?? folder ?? "").toLowerCase();
        out.push({
          url,
          name: (outline.title ?? outline.text ?? new URL(url).hostname).trim(),
          siteUrl: outline.htmlUrl ?? null,
          kind: sourceKinds.find((k) => hint.includes(k)) ?? (outline.type === "podcast" ? "podcast" : "news"),
          category: outline.category ?? folder,
        });
      }
      walk(outline.outlines, outline.xmlUrl ? folder : (outline.title ?? outline.text ?? folder));
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
