import { plainText } from "../html/sanitize.ts";

/**
 * What a page's schema.org JSON-LD says about its article. Publishers fill it carefully for search engines, so it
 * is the first source of metadata; it is also untrusted input, read defensively (malformed JSON is skipped,
 * nesting and list lengths are bounded).
 */
export type LdFacts = {
  headline?: string;
  /** The node's name, which some sites fill with the title when the headline holds a description. */
  name?: string;
  datePublished?: string;
  author: string | null;
  publisher: string | null;
  image?: string;
};

const articleTypes = /Article|Posting|Report|NewsArticle|WebPage|Episode|ScholarlyArticle/;

export function readJsonLd(document: Document): LdFacts {
  const facts: LdFacts = { author: null, publisher: null };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    for (const node of flatten(data)) {
      const types = node["@type"];
      const type = (Array.isArray(types) ? types : [types]).filter((t) => typeof t === "string").join(" ");
      if (!articleTypes.test(type)) continue;
      facts.headline ??= str(node.headline) ?? str(node.name);
      facts.name ??= str(node.name);
      facts.datePublished ??= str(node.datePublished) ?? str(node.dateCreated);
      facts.author ??= names(node.author);
      facts.publisher ??= names(node.publisher);
      facts.image ??= imageUrl(node.image);
      if (facts.headline && facts.datePublished && facts.author) return facts;
    }
  }
  return facts;
}

/** The objects of a JSON-LD document, through arrays and @graph, to a bounded depth (it is untrusted input). */
function flatten(data: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > 8) return [];
  if (Array.isArray(data)) return data.slice(0, 200).flatMap((item) => flatten(item, depth + 1));
  if (data && typeof data === "object") {
    const node = data as Record<string, unknown>;
    const graph = node["@graph"];
    return graph ? [node, ...flatten(graph, depth + 1)] : [node];
  }
  return [];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) =>
      typeof v === "string" ? v : v && typeof v === "object" ? str((v as Record<string, unknown>).name) : undefined,
    )
    .filter((v): v is string => Boolean(v));
  return list.length ? plainText(list.join(", ")) : null;
}

function imageUrl(value: unknown, depth = 0): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return depth < 4 ? imageUrl(value[0], depth + 1) : undefined;
  if (value && typeof value === "object") return str((value as Record<string, unknown>).url);
  return undefined;
}
