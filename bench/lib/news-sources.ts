import type { SourceKind } from "../../src/model/source.ts";
import { companies } from "../../src/text/entities/companies.ts";
import { outletFirst, outletSecond, podcastNames } from "./news-words.ts";
import { random } from "./random.ts";

/** A source of the synthetic corpus: what the store's `sources` table would hold for it. */
export type NewsSource = { id: string; name: string; kind: SourceKind; weight: number; domain: string };

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");

/**
 * The synthetic corpus's sources, the same on every run: 150 news outlets ("Silicon Ledger", "Tensor Wire"…) with
 * editorial weights between 0.8 and 1.4, the blogs of the 40 most prominent companies, four arXiv listings and six
 * podcasts.
 */
export function newsSources(): NewsSource[] {
  const next = random(17);
  const out: NewsSource[] = [];
  for (const first of outletFirst) {
    for (const second of outletSecond) {
      const name = `${first} ${second}`;
      const weight = Math.round((0.8 + next() * 0.6) * 10) / 10;
      out.push({ id: `src_${slug(name)}`, name, kind: "news", weight, domain: `${slug(name)}.example` });
    }
  }
  const prominent = [...companies].sort((a, b) => b.prominence - a.prominence).slice(0, 40);
  for (const company of prominent) {
    const name = `${company.name} Blog`;
    out.push({ id: `src_${slug(name)}`, name, kind: "company", weight: 1, domain: `${slug(company.name)}.example` });
  }
  for (const list of ["cs.CL", "cs.LG", "cs.AI", "cs.CV"]) {
    out.push({ id: `src_arxiv_${slug(list)}`, name: `arXiv ${list}`, kind: "arxiv", weight: 0.9, domain: "arxiv.org" });
  }
  for (const name of podcastNames) {
    out.push({ id: `src_${slug(name)}`, name, kind: "podcast", weight: 0.8, domain: `${slug(name)}.example` });
  }
  return out;
}
