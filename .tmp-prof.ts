import { readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { findAmounts } from "./src/stories/entities/amounts.ts";
import { tokenize } from "./src/stories/entities/tokenize.ts";
import { extractEntities } from "./src/stories/entities/extract-entities.ts";
const bodies: string[] = [];
for (const f of readdirSync("demo/content").filter((f) => f.endsWith(".yaml"))) {
  const doc = parse(readFileSync(`demo/content/${f}`, "utf8")) as { items: { body?: string }[] };
  for (const it of doc.items) if (it.body) bodies.push(it.body);
}
const words = bodies.join(" ").split(/\s+/);
const texts: string[] = [];
for (let i = 0; i + 120 < words.length; i += 120) texts.push(words.slice(i, i + 120).join(" "));
const toks = texts.map((t) => tokenize(t));
function bench(name: string, f: (t: string, i: number) => unknown) {
  for (let i = 0; i < texts.length; i++) f(texts[i]!, i);
  const c0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
  while (performance.now() - t0 < 2000) { for (let i = 0; i < texts.length; i++) { f(texts[i]!, i); n++; } }
  const c = process.cpuUsage(c0); const cpu = (c.user + c.system) / 1e6;
  console.log(name.padEnd(12), "cpu texts/s", Math.round(n / cpu), " wall texts/s", Math.round(n / ((performance.now() - t0) / 1000)));
}
bench("tokenize", (t) => tokenize(t));
bench("amounts", (t, i) => findAmounts(t, toks[i]));
bench("all", (t) => extractEntities(t));
