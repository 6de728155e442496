import { readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { extractEntities } from "./src/stories/entities/extract-entities.ts";
const bodies: string[] = [];
for (const f of readdirSync("demo/content").filter((f) => f.endsWith(".yaml"))) {
  const doc = parse(readFileSync(`demo/content/${f}`, "utf8")) as { items: { body?: string }[] };
  for (const it of doc.items) if (it.body) bodies.push(it.body);
}
const words = bodies.join(" ").split(/\s+/);
const texts: string[] = [];
for (let i = 0; i + 120 < words.length; i += 120) texts.push(words.slice(i, i + 120).join(" "));
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 4000) { for (const t of texts) { extractEntities(t); n++; } }
console.log(Math.round(n / ((performance.now() - t0) / 1000)));
