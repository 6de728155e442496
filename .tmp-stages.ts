import { readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { findAmounts } from "./src/stories/entities/amounts.ts";
import { tokenize } from "./src/stories/entities/tokenize.ts";
import { startScan } from "./src/stories/entities/scan.ts";
import { findLaterMentions, findOrganisations, findPeople, findPlacesBeforeRegions } from "./src/stories/entities/name-rules.ts";
import { findDigitProducts } from "./src/stories/entities/product-rules.ts";
import { findTickers } from "./src/stories/entities/tickers.ts";
import * as X from "./src/stories/entities/extract-entities.ts";
const bodies: string[] = [];
for (const f of readdirSync("demo/content").filter((f) => f.endsWith(".yaml"))) {
  const doc = parse(readFileSync(`demo/content/${f}`, "utf8")) as { items: { body?: string }[] };
  for (const it of doc.items) if (it.body) bodies.push(it.body);
}
const words = bodies.join(" ").split(/\s+/);
const texts: string[] = [];
for (let i = 0; i + 120 < words.length; i += 120) texts.push(words.slice(i, i + 120).join(" "));
const stages = ["tok", "start", "known", "digit", "people", "orgs", "places", "later", "tickers", "amounts", "final"];
const acc = new Float64Array(stages.length);
const known = (X as unknown as { findKnownNamesForBench?: (s: unknown) => void }).findKnownNamesForBench!;
let n = 0;
const t0 = performance.now();
while (performance.now() - t0 < 3000) for (const t of texts) {
  let a = performance.now(); let k = 0;
  const lap = () => { const b = performance.now(); acc[k++]! += b - a; a = b; };
  const tokens = tokenize(t); lap();
  const scan = startScan(t, tokens); lap();
  known(scan); lap();
  findDigitProducts(scan); lap();
  findPeople(scan); lap();
  findOrganisations(scan); lap();
  findPlacesBeforeRegions(scan); lap();
  findLaterMentions(scan); lap();
  findTickers(scan); lap();
  const amounts = findAmounts(t, tokens); lap();
  const am = amounts.filter((x) => !scan.found.some((e) => x.start > e.start && x.start < e.end));
  const named = scan.found.filter((e) => e.type === "product" || !am.some((x) => e.start >= x.start && e.end <= x.end));
  [...named, ...am].sort((x, y) => x.start - y.start || y.end - x.end); lap();
  n++;
}
stages.forEach((s, i) => console.log(s.padEnd(8), (acc[i]! / n * 1000).toFixed(2), "µs"));
