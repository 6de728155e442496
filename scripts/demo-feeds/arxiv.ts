// arXiv API style response: Atom 1.0 with opensearch elements, arxiv:primary_category, one <author> per
// author, wrapped titles/abstracts, rel=alternate abstract link and title="pdf" link.
import { rfc3339 } from "../demo-lib/dates.ts";
import type { Entry, FeedContext } from "../demo-lib/site.ts";
import { bodyText, escAttr, escText, hash } from "../demo-lib/text.ts";
import type { Item } from "../demo-lib/types.ts";
import { tag, xmlDecl } from "./common.ts";

/**
 * arXiv id of an item: the slug itself when it is an arXiv id ("2505.06708"), otherwise a made-up
 * new-style December 2025 id increasing with the item's position (seq is oldest-first).
 */
export function arxivId(item: Item, seq: number): string {
  if (/^\d{4}\.\d{4,5}$/.test(item.slug)) return item.slug;
  return `2512.${String(1200 + seq * 850 + (hash(item.slug) % 400)).padStart(5, "0")}`;
}

/** Items with an `updated` date are at version 2. */
export function arxivVersion(item: Item): number {
  return item.updated === undefined ? 1 : 2;
}

/** Author list from "A, B and C" / "A; B" / "Team et al." (the "et al." is dropped). */
export function authorsOf(item: Item): string[] {
  return item.author
    .split(/,\s*(?:and\s+)?|\s+and\s+|;\s*/)
    .map((a) => a.replace(/\s*\bet al\.?$/, "").trim())
    .filter((a) => a !== "");
}

const NAMED: Record<string, string> = {
  "artificial intelligence": "cs.AI",
  "machine learning": "cs.LG",
  "computation and language": "cs.CL",
  nlp: "cs.CL",
  "computer vision": "cs.CV",
  "computer vision and pattern recognition": "cs.CV",
  robotics: "cs.RO",
  "neural and evolutionary computing": "cs.NE",
  "information retrieval": "cs.IR",
  "distributed computing": "cs.DC",
  "software engineering": "cs.SE",
  "hardware architecture": "cs.AR",
  "statistics machine learning": "stat.ML",
};

export const SUBJECT_NAMES: Record<string, string> = {
  "cs.AI": "Artificial Intelligence",
  "cs.LG": "Machine Learning",
  "cs.CL": "Computation and Language",
  "cs.CV": "Computer Vision and Pattern Recognition",
  "cs.RO": "Robotics",
  "cs.NE": "Neural and Evolutionary Computing",
  "cs.IR": "Information Retrieval",
  "cs.DC": "Distributed, Parallel, and Cluster Computing",
  "cs.SE": "Software Engineering",
  "cs.AR": "Hardware Architecture",
  "stat.ML": "Machine Learning (stat)",
};

/** Item categories as arXiv category codes; the first is the primary category. */
export function arxivCategories(item: Item): string[] {
  const codes = item.categories
    .map((c) => (/^[a-z-]+\.[A-Za-z-]{2,}$/.test(c) ? c : NAMED[c.toLowerCase()]))
    .filter((c): c is string => c !== undefined);
  const unique = [...new Set(codes)];
  return unique.length > 0 ? unique : ["cs.AI", "cs.LG"];
}

/** Hard-wrap text at `width` columns (arXiv abstracts and long titles arrive wrapped). */
export function wrap(text: string, width: number, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join(`\n${indent}`);
}

function entry(ctx: FeedContext, e: Entry): string {
  const it = e.item;
  const id = arxivId(it, e.seq);
  const v = arxivVersion(it);
  const cats = arxivCategories(it);
  const abs = `${ctx.siteUrl}abs/${id}v${v}`;
  const abstract = bodyText(it.body).join(" ");
  const lines = [
    tag("id", abs),
    tag("updated", rfc3339(it.updated ?? it.published)),
    tag("published", rfc3339(it.published)),
    tag("title", wrap(it.title, 70, "  ")),
    `<summary>  ${escText(wrap(abstract, 78))}\n</summary>`,
    ...authorsOf(it).map((a) => `<author>\n      ${tag("name", a)}\n    </author>`),
    `<link href="${escAttr(abs)}" rel="alternate" type="text/html" />`,
    `<link title="pdf" href="${escAttr(`${ctx.siteUrl}pdf/${id}v${v}`)}" rel="related" type="application/pdf" />`,
    `<arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${escAttr(cats[0] ?? "cs.AI")}" scheme="http://arxiv.org/schemas/atom" />`,
    ...cats.map((c) => `<category term="${escAttr(c)}" scheme="http://arxiv.org/schemas/atom" />`),
  ];
  return `  <entry>\n${lines.map((l) => `    ${l}`).join("\n")}\n  </entry>`;
}

export function arxiv(ctx: FeedContext): string {
  const query = "search_query=cat:cs.AI OR cat:cs.LG&id_list=&start=0&max_results=50";
  const self = `${ctx.siteUrl}api/query?search_query%3Dcat%3Acs.AI%20OR%20cat%3Acs.LG%26id_list%3D%26start%3D0%26max_results%3D50`;
  const os = 'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"';
  return `${xmlDecl("utf-8")}<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="${escAttr(self)}" rel="self" type="application/atom+xml" />
  <title type="html">ArXiv Query: ${escText(escText(query))}</title>
  ${tag("id", `${ctx.siteUrl}api/${hash(query).toString(36)}`)}
  ${tag("updated", rfc3339(ctx.lastBuild, -300, { zulu: false }).replace(/T.*/, "T00:00:00-05:00"))}
  <opensearch:totalResults ${os}>${ctx.entries.length}</opensearch:totalResults>
  <opensearch:startIndex ${os}>0</opensearch:startIndex>
  <opensearch:itemsPerPage ${os}>50</opensearch:itemsPerPage>
${ctx.entries.map((e) => entry(ctx, e)).join("\n")}
</feed>
`;
}
