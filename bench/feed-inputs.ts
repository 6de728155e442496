import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { demoRoot, loadDemoSources } from "../src/cli/demo-site.ts";
import { decodeBytes } from "../src/ingest/decode.ts";
import { random } from "./lib/random.ts";

/** One feed document, decoded once up front so every contender gets the very same string. */
export type FeedDoc = { name: string; url: string; text: string };

export const gofeedRoot = resolve(import.meta.dirname, "../../shared/data/gofeed/testdata");
/** The demo feeds' origin placeholder is replaced by this unreachable origin: links stay absolute, nothing is fetched. */
export const demoOrigin = "http://127.0.0.1:1";

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** gofeed keeps inputs beside expected outputs: an input is any .xml, or a .json that is not some input's expectation. */
function isGofeedInput(path: string): boolean {
  if (path.endsWith(".xml")) return true;
  if (!path.endsWith(".json") || path.endsWith("_expected.json")) return false;
  return !existsSync(`${path.slice(0, -".json".length)}.xml`);
}

export function gofeedDocs(folder: "parser" | "translator"): FeedDoc[] {
  return listFiles(join(gofeedRoot, folder))
    .filter(isGofeedInput)
    .sort()
    .map((path) => {
      const name = relative(gofeedRoot, path);
      const kind = path.endsWith(".json") ? "json" : "xml";
      return { name, url: `https://feeds.example.org/${name}`, text: decodeBytes(readFileSync(path), { kind }).text };
    });
}

export function demoFeedDocs(): FeedDoc[] {
  const siteDir = join(demoRoot, "site");
  const routes = JSON.parse(readFileSync(join(siteDir, "_routes.json"), "utf8")) as Record<
    string,
    { file: string; type: string }
  >;
  return loadDemoSources().flatMap((source) => {
    const route = routes[source.path];
    if (!route) return [];
    const raw = readFileSync(join(siteDir, route.file)).toString("latin1").replaceAll("__ORIGIN__", demoOrigin);
    const kind = route.type.includes("json") ? "json" : "xml";
    const text = decodeBytes(Buffer.from(raw, "latin1"), { kind, contentType: route.type }).text;
    return [{ name: source.id, url: `${demoOrigin}${source.path}`, text }];
  });
}

const words = (
  "model training inference cluster GPU accelerator data centre gigawatt startup funding round valuation benchmark " +
  "agent reasoning open weights license regulator policy export controls chip foundry memory bandwidth latency " +
  "token context window developers platform release preview customers enterprise revenue quarter analysts said " +
  "the a of to and in for with on that is was will its their by from as at"
).split(" ");

export function largeFeed(items: number): FeedDoc {
  const next = random(2025);
  const pick = () => words[Math.floor(next() * words.length)] as string;
  const sentence = (n: number) => {
    const list = Array.from({ length: n }, pick);
    const at = Math.floor(next() * n);
    list[at] =
      next() < 0.3 ? `<a href="/news/${Math.floor(next() * 9999)}">${list[at]}</a>` : `<strong>${list[at]}</strong>`;
    return `${list.join(" ")} &amp; ${pick()}.`;
  };
  const paragraph = () =>
    `<p class="body-text" style="margin:0">${Array.from({ length: 4 + Math.floor(next() * 4) }, () => sentence(12)).join(" ")}</p>`;
  const extra = (i: number) =>
    [
      `<figure><img src="https://cdn.example.com/img/${i}.jpg" alt="Photo ${i}" width="1200" height="675" loading="lazy"><figcaption>Photo: Example</figcaption></figure>`,
      `<blockquote><p>“${sentence(14)}”</p></blockquote>`,
      `<ul><li>${sentence(6)}</li><li>${sentence(7)}</li><li>${sentence(5)}</li></ul>`,
      `<h2>${pick()} ${pick()}</h2><script>track(${i})</script><p onclick="x()">${sentence(10)}</p>`,
    ][i % 4];
  const entries = Array.from({ length: items }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, "0");
    const body = `${paragraph()}${extra(i)}${paragraph()}${paragraph()}${i % 3 === 0 ? paragraph() : ""}`;
    return `<item><title>${pick()} ${pick()} &amp; ${pick()} ${i}</title><link>https://news.example.com/${day}/story-${i}</link>
<guid isPermaLink="false">story-${i}</guid><pubDate>Tue, ${day} Dec 2025 09:${String(i % 60).padStart(2, "0")}:00 +0000</pubDate>
<dc:creator>Reporter ${i % 37}</dc:creator><category>AI</category><category>${pick()}</category>
<description>${sentence(20).replace(/<[^>]+>/g, "")}</description><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
  });
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Large feed</title><link>https://news.example.com/</link><description>Synthetic</description>
${entries.join("\n")}
</channel></rss>`;
  return { name: `large-${items}`, url: "https://news.example.com/feed.xml", text };
}
