import { readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { extractEntities } from "./src/stories/entities/extract-entities.ts";
const detector = /(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|trillion|bn|mn|tn|[kmbtKMBT])\b)?)|(?<![\w.,-])\d[\d,]*(?:\.\d+)?\s?(?:GW|MW|gigawatts?|parameters|tokens|GPUs|nm|x)(?![\w])/g;
let total = 0, missed = 0;
const bodies: string[] = [];
for (const f of readdirSync("demo/content").filter((f) => f.endsWith(".yaml"))) {
  const doc = parse(readFileSync(`demo/content/${f}`, "utf8")) as { items: { body?: string }[] };
  for (const it of doc.items) if (it.body) bodies.push(it.body);
}
for (const body of bodies) {
  const ents = extractEntities(body);
  for (const m of body.matchAll(detector)) {
    total++;
    const s = m.index, e = s + m[0].length;
    const hit = ents.find((x) => (x.type === "money" || x.type === "quantity") && x.value !== undefined && x.start < e && x.end > s);
    if (!hit) { missed++; console.log("MISS", JSON.stringify(m[0]), "|", body.slice(Math.max(0, s - 40), e + 40).replace(/\n/g, " ")); }
  }
}
console.log({ bodies: bodies.length, total, missed });
// throughput
const words = bodies.join(" ").split(/\s+/);
const texts: string[] = [];
for (let i = 0; i + 120 < words.length; i += 120) texts.push(words.slice(i, i + 120).join(" "));
for (let r = 0; r < 3; r++) { const t0 = performance.now(); let n = 0; while (performance.now() - t0 < 1000) { for (const t of texts) { extractEntities(t); n++; } } console.log("texts/s", Math.round(n / ((performance.now() - t0) / 1000)), "n texts", texts.length); }
